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
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.policy.Policy;
import org.zoomcompliance.policy.Profile;
import org.zoomcompliance.policy.Severity;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;

/**
 * Writes the DPO workbook of a month: the {@code Summary} sheet with its charts on an XSSF template, then the data
 * sheets streamed through SXSSF from JDBC cursors, so that memory does not grow with the month's size.
 */
final class DpoWorkbook {

    /** The sheets, in their order (a data sheet past the row limit continues on {@code Name (2)}...). */
    static final List<String> SHEETS =
            List.of("Summary", "Deviations", "Recordings", "Transfers", "Accounts", "Data quality", "Register");

    static final List<String> DEVIATION_HEADERS = List.of("Rule", "Severity", "Status", "Occurred", "Meeting ID",
            "Topic", "Host", "Profile", "Evidence");
    static final List<String> RECORDING_HEADERS = List.of("Meeting ID", "Topic", "Host", "Profile", "Storage",
            "Recorded", "Age (days)", "Retention (days)", "Overdue (days)", "As of");
    static final List<String> TRANSFER_HEADERS = List.of("Meeting ID", "Date", "Host", "Data centre", "Country",
            "Region", "Participants", "Started", "Topic");
    static final List<String> ACCOUNT_HEADERS = List.of("Account", "Profile", "Issue", "Detail", "Severity", "Status");
    static final List<String> DATA_QUALITY_HEADERS = List.of("File", "Kind", "SHA-256", "Ingested at", "Rows read",
            "Rows ingested", "Rows rejected", "Reasons", "Status", "Rows duplicate", "Rejected rows by reason");
    static final List<String> REGISTER_HEADERS = List.of("Section", "Item", "Value", "Date", "Detail");

    /**
     * How long after a month a users or hosts export may still describe it: evaluation takes an undated export
     * (dated the day it is ingested) up to two months after the month.
     */
    private static final int SNAPSHOT_MONTHS_AFTER = 3;

    private static final int FETCH_SIZE = 1_000;
    private static final int ROWS_IN_MEMORY = 200;
    private static final int TREND_MONTHS = 12;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Policy policy;
    private final PseudonymKeyStore keys;
    private final Clock clock;
    private final int maxRowsPerSheet;

    DpoWorkbook(DataSource dataSource, PlatformTransactionManager transactions, Policy policy, PseudonymKeyStore keys,
            Clock clock, int maxRowsPerSheet) {
        this.jdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result set through a cursor only inside a transaction and with a fetch size.
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.policy = policy;
        this.keys = keys;
        this.clock = clock;
        this.maxRowsPerSheet = maxRowsPerSheet;
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
                () -> readOnly.execute(status -> writeInTransaction(new Period(month, policy.zone()), out)));
        return rows == null ? 0 : rows;
    }

    private long writeInTransaction(Period period, OutputStream out) {
        try (XSSFWorkbook template = new XSSFWorkbook()) {
            CellStyles styles = CellStyles.of(template);
            properties(template, period);
            new Summary(template.createSheet(SHEETS.get(0)), styles, period).write();
            SXSSFWorkbook workbook = new SXSSFWorkbook(template, ROWS_IN_MEMORY);
            try {
                long rows = deviations(workbook, styles, period)
                        + recordings(workbook, styles, period)
                        + transfers(workbook, styles, period)
                        + accounts(workbook, styles, period)
                        + dataQuality(workbook, styles, period)
                        + register(workbook, styles, period);
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

    /** The month in the institution's zone: its bounds as instants (timestamptz) and as dates. */
    record Period(YearMonth month, ZoneId zone) {
        LocalDate first() {
            return month.atDay(1);
        }

        LocalDate last() {
            return month.atEndOfMonth();
        }

        OffsetDateTime from() {
            return first().atStartOfDay(zone).toOffsetDateTime();
        }

        OffsetDateTime to() {
            return month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
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
        private int next;

        Summary(XSSFSheet sheet, CellStyles styles, Period period) {
            this.sheet = sheet;
            this.styles = styles;
            this.period = period;
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
            sheet.setColumnWidth(0, 40 * 256);
            sheet.setColumnWidth(1, 24 * 256);
            sheet.setColumnWidth(2, 40 * 256);
            sheet.setColumnWidth(3, 12 * 256);
            sheet.setColumnWidth(4, 16 * 256);
            SheetWriter.printSetUp(sheet);
            charts(rulesFirst, rulesLast, trendFirst);
        }

        private void figures() {
            header("Figures", "Count");
            OffsetDateTime from = period.from();
            OffsetDateTime to = period.to();
            line("Meetings", count("select count(*) from meeting where start_time >= ? and start_time < ?", from, to));
            long joins = count("select count(*) from participant_join"
                    + " where coalesce(join_time, meeting_start) >= ? and coalesce(join_time, meeting_start) < ?",
                    from, to);
            if (joins == 0) {
                joins = count("select count(*) from dashboard_participant"
                        + " where coalesce(join_time, meeting_start) >= ? and coalesce(join_time, meeting_start) < ?",
                        from, to);
            }
            line("Participant sessions", joins);
            line("Hosts", count("select count(distinct lower(host_email)) from meeting"
                    + " where start_time >= ? and start_time < ?", from, to));
            LocalDate inventory = inventoryDate(period);
            line("Recordings in the cloud" + (inventory == null ? "" : " (inventory of " + inventory + ")"),
                    inventory == null ? 0L
                            : count("select count(*) from recording where inventory_date = ?", inventory));
            line("Recordings made locally", count("select count(*) from (" + LOCAL_RECORDINGS + ") local",
                    from, to));
            Map<String, Long> bySeverity = new LinkedHashMap<>();
            jdbc.query("select severity, count(*) from deviation where month = ? group by severity",
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
        }

        /** The per-rule table; returns the row of its last rule. */
        private int rules() {
            Row header = row();
            List<String> titles = List.of("Rule", "Severity", "Evaluated", "This month",
                    "Previous month (" + period.month().minusMonths(1) + ")");
            for (int column = 0; column < titles.size(); column++) {
                cell(header, column, titles.get(column), styles.header());
            }
            Map<String, Long> current = perRule(period.month());
            Map<String, Long> previous = perRule(period.month().minusMonths(1));
            Map<String, String> evaluation = evaluation(period.month());
            Map<String, String> previousEvaluation = evaluation(period.month().minusMonths(1));
            Set<String> codes = new LinkedHashSet<>(policy.rules().keySet());
            codes.addAll(new TreeSet<>(current.keySet()));
            for (String code : codes) {
                Row row = row();
                String evaluated = evaluation.getOrDefault(code, "not run for this month");
                boolean ran = "yes".equals(evaluated);
                Policy.RuleSettings settings = policy.rules().get(code);
                SheetWriter.write(row, 0, code, styles, period.zone());
                SheetWriter.write(row, 1, settings == null ? null : settings.severity().name(), styles, period.zone());
                SheetWriter.write(row, 2, evaluated, styles, period.zone());
                // A rule that did not run has no count, never a silent zero.
                SheetWriter.write(row, 3, ran || current.containsKey(code) ? current.getOrDefault(code, 0L) : null,
                        styles, period.zone());
                SheetWriter.write(row, 4, "yes".equals(previousEvaluation.get(code)) || previous.containsKey(code)
                        ? previous.getOrDefault(code, 0L) : null, styles, period.zone());
            }
            return next - 1;
        }

        /** Deviations of the last twelve months; returns the row of the first month. */
        private int trend() {
            header("Month", "Deviations");
            YearMonth oldest = period.month().minusMonths(TREND_MONTHS - 1);
            Map<LocalDate, Long> perMonth = new HashMap<>();
            jdbc.query("select month, count(*) from deviation where month between ? and ? group by month",
                    rs -> {
                        perMonth.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                    }, oldest.atDay(1), period.first());
            int first = next;
            for (int i = 0; i < TREND_MONTHS; i++) {
                YearMonth month = oldest.plusMonths(i);
                line(month.toString(), perMonth.getOrDefault(month.atDay(1), 0L));
            }
            return first;
        }

        private void charts(int rulesFirst, int rulesLast, int trendFirst) {
            XSSFDrawing drawing = sheet.createDrawingPatriarch();

            XSSFChart bar = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 6, 0, 16, 22));
            bar.setTitleText("Deviations per rule, " + period.month());
            bar.setTitleOverlay(false);
            XDDFCategoryAxis rules = bar.createCategoryAxis(AxisPosition.LEFT);
            XDDFValueAxis counts = bar.createValueAxis(AxisPosition.BOTTOM);
            counts.setCrosses(AxisCrosses.AUTO_ZERO);
            XDDFBarChartData bars = (XDDFBarChartData) bar.createData(ChartTypes.BAR, rules, counts);
            bars.setBarDirection(BarDirection.BAR);
            bars.setVaryColors(false);
            XDDFChartData.Series ruleSeries = bars.addSeries(
                    XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(rulesFirst, rulesLast, 0, 0)),
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(rulesFirst, rulesLast, 3, 3)));
            ruleSeries.setTitle("Deviations", null);
            bar.plot(bars);

            int trendLast = trendFirst + TREND_MONTHS - 1;
            XSSFChart line = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 6, 23, 16, 43));
            line.setTitleText("Deviations, last 12 months");
            line.setTitleOverlay(false);
            XDDFCategoryAxis months = line.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis totals = line.createValueAxis(AxisPosition.LEFT);
            totals.setCrosses(AxisCrosses.AUTO_ZERO);
            XDDFLineChartData lines = (XDDFLineChartData) line.createData(ChartTypes.LINE, months, totals);
            lines.setVaryColors(false);
            XDDFLineChartData.Series trendSeries = (XDDFLineChartData.Series) lines.addSeries(
                    XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(trendFirst, trendLast, 0, 0)),
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(trendFirst, trendLast, 1, 1)));
            trendSeries.setTitle("Deviations", null);
            trendSeries.setMarkerStyle(MarkerStyle.CIRCLE);
            line.plot(lines);
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

    private Map<String, Long> perRule(YearMonth month) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select rule_code, count(*) from deviation where month = ? group by rule_code",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, month.atDay(1));
        return counts;
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

    /** The newest recordings inventory dated within or before the month: the state the month is judged on. */
    private LocalDate inventoryDate(Period period) {
        return jdbc.queryForObject("select max(inventory_date) from recording where inventory_date <= ?",
                LocalDate.class, period.last());
    }

    // ---------------------------------------------------------------------------------------------- data sheets

    private long deviations(SXSSFWorkbook workbook, CellStyles styles, Period period) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Deviations", DEVIATION_HEADERS,
                maxRowsPerSheet);
        stream("select rule_code, severity, status, occurred_at, meeting_id, topic, host_email, profile, evidence"
                + " from deviation where month = ? order by rule_code, occurred_at nulls last, subject",
                rs -> sheet.row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)),
                period.first());
        sheet.finish();
        return sheet.rowsWritten();
    }

    /** One row per locally recorded meeting occurrence of the month (dashboard Recording = yes). */
    private static final String LOCAL_RECORDINGS = "select d.meeting_id,"
            + " coalesce(d.meeting_start, min(d.join_time)) as recorded"
            + " from dashboard_participant d"
            + " where d.recording and coalesce(d.meeting_start, d.join_time) >= ?"
            + " and coalesce(d.meeting_start, d.join_time) < ?"
            + " group by d.meeting_id, d.meeting_start";

    private long recordings(SXSSFWorkbook workbook, CellStyles styles, Period period) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Recordings", RECORDING_HEADERS,
                maxRowsPerSheet);
        LocalDate inventory = inventoryDate(period);
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

    private long transfers(SXSSFWorkbook workbook, CellStyles styles, Period period) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Transfers", TRANSFER_HEADERS,
                maxRowsPerSheet);
        stream("select t.meeting_id, t.meeting_start, coalesce(t.host_email, m.host_email), t.data_centre,"
                + " t.country, t.region, t.participants, m.topic"
                + " from meeting_transfer t"
                + " left join meeting m on m.meeting_id = t.meeting_id and m.start_time = t.meeting_start"
                + " where t.month = ? order by t.meeting_start, t.meeting_id, t.data_centre",
                rs -> {
                    OffsetDateTime start = rs.getObject(2, OffsetDateTime.class);
                    sheet.row(rs.getString(1), start.atZoneSameInstant(period.zone()).toLocalDate(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), start, rs.getString(8));
                },
                period.first());
        sheet.finish();
        return sheet.rowsWritten();
    }

    private long accounts(SXSSFWorkbook workbook, CellStyles styles, Period period) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Accounts", ACCOUNT_HEADERS,
                maxRowsPerSheet);
        // Account rules, and rules that can concern an account rather than a meeting (a host outside the
        // contract, an outdated client seen at sign-in), plus accounts no group maps to a profile.
        stream("select coalesce(d.host_email, d.subject) as account, coalesce(d.profile, p.profile), d.rule_code,"
                + " d.evidence, d.severity, d.status"
                + " from deviation d"
                + " left join account_profile p on p.month = d.month"
                + "   and lower(p.email) = lower(coalesce(d.host_email, d.subject))"
                + " where d.month = ? and (d.rule_code like 'ACCOUNT\\_%'"
                + "   or (d.meeting_id is null and d.rule_code in ('HOST_OUTSIDE_CONTRACT', 'CLIENT_OUTDATED')))"
                + " union all"
                + " select p.email, null, 'NO_PROFILE',"
                + "   'no group of the account maps to a profile; groups: ' || array_to_string(p.groups, ', '),"
                + "   null, null"
                + " from account_profile p where p.month = ? and p.profile is null"
                + " order by 1, 3",
                rs -> sheet.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)),
                period.first(), period.first());
        sheet.finish();
        return sheet.rowsWritten();
    }

    /**
     * The files that concern the month (docs/months.md): every file whose data covers it (its rows, or for a file
     * that yielded none, the dates of its name and text), every file that arrived during it and yielded nothing
     * (quarantined, failed, every row rejected), and the users and hosts snapshots evaluation may use for it.
     */
    private long dataQuality(SXSSFWorkbook workbook, CellStyles styles, Period period) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Data quality", DATA_QUALITY_HEADERS,
                maxRowsPerSheet);
        stream("with month_file as ("
                + "   select id from source_file where data_from < ? and data_to >= ?"
                + "   union select id from source_file where ingested_at >= ? and ingested_at < ?"
                + "     and (status <> 'COMPLETED' or rows_ingested + rows_duplicate = 0)"
                + "   union select id from source_file where kind in ('USERS', 'HOST_ACTIVITY')"
                + "     and inventory_date >= ? and inventory_date < ?)"
                + " select f.file_name, f.kind, f.sha256, f.ingested_at, f.rows_read, f.rows_ingested,"
                + "   f.rows_rejected, coalesce(f.reasons, q.reasons), f.status, f.rows_duplicate, q.reasons"
                + " from source_file f join month_file m on m.id = f.id"
                + " left join lateral (select string_agg(g.reason || ' (' || g.n || ')', '; '"
                + "     order by g.n desc, g.reason) as reasons"
                + "   from (select reason, count(*) as n from quarantined_row where source_file_id = f.id"
                + "     group by reason order by count(*) desc, reason limit 20) g) q on true"
                + " order by f.ingested_at, f.file_name",
                rs -> sheet.row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getString(8), rs.getString(9), rs.getLong(10), rs.getString(11)),
                period.to(), period.from(), period.from(), period.to(), period.first(),
                period.first().plusMonths(SNAPSHOT_MONTHS_AFTER));
        sheet.finish();
        return sheet.rowsWritten();
    }

    /** The record of processing: purposes, pseudonymisation and keys, retention applied, rules not evaluated. */
    private long register(SXSSFWorkbook workbook, CellStyles styles, Period period) {
        SheetWriter sheet = new SheetWriter(workbook, styles, period.zone(), "Register", REGISTER_HEADERS,
                maxRowsPerSheet);
        String institution = policy.institution().name();
        sheet.row("Processing", "Controller", institution, null, "The institution renting Zoom under its contract");
        sheet.row("Processing", "Purpose", "Compliance monitoring", null,
                "Show each month how Zoom was used against the institution's policy and the GDPR");
        sheet.row("Processing", "Purpose", "Security", null,
                "Detect intrusions, impersonation and outdated clients in the institution's meetings");
        sheet.row("Processing", "Purpose", "Transfers", null,
                "Show where meeting media went (data centres outside the EU/EEA)");
        sheet.row("Processing", "Data", "Zoom exports", null, "Meeting metadata, host e-mails, participant display"
                + " names, pseudonymised addresses" + (policy.pseudonymiseParticipantEmails()
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
        LocalDate inventory = inventoryDate(period);
        sheet.row("Processing", "Recordings inventory", inventory == null ? "none" : "used", inventory,
                inventory == null ? "no recordings export dated in or before the period"
                        : "newest recordings export dated in or before the period");

        sheet.row("Pseudonymisation", "Method", "HMAC-SHA-256", null, "Keyed pseudonym of every IP address (and of"
                + " its /24 or /48 network) made at ingest with a secret key of at least 256 bits kept outside the"
                + " database; no clear address is stored, logged or reported");
        sheet.row("Pseudonymisation", "Participant e-mails",
                policy.pseudonymiseParticipantEmails() ? "pseudonymised" : "kept", null,
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
