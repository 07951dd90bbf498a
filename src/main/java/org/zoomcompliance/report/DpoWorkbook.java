package org.zoomcompliance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.infrastructure.DataFile;
import org.zoomcompliance.config.Language;
import org.zoomcompliance.month.MonthFacts;
import org.zoomcompliance.month.MonthRegister;
import org.zoomcompliance.month.MonthWindow;
import org.zoomcompliance.month.OpenDeviations;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.config.Profile;
import org.zoomcompliance.policy.RuleTexts;
import org.zoomcompliance.config.Severity;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.report.SheetWriter.Column;

/**
 * Writes the DPO workbook of a month: the {@code Summary} sheet with its charts on an XSSF template, then the data
 * sheets streamed through SXSSF from JDBC cursors, so that memory does not grow with the month's size. What the
 * month was judged on (inventory, snapshots, files, whether it was evaluated) is read from its month facts.
 */
final class DpoWorkbook {

    /** The sheets, in their order (a data sheet past the row limit continues on {@code Name (2)}...). */
    static final List<String> SHEETS =
            List.of("Summary", "Deviations", "Recordings", "Transfers", "Accounts", "Data quality", "Register");

    // Column widths in characters (Excel's unit: a digit, plus a margin that makes a fixed column one wider than
    // its longest value): each table's sum keeps A4 landscape, one page wide, at a legible scale (see PageSetUp and
    // DemoWorkbookRenderingTest); long text wraps, codes, identifiers and dates fit.
    static final List<Column> DEVIATION_COLUMNS = List.of(Column.wrapped("Rule", 15), Column.fixed("Severity", 8),
            Column.fixed("Status", 9), Column.fixed("Occurred", 17), Column.fixed("Meeting ID", 13),
            Column.wrapped("Topic", 14), Column.wrapped("Host", 17), Column.fixed("Profile", 13),
            Column.wrapped("Evidence", 26), Column.wrapped("Rule name", 14),
            Column.wrapped("Action and contact", 26));
    static final List<Column> RECORDING_COLUMNS = List.of(Column.fixed("Meeting ID", 13), Column.wrapped("Topic", 28),
            Column.wrapped("Host", 24), Column.fixed("Profile", 13), Column.fixed("Storage", 8),
            Column.fixed("Recorded", 17), Column.wrapped("Age (days)", 7), Column.wrapped("Retention (days)", 10),
            Column.wrapped("Overdue (days)", 9), Column.fixed("As of", 11));
    static final List<Column> TRANSFER_COLUMNS = List.of(Column.fixed("Meeting ID", 13), Column.fixed("Date", 11),
            Column.wrapped("Host", 24), Column.wrapped("Data centre", 16), Column.fixed("Country", 8),
            Column.wrapped("Region", 24), Column.wrapped("Participants", 12), Column.fixed("Started", 17),
            Column.wrapped("Topic", 28));
    static final List<Column> ACCOUNT_COLUMNS = List.of(Column.wrapped("Account", 26), Column.fixed("Profile", 13),
            Column.wrapped("Issue", 20), Column.wrapped("Detail", 40), Column.fixed("Severity", 8),
            Column.fixed("Status", 9), Column.wrapped("Issue name", 18), Column.wrapped("Recommended action", 32));
    static final List<Column> DATA_QUALITY_COLUMNS = List.of(Column.wrapped("File", 26), Column.wrapped("Kind", 14),
            Column.wrapped("SHA-256", 22), Column.fixed("Ingested at", 17), Column.wrapped("Rows read", 8),
            Column.wrapped("Rows ingested", 9), Column.wrapped("Rows rejected", 9), Column.wrapped("Reasons", 45),
            Column.fixed("Status", 13), Column.wrapped("Rows duplicate", 9));
    static final List<Column> REGISTER_COLUMNS = List.of(Column.wrapped("Section", 18), Column.wrapped("Item", 26),
            Column.wrapped("Value", 40), Column.fixed("Date", 11), Column.wrapped("Detail", 60));

    static final List<String> DEVIATION_HEADERS = SheetWriter.headers(DEVIATION_COLUMNS);
    static final List<String> RECORDING_HEADERS = SheetWriter.headers(RECORDING_COLUMNS);
    static final List<String> TRANSFER_HEADERS = SheetWriter.headers(TRANSFER_COLUMNS);
    static final List<String> ACCOUNT_HEADERS = SheetWriter.headers(ACCOUNT_COLUMNS);
    static final List<String> DATA_QUALITY_HEADERS = SheetWriter.headers(DATA_QUALITY_COLUMNS);
    static final List<String> REGISTER_HEADERS = SheetWriter.headers(REGISTER_COLUMNS);

    /** How many line numbers of rejected rows Data quality gives per reason (the count says how many in all). */
    private static final int REJECTED_LINES_SHOWN = 10;

    /** What a month never evaluated (or evaluated without any input) shows instead of a count. */
    static final String NOT_EVALUATED = "not evaluated";

    private static final int FETCH_SIZE = 1_000;
    private static final int ROWS_IN_MEMORY = 200;
    private static final int TREND_MONTHS = 12;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Policy policy;
    private final MonthRegister register;
    private final PseudonymKeyStore keys;
    private final Clock clock;
    private final int maxRowsPerSheet;
    private final RuleTexts ruleTexts;
    private final Map<String, String> regionNames;

    DpoWorkbook(DataSource dataSource, PlatformTransactionManager transactions, Policy policy, PseudonymKeyStore keys,
            Clock clock, int maxRowsPerSheet) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.register = new MonthRegister(this.jdbc);
        // PostgreSQL streams a result set through a cursor only inside a transaction and with a fetch size.
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.policy = policy;
        this.keys = keys;
        this.clock = clock;
        this.maxRowsPerSheet = maxRowsPerSheet;
        this.ruleTexts = RuleTexts.load(policy.institution().language());
        this.regionNames = regionNames(policy.institution().language());
    }

    private static Map<String, String> regionNames(Language language) {
        Map<String, String> names = new HashMap<>();
        int column = 1 + language.ordinal();
        for (DataFile.Row row : DataFile.rows(DpoWorkbook.class, "region-names.csv")) {
            names.put(row.get(0), row.get(column));
        }
        return Map.copyOf(names);
    }

    /** The version written into each workbook: the jar's, or "development" when run from classes. */
    static String pipelineVersion() {
        String version = DpoWorkbook.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /**
     * Writes the month's workbook to {@code out}; POI's temporary files go to {@code temporaryFolder}, which the
     * caller owns and empties. Returns the number of data rows written (headers excluded).
     */
    long write(YearMonth month, OutputStream out, Path temporaryFolder) {
        DefaultTempFileCreationStrategy temporaryFiles = new DefaultTempFileCreationStrategy(temporaryFolder.toFile());
        Long rows = TempFile.withStrategy(temporaryFiles,
                () -> readOnly.execute(status -> writeInTransaction(
                        new Period(new MonthWindow(month, policy.zone()), register.of(month).orElse(null)), out)));
        return rows == null ? 0 : rows;
    }

    private long writeInTransaction(Period period, OutputStream out) {
        try (XSSFWorkbook template = new XSSFWorkbook()) {
            CellStyles styles = CellStyles.of(template);
            PageSetUp page = new PageSetUp(policy.institution().name(), period.month());
            properties(template, period);
            new Summary(template.createSheet(SHEETS.get(0)), styles, period, page).write();
            SXSSFWorkbook workbook = new SXSSFWorkbook(template, ROWS_IN_MEMORY);
            try {
                long rows = deviations(workbook, styles, period, page)
                        + recordings(workbook, styles, period, page)
                        + transfers(workbook, styles, period, page)
                        + accounts(workbook, styles, period, page)
                        + dataQuality(workbook, styles, period, page)
                        + register(workbook, styles, period, page);
                workbook.write(out);
                return rows;
            } finally {
                // dispose() deletes SXSSF's temporary sheet files (they hold the month's rows); close() its streams.
                workbook.dispose();
                workbook.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook: " + e.getMessage(), e);
        }
    }

    /** The month's bounds ({@link MonthWindow}) and what its evaluation was judged on (null: never evaluated). */
    record Period(MonthWindow window, MonthFacts facts) {
        YearMonth month() {
            return window.month();
        }

        ZoneId zone() {
            return window.zone();
        }

        LocalDate first() {
            return window.first();
        }

        LocalDate last() {
            return window.last();
        }

        OffsetDateTime from() {
            return window.start();
        }

        OffsetDateTime to() {
            return window.end();
        }

        boolean evaluated() {
            return facts != null && facts.evaluated();
        }

        /** The recordings inventory evaluation judged the month on (it may list nothing), or null. */
        LocalDate inventoryDate() {
            return facts == null ? null : facts.inventoryDate();
        }
    }

    private void properties(XSSFWorkbook workbook, Period period) {
        POIXMLProperties properties = workbook.getProperties();
        String generator = "zoom-compliance " + pipelineVersion();
        properties.getCoreProperties().setTitle("Zoom compliance: DPO workbook " + period.month());
        properties.getCoreProperties().setSubjectProperty("Period " + period.month());
        properties.getCoreProperties().setCreator(generator);
        properties.getCoreProperties().setDescription("Monthly record of Zoom use against the policy of "
                + policy.institution().name());
        properties.getExtendedProperties().setApplication(generator);
        properties.getCustomProperties().addProperty("Period", period.month().toString());
        properties.getCustomProperties().addProperty("Generator", generator);
        properties.getCustomProperties().addProperty("Institution", policy.institution().name());
    }

    // ---------------------------------------------------------------------------------------------- Summary

    /** The first sheet: what the month was, the figures, the per-rule table and the two charts. */
    private final class Summary {
        private final XSSFSheet sheet;
        private final CellStyles styles;
        private final Period period;
        private final PageSetUp page;
        private int next;

        Summary(XSSFSheet sheet, CellStyles styles, Period period, PageSetUp page) {
            this.sheet = sheet;
            this.styles = styles;
            this.period = period;
            this.page = page;
        }

        void write() {
            cell(row(), 0, "Zoom compliance: DPO workbook", styles.title());
            next++;
            line("Institution", policy.institution().name());
            line("Period", period.month().toString());
            line("From", period.first());
            line("To", period.last());
            line("Generated at", OffsetDateTime.now(clock));
            line("Pipeline version", pipelineVersion());
            line("Time zone", period.zone().getId());
            next++;
            figures();
            next++;
            int rulesFirst = next + 1;
            int rulesLast = rules();
            next++;
            int trendFirst = trend();
            SummaryCharts charts = new SummaryCharts(sheet, period.month());
            charts.layOut(styles);
            page.apply(sheet);
            charts.perRule(rulesFirst, rulesLast, 0, 3);
            charts.trend(trendFirst, trendFirst + TREND_MONTHS - 1, 0, List.of(1, 2));
            charts.printArea(next - 1);
        }

        private void figures() {
            header("Figures", "Count");
            OffsetDateTime from = period.from();
            OffsetDateTime to = period.to();
            line("Meetings", count("select count(*) from meeting where start_time >= ? and start_time < ?", from, to));
            // rows under a data-subject restriction (zc_restricted, V54) are left out of every figure
            long joins = count("select count(*) from participant_join"
                    + " where zc_join_moment(meeting_start, join_time) >= ?"
                    + " and zc_join_moment(meeting_start, join_time) < ?"
                    + " and not zc_restricted('participant_join', id)", from, to);
            if (joins == 0) {
                joins = count("select count(*) from dashboard_participant"
                        + " where zc_join_moment(meeting_start, join_time) >= ?"
                        + " and zc_join_moment(meeting_start, join_time) < ?"
                        + " and not zc_restricted('dashboard_participant', id)", from, to);
            }
            line("Participant sessions", joins);
            line("Hosts", count("select count(distinct lower(host_email)) from meeting"
                    + " where start_time >= ? and start_time < ?", from, to));
            LocalDate inventory = period.inventoryDate();
            line("Recordings in the cloud" + (inventory == null ? "" : " (inventory of " + inventory + ")"),
                    inventory == null ? null
                            : count("select count(*) from recording where inventory_date = ?", inventory));
            line("Recordings made locally", count("select count(*) from (" + LOCAL_RECORDINGS + ") local",
                    from, to));
            if (!period.evaluated()) {
                line("Deviations", NOT_EVALUATED);
                return;
            }
            // Open deviations (NEW, ONGOING) by severity; those resolved this month apart.
            Map<String, Long> bySeverity = new LinkedHashMap<>();
            jdbc.query("select severity, count(*) from " + OpenDeviations.VIEW + " where month = ? group by severity",
                    rs -> {
                        bySeverity.put(rs.getString(1), rs.getLong(2));
                    }, period.first());
            long total = 0;
            for (Severity severity : Severity.values()) {
                long count = bySeverity.getOrDefault(severity.name(), 0L);
                line("Deviations " + severity.name(), count);
                total += count;
            }
            line("Deviations in all", total);
            line("Resolved this month", register.counts(period.month()).resolvedTotal());
        }

        /** The per-rule table; returns the row of its last rule. */
        private int rules() {
            Row header = row();
            List<String> titles = List.of("Rule", "Severity", "Evaluated", "This month",
                    "Previous month (" + period.month().minusMonths(1) + ")", "Resolved this month");
            for (int column = 0; column < titles.size(); column++) {
                cell(header, column, titles.get(column), styles.header());
            }
            MonthRegister.Counts counts = register.counts(period.month());
            Map<String, Long> current = counts.open();
            Map<String, Long> previous = register.counts(period.month().minusMonths(1)).open();
            boolean previousEvaluated = register.evaluated(period.month().minusMonths(1));
            Map<String, String> evaluation = evaluation(period.month());
            Map<String, String> previousEvaluation = evaluation(period.month().minusMonths(1));
            Set<String> codes = new LinkedHashSet<>(policy.rules().keySet());
            codes.addAll(new TreeSet<>(current.keySet()));
            codes.addAll(new TreeSet<>(counts.resolved().keySet()));
            for (String code : codes) {
                Row row = row();
                String evaluated = evaluation.getOrDefault(code, "not run for this month");
                boolean ran = "yes".equals(evaluated);
                Policy.RuleSettings settings = policy.rules().get(code);
                SheetWriter.write(row, 0, code, styles, period.zone());
                SheetWriter.write(row, 1, settings == null ? null : settings.severity().name(), styles, period.zone());
                SheetWriter.write(row, 2, evaluated, styles, period.zone());
                // Open deviations only; a rule that did not run has no count, never a silent zero, and a month
                // never evaluated says so.
                boolean counted = period.evaluated() && (ran || current.containsKey(code));
                SheetWriter.write(row, 3, counted ? current.getOrDefault(code, 0L) : null, styles, period.zone());
                SheetWriter.write(row, 4, !previousEvaluated ? NOT_EVALUATED
                        : "yes".equals(previousEvaluation.get(code)) || previous.containsKey(code)
                        ? previous.getOrDefault(code, 0L) : null, styles, period.zone());
                SheetWriter.write(row, 5, counted || counts.resolved().containsKey(code) ? counts.resolved(code) : null,
                        styles, period.zone());
            }
            return next - 1;
        }

        /**
         * Open deviations of the last twelve months, "not evaluated" for a month that was not (a text cell: the
         * line chart leaves a gap there rather than a zero); returns the row of the first month.
         */
        private int trend() {
            header("Month", "Open deviations", "Resolved");
            YearMonth oldest = period.month().minusMonths(TREND_MONTHS - 1);
            Map<YearMonth, Long> perMonth = register.openPerMonth(oldest, period.month());
            Map<YearMonth, Boolean> evaluated = register.evaluated(oldest, period.month());
            int first = next;
            evaluated.forEach((month, was) -> {
                line(month.toString(), was ? perMonth.getOrDefault(month, 0L) : NOT_EVALUATED);
                // resolved that month beside the open ones; a month not evaluated stays a gap in both lines
                Row row = sheet.getRow(next - 1);
                SheetWriter.write(row, 2, was ? register.counts(month).resolvedTotal() : NOT_EVALUATED, styles,
                        period.zone());
            });
            return first;
        }

        private void header(String... titles) {
            Row row = row();
            for (int column = 0; column < titles.length; column++) {
                cell(row, column, titles[column], styles.header());
            }
        }

        private void line(String label, Object value) {
            Row row = row();
            SheetWriter.write(row, 0, label, styles, period.zone());
            SheetWriter.write(row, 1, value, styles, period.zone());
        }

        private Row row() {
            return sheet.createRow(next++);
        }

        private void cell(Row row, int column, String value, CellStyle style) {
            row.createCell(column).setCellValue(value);
            row.getCell(column).setCellStyle(style);
        }
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    /** Per rule: "yes" when it ran for the month, else why not. */
    private Map<String, String> evaluation(YearMonth month) {
        Map<String, String> evaluation = new HashMap<>();
        jdbc.query("select rule_code, evaluated, reason from rule_evaluation where month = ?",
                rs -> {
                    String reason = rs.getString(3);
                    evaluation.put(rs.getString(1), rs.getBoolean(2) ? "yes"
                            : "no" + (reason == null || reason.isBlank() ? "" : ": " + reason));
                }, month.atDay(1));
        return evaluation;
    }

    // ---------------------------------------------------------------------------------------------- data sheets

    private long deviations(SXSSFWorkbook workbook, CellStyles styles, Period period, PageSetUp page) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Deviations", DEVIATION_COLUMNS,
                maxRowsPerSheet, page);
        // Open deviations first and resolved ones after them, apart; HIGH first, then by date. The DPO's
        // rectification notes (deviation_note, V54) follow the evidence they correct.
        stream("select rule_code, severity, status, occurred_at, meeting_id, topic, host_email, profile, evidence"
                + " || coalesce((select ' [DPO note: ' || string_agg(n.note, ' / ' order by n.noted_at) || ']'"
                + " from deviation_note n where n.month = d.month and n.rule_code = d.rule_code"
                + " and n.subject = d.subject), '')"
                + " from deviation d where month = ?"
                + " order by status = '" + OpenDeviations.RESOLVED + "', " + SEVERITY_RANK + ","
                + " occurred_at nulls last, rule_code, subject",
                rs -> {
                    String code = rs.getString(1);
                    RuleTexts.Text text = ruleTexts.of(code);
                    String host = rs.getString(7);
                    sheet.row(code, severity(rs.getString(2), styles), status(rs.getString(3), styles),
                            rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), host,
                            rs.getString(8), rs.getString(9), text.name(), text.action() + "\n" + contact(host));
                },
                period.first());
        sheet.finish();
        return sheet.rowsWritten();
    }

    /** SQL ordering a row by its {@code severity} column, HIGH first. */
    private static final String SEVERITY_RANK =
            "case severity when 'HIGH' then 0 when 'MEDIUM' then 1 when 'LOW' then 2 else 3 end";

    private static Object severity(String severity, CellStyles styles) {
        return new SheetWriter.Styled(severity, styles.severity(severity));
    }

    private static Object status(String status, CellStyles styles) {
        return new SheetWriter.Styled(status, "RESOLVED".equals(status) ? styles.resolved() : null);
    }

    /**
     * Whom the DPO writes to about a deviation: the host (an account's own address for account rules). It ends
     * the action's cell rather than taking a column of its own, which would push A4 printing below a legible size.
     */
    private static String contact(String host) {
        return "Write to: " + (host != null ? host : "the Zoom administrator (the exports give no host)");
    }

    /** One row per locally recorded meeting occurrence of the month (dashboard Recording = yes). */
    private static final String LOCAL_RECORDINGS = "select d.meeting_id,"
            + " coalesce(d.meeting_start, min(d.join_time)) as recorded"
            + " from dashboard_participant d"
            + " where d.recording and zc_join_moment(d.meeting_start, d.join_time) >= ?"
            + " and zc_join_moment(d.meeting_start, d.join_time) < ?"
            + " and not zc_restricted('dashboard_participant', d.id)"
            + " group by d.meeting_id, d.meeting_start";

    private long recordings(SXSSFWorkbook workbook, CellStyles styles, Period period, PageSetUp page) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Recordings", RECORDING_COLUMNS,
                maxRowsPerSheet, page);
        LocalDate inventory = period.inventoryDate();
        if (inventory != null) {
            stream("select r.meeting_id, r.topic, r.host_email, p.profile, r.start_time"
                    + " from recording r"
                    + " left join account_profile p on p.month = ? and lower(p.email) = lower(r.host_email)"
                    + " where r.inventory_date = ? order by r.start_time nulls last, r.meeting_id",
                    rs -> recording(sheet, rs, "cloud", inventory, true, period.zone()),
                    period.first(), inventory);
        }
        // Local recordings are not inventoried: their age is judged at the month's end and "overdue" is left
        // empty, since nothing tells whether the file is still kept.
        LocalDate asOf = period.last().isBefore(LocalDate.now(clock.withZone(period.zone())))
                ? period.last() : LocalDate.now(clock.withZone(period.zone()));
        stream("select l.meeting_id, m.topic, m.host_email, p.profile, l.recorded"
                + " from (" + LOCAL_RECORDINGS + ") l"
                + " left join lateral (select topic, host_email from meeting m where m.meeting_id = l.meeting_id"
                + "   order by abs(extract(epoch from m.start_time - l.recorded)) limit 1) m on true"
                + " left join account_profile p on p.month = ? and lower(p.email) = lower(m.host_email)"
                + " order by l.recorded, l.meeting_id",
                rs -> recording(sheet, rs, "local", asOf, false, period.zone()),
                period.from(), period.to(), period.first());
        sheet.finish();
        return sheet.rowsWritten();
    }

    private void recording(SheetWriter sheet, ResultSet rs, String storage, LocalDate asOf, boolean inventoried,
            ZoneId zone) throws SQLException {
        String profile = rs.getString(4);
        OffsetDateTime recorded = rs.getObject(5, OffsetDateTime.class);
        Long age = recorded == null ? null
                : ChronoUnit.DAYS.between(recorded.atZoneSameInstant(zone).toLocalDate(), asOf);
        Integer retention = retentionDays(profile);
        Long overdue = inventoried && age != null && retention != null ? Math.max(0, age - retention) : null;
        sheet.row(rs.getString(1), rs.getString(2), rs.getString(3), profile, storage, recorded, age, retention,
                overdue, asOf);
    }

    private Integer retentionDays(String profile) {
        if (profile == null) {
            return null;
        }
        try {
            Policy.ProfilePolicy settings = policy.profiles().get(Profile.valueOf(profile));
            return settings == null ? null : settings.recordingRetentionDays();
        } catch (IllegalArgumentException unknownProfile) {
            return null;
        }
    }

    private long transfers(SXSSFWorkbook workbook, CellStyles styles, Period period, PageSetUp page) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Transfers", TRANSFER_COLUMNS,
                maxRowsPerSheet, page);
        // The transfers that need attention first: outside the EU/EEA without adequacy, unknown, then the others.
        stream("select t.meeting_id, t.meeting_start, coalesce(t.host_email, m.host_email), t.data_centre,"
                + " t.country, t.region, t.participants, m.topic"
                + " from meeting_transfer t"
                + " left join meeting m on m.meeting_id = t.meeting_id and m.start_time = t.meeting_start"
                + " where t.month = ?"
                + " order by case t.region when 'OTHER' then 0 when 'UNKNOWN' then 1 when 'ADEQUATE' then 2 else 3 end,"
                + " t.meeting_start, t.meeting_id, t.data_centre",
                rs -> {
                    OffsetDateTime start = rs.getObject(2, OffsetDateTime.class);
                    String region = rs.getString(6);
                    sheet.row(rs.getString(1), start.atZoneSameInstant(period.zone()).toLocalDate(), rs.getString(3),
                            rs.getString(4), rs.getString(5), regionNames.getOrDefault(region, region), rs.getInt(7),
                            start, rs.getString(8));
                },
                period.first());
        sheet.finish();
        return sheet.rowsWritten();
    }

    private long accounts(SXSSFWorkbook workbook, CellStyles styles, Period period, PageSetUp page) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Accounts", ACCOUNT_COLUMNS,
                maxRowsPerSheet, page);
        // Account rules, and the deviations whose subject is a host or an account rather than a meeting (a host
        // outside the contract, which names its first meeting, an outdated client seen at sign-in), plus accounts no
        // group maps to a profile.
        stream("select coalesce(d.host_email, d.subject) as account, coalesce(d.profile, p.profile), d.rule_code,"
                + " d.evidence, d.severity, d.status"
                + " from deviation d"
                + " left join account_profile p on p.month = d.month"
                + "   and lower(p.email) = lower(coalesce(d.host_email, d.subject))"
                + " where d.month = ? and (d.rule_code like 'ACCOUNT\\_%'"
                + "   or d.subject like 'host:%' or d.subject like 'account:%')"
                + " union all"
                + " select p.email, null, 'NO_PROFILE',"
                + "   'no group of the account maps to a profile; groups: ' || array_to_string(p.groups, ', '),"
                + "   null, null"
                + " from account_profile p where p.month = ? and p.profile is null"
                + " order by 1, 3",
                rs -> {
                    RuleTexts.Text text = ruleTexts.of(rs.getString(3));
                    sheet.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            severity(rs.getString(5), styles), status(rs.getString(6), styles), text.name(),
                            text.action());
                },
                period.first(), period.first());
        sheet.finish();
        return sheet.rowsWritten();
    }

    /**
     * The files that concern the month (docs/months.md): those its evaluation recorded (the files whose data covers
     * it, those that arrived during it and yielded nothing, the snapshots and inventory it was judged on), and any
     * that concern it and arrived since, marked so in their status.
     */
    private long dataQuality(SXSSFWorkbook workbook, CellStyles styles, Period period, PageSetUp page) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Data quality", DATA_QUALITY_COLUMNS,
                maxRowsPerSheet, page);
        stream("with concerned as ("
                + "   select source_file_id as id, true as judged from month_file where month = ?"
                + "   union all select f, false from zc_month_files(?, ?, ?, ?) f"
                + "     where f not in (select source_file_id from month_file where month = ?)),"
                + " month_file as (select id, bool_or(judged) as judged from concerned group by id)"
                + " select f.file_name, f.kind, f.sha256, f.ingested_at, f.rows_read, f.rows_ingested,"
                + "   f.rows_rejected, " + DATA_QUALITY_REASONS + ","
                + "   f.status || case when m.judged or ? then '' else ' (after the evaluation)' end,"
                + "   f.rows_duplicate"
                + " from source_file f join month_file m on m.id = f.id"
                + " left join lateral (select string_agg(g.reason || ' (' || g.n || '): line'"
                + "       || case when g.n > 1 then 's ' else ' ' end || g.lines"
                + "       || case when g.n > ? then ', ...' else '' end, '; ' order by g.n desc, g.reason) as reasons"
                + "   from (select reason, count(*) as n,"
                + "       array_to_string((array_agg(line_number order by line_number))[1:?], ', ') as lines"
                + "     from quarantined_row where source_file_id = f.id"
                + "     group by reason order by count(*) desc, reason limit 20) g) q on true"
                + " left join lateral (select string_agg('unknown value in ' || field || ', row kept as unknown (' || rows"
                + "     || ')', '; ' order by rows desc, field) as reasons"
                + "   from unknown_value where source_file_id = f.id) u on true"
                + " order by f.ingested_at, f.file_name",
                rs -> sheet.row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getString(8), rs.getString(9), rs.getLong(10)),
                period.first(), period.from(), period.to(), period.first(), period.window().snapshotLatest(),
                period.first(), period.facts() == null, REJECTED_LINES_SHOWN, REJECTED_LINES_SHOWN);
        sheet.finish();
        return sheet.rowsWritten();
    }

    /**
     * One reasons text per file: the file's own reason when it was refused whole (or its rejected rows were
     * purged), else each reason for rejected rows with its count and first line numbers, then unknown values.
     */
    private static final String DATA_QUALITY_REASONS = "case when q.reasons is null and u.reasons is null then f.reasons"
            + " else concat_ws('; ', case when f.status = 'QUARANTINED' then 'nothing could be ingested' end,"
            + " case when f.status not in ('COMPLETED', 'QUARANTINED') then f.reasons end, q.reasons, u.reasons) end";

    /** The record of processing: purposes, pseudonymisation and keys, retention applied, rules not evaluated. */
    private long register(SXSSFWorkbook workbook, CellStyles styles, Period period, PageSetUp page) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Register", REGISTER_COLUMNS,
                maxRowsPerSheet, page);
        String institution = policy.institution().name();
        sheet.row("Processing", "Controller", institution, null, "The institution renting Zoom under its contract");
        sheet.row("Processing", "Purpose", "Compliance monitoring", null,
                "Show each month how Zoom was used against the institution's policy and the GDPR");
        sheet.row("Processing", "Purpose", "Security", null,
                "Detect intrusions, impersonation and outdated clients in the institution's meetings");
        sheet.row("Processing", "Purpose", "Transfers", null,
                "Show where meeting media went (data centres outside the EU/EEA)");
        sheet.row("Processing", "Data", "Zoom exports", null, "Meeting metadata, host e-mails, participant display"
                + " names, pseudonymised addresses" + (policy.participants().pseudonymiseEmails()
                        ? " and e-mails" : "") + ", client versions, data centres, recordings inventory");
        List<Object[]> evaluatedUnder = jdbc.query("select policy_sha256, policy_origin, evaluated_at"
                + " from evaluation_policy where month = ?", (rs, i) -> new Object[] {rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class)}, period.first());
        if (evaluatedUnder.isEmpty()) {
            sheet.row("Processing", "Policy", "month not evaluated", null, "no register was produced for this month");
        } else {
            Object[] used = evaluatedUnder.get(0);
            sheet.row("Processing", "Policy", used[0], ((OffsetDateTime) used[2]).atZoneSameInstant(period.zone())
                    .toLocalDate(), "SHA-256 of the effective policy values the month was evaluated under, from "
                    + used[1]);
        }
        LocalDate inventory = period.inventoryDate();
        sheet.row("Processing", "Recordings inventory", inventory == null ? "none" : "used", inventory,
                !period.evaluated() ? "the month was not evaluated"
                        : inventory == null ? "no recordings export dated within the period"
                        : "the recordings export the evaluation judged the period on");
        if (period.facts() != null && period.facts().usersDate() != null) {
            sheet.row("Processing", "Users snapshot", "used", period.facts().usersDate(),
                    "the users export the evaluation judged accounts and profiles on");
        }
        if (period.facts() != null && period.facts().recordingsCheckedOn() != null) {
            sheet.row("Processing", "Recordings retention check", period.facts().recordingsCheckInventory() == null
                    ? "no inventory" : "inventory of " + period.facts().recordingsCheckInventory(),
                    period.facts().recordingsCheckedOn(), "recordings last judged against their retention limit");
        }

        sheet.row("Pseudonymisation", "Method", "HMAC-SHA-256", null, "Keyed pseudonym of every IP address (and of"
                + " its /24 or /48 network) made at ingest with a secret key of at least 256 bits kept outside the"
                + " database; no clear address is stored, logged or reported");
        sheet.row("Pseudonymisation", "Participant e-mails",
                policy.participants().pseudonymiseEmails() ? "pseudonymised" : "kept", null,
                "Host e-mails stay in clear so that the DPO can reach organisers");
        Set<Integer> inData = new TreeSet<>();
        jdbc.query("select key_version from participant_join where key_version is not null"
                + " union select key_version from dashboard_participant where key_version is not null"
                + " union select key_version from sign_in where key_version is not null"
                + " union select key_version from webinar_registration where key_version is not null",
                rs -> {
                    inData.add(rs.getInt(1));
                });
        Set<Integer> known = new TreeSet<>();
        for (PseudonymKeyStore.KeyInfo key : keys.status()) {
            known.add(key.version());
            sheet.row("Pseudonymisation", "Key version " + key.version(),
                    (key.current() ? "current" : "previous") + (inData.contains(key.version())
                            ? ", in use in the data" : ", not in the data"),
                    key.created() == null ? null : key.created().atZone(period.zone()).toLocalDate(),
                    key.current() ? "new pseudonyms are made with this version" : "kept to link older pseudonyms");
        }
        for (int version : inData) {
            if (!known.contains(version)) {
                sheet.row("Pseudonymisation", "Key version " + version, "in the data, key destroyed", null,
                        "pseudonyms of this version can no longer be linked to an address");
            }
        }

        Policy.Retention retention = policy.retention();
        List<Object[]> periods = new ArrayList<>();
        periods.add(new Object[] {"Participant and address-derived rows", retention.participantDays()});
        periods.add(new Object[] {"Sign-in logs", retention.signInDays()});
        periods.add(new Object[] {"Operation logs", retention.operationLogDays()});
        periods.add(new Object[] {"Quarantined rows", retention.quarantineDays()});
        periods.add(new Object[] {"Processed raw exports", retention.processedFileDays()});
        periods.add(new Object[] {"Deviations", retention.deviationDays()});
        periods.add(new Object[] {"DPO workbooks", retention.reportDays()});
        for (Object[] kept : periods) {
            sheet.row("Retention policy", kept[0], kept[1], null, "days");
        }
        long[] purges = {0};
        stream("select table_name, rows_removed, cut_off, purged_at from retention_purge"
                + " where purged_at >= ? and purged_at < ? order by purged_at, table_name",
                rs -> {
                    purges[0]++;
                    sheet.row("Retention applied", rs.getString(1), rs.getLong(2),
                            rs.getObject(3, OffsetDateTime.class),
                            "rows removed, older than the cut-off; purged " + rs.getObject(4, OffsetDateTime.class)
                                    .atZoneSameInstant(period.zone()).toLocalDateTime().toString().replace('T', ' '));
                },
                period.from(), period.to());
        if (purges[0] == 0) {
            sheet.row("Retention applied", "none", 0L, null, "no purge ran in the period");
        }

        Map<String, String> evaluation = evaluation(period.month());
        for (String code : policy.rules().keySet()) {
            String evaluated = evaluation.get(code);
            if (!policy.rule(code).enabled()) {
                sheet.row("Rules not evaluated", code, "disabled", null, "disabled in the policy file");
            } else if (evaluated == null) {
                sheet.row("Rules not evaluated", code, "not run", null, "the policy was not evaluated for this rule"
                        + " and month");
            } else if (!evaluated.equals("yes")) {
                sheet.row("Rules not evaluated", code, "not evaluated", null, evaluated.replaceFirst("^no:? ?", ""));
            }
        }
        sheet.finish();
        return sheet.rowsWritten();
    }

    private void stream(String sql, RowCallbackHandler handler, Object... arguments) {
        jdbc.query(sql, handler, arguments);
    }

    /** Makes the per-build folder POI writes its temporary files to. */
    static Path temporaryFolder(Path parent) {
        try {
            return Files.createTempDirectory(Files.createDirectories(parent), "build-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder under " + parent, e);
        }
    }
}
