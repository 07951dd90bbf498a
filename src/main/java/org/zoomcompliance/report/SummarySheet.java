package org.zoomcompliance.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.month.MonthRegister;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.policy.RuleTexts;
import org.zoomcompliance.config.Severity;

/**
 * The first sheet, the front page: what the month was and under which policy, an executive summary in sentences
 * ({@link ExecutiveSummary}), the hosts with the most open deviations, the figures, the per-rule table with the
 * previous month, the 12-month trend, and the two charts ({@link SummaryCharts}). Written on the XSSF template,
 * since its charts read it.
 */
final class SummarySheet implements Sheet {

    static final int TREND_MONTHS = 12;
    /** How many hosts the front page names, those with the most open deviations. */
    static final int TOP_HOSTS = 5;
    /** The executive summary's sentences span the tables' columns, A to E. */
    private static final int SENTENCE_LAST_COLUMN = 4;

    private final SheetSql sql;
    private final Policy policy;
    private final MonthRegister register;
    private final Clock clock;
    private final ExecutiveSummary executive;

    SummarySheet(SheetSql sql, Policy policy, MonthRegister register, RuleTexts ruleTexts, Clock clock) {
        this.sql = sql;
        this.policy = policy;
        this.register = register;
        this.clock = clock;
        this.executive = new ExecutiveSummary(sql, policy, register, ruleTexts);
    }

    @Override
    public String nameKey() {
        return "report.sheet.summary";
    }

    @Override
    public boolean streamed() {
        return false;
    }

    @Override
    public long write(Workbook workbook, SheetContext context) {
        new Writer((XSSFSheet) workbook.createSheet(context.name(this)), context).write();
        return 0;
    }

    /** One build's Summary, written top-down. */
    private final class Writer {
        private final XSSFSheet sheet;
        private final SheetContext context;
        private final Period period;
        private final Messages messages;
        private final CellStyles styles;
        private int next;

        Writer(XSSFSheet sheet, SheetContext context) {
            this.sheet = sheet;
            this.context = context;
            this.period = context.period();
            this.messages = context.messages();
            this.styles = context.styles();
        }

        void write() {
            cell(row(), 0, text("title"), styles.title());
            next++;
            line(text("institution"), policy.institution().name());
            line(text("period"), period.month().toString());
            line(text("from"), period.first());
            line(text("to"), period.last());
            line(text("generated-at"), OffsetDateTime.now(clock));
            line(text("version"), DpoWorkbook.pipelineVersion());
            line(text("zone"), period.zone().getId());
            List<String> sha256 = sql.list("policy-sha256", period.parameters(), (rs, i) -> rs.getString(1));
            line(text("policy"), sha256.isEmpty() ? notEvaluated() : sha256.get(0));
            next++;
            List<Row> sentences = executiveSummary();
            next++;
            topHosts();
            next++;
            figures();
            next++;
            int rulesFirst = next + 1;
            int rulesLast = rules();
            next++;
            int trendFirst = trend();
            SummaryCharts charts = new SummaryCharts(sheet, period.month(), messages);
            charts.layOut(styles);
            // the sentences span columns A to E: as tall as their text over that width, not over column A's
            for (Row row : sentences) {
                row.setHeightInPoints(SheetWriter.lines(row.getCell(0),
                        SummaryCharts.tableWidth(SENTENCE_LAST_COLUMN + 1)) * SheetWriter.LINE_POINTS);
            }
            context.page().apply(sheet);
            charts.perRule(rulesFirst, rulesLast, 0, 3);
            charts.trend(trendFirst, trendFirst + TREND_MONTHS - 1, 0, List.of(1, 2));
            charts.printArea(next - 1);
        }

        private String text(String key, Object... arguments) {
            return messages.get("report.summary." + key, arguments);
        }

        private String notEvaluated() {
            return messages.get("report.not-evaluated");
        }

        /** The executive summary: a heading, then one merged, wrapped row per sentence; returns those rows. */
        private List<Row> executiveSummary() {
            header(text("executive"));
            List<Row> rows = new java.util.ArrayList<>();
            for (String sentence : executive.sentences(period, messages)) {
                Row row = row();
                SheetWriter.write(row, 0, sentence, styles, period.zone(), true);
                sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, SENTENCE_LAST_COLUMN));
                rows.add(row);
            }
            return rows;
        }

        /** The hosts with the most open deviations; a month not evaluated says so rather than listing none. */
        private void topHosts() {
            header(text("top-hosts"), text("open"), text("open-high"));
            if (!period.evaluated()) {
                line(notEvaluated(), null);
                return;
            }
            int before = next;
            sql.stream("top-hosts", period.parameters().addValue("hosts", TOP_HOSTS), rs -> {
                Row row = row();
                write(row, 0, rs.getString(1));
                write(row, 1, rs.getLong(2));
                write(row, 2, rs.getLong(3));
            });
            if (next == before) {
                line(text("top-hosts.none"), null);
            }
        }

        private void figures() {
            header(text("figures"), text("count"));
            MapSqlParameterSource parameters = period.parameters();
            line(text("meetings"), sql.count("meetings", parameters));
            long joins = sql.count("participant-sessions", parameters);
            if (joins == 0) {
                joins = sql.count("dashboard-sessions", parameters);
            }
            line(text("participant-sessions"), joins);
            line(text("hosts"), sql.count("hosts", parameters));
            LocalDate inventory = period.inventoryDate();
            line(inventory == null ? text("cloud-recordings") : text("cloud-recordings.inventory", inventory.toString()),
                    inventory == null ? null
                            : sql.count("cloud-recordings", period.parameters().addValue("inventory", inventory)));
            line(text("local-recordings"), sql.count("local-recordings-count", parameters));
            if (!period.evaluated()) {
                line(text("deviations"), notEvaluated());
                return;
            }
            // Open deviations (NEW, ONGOING) by severity; those resolved this month apart.
            Map<String, Long> bySeverity = new LinkedHashMap<>();
            sql.stream("open-by-severity", parameters, rs -> {
                bySeverity.put(rs.getString(1), rs.getLong(2));
            });
            long total = 0;
            for (Severity severity : Severity.values()) {
                long count = bySeverity.getOrDefault(severity.name(), 0L);
                line(text("deviations.severity", severity.name()), count);
                total += count;
            }
            line(text("deviations.total"), total);
            line(text("resolved"), register.counts(period.month()).resolvedTotal());
        }

        /** The per-rule table; returns the row of its last rule. */
        private int rules() {
            header(text("rule"), text("severity"), text("evaluated"), text("this-month"),
                    text("previous-month", period.month().minusMonths(1).toString()), text("resolved"));
            MonthRegister.Counts counts = register.counts(period.month());
            Map<String, Long> current = counts.open();
            Map<String, Long> previous = register.counts(period.month().minusMonths(1)).open();
            boolean previousEvaluated = register.evaluated(period.month().minusMonths(1));
            Map<String, RuleEvaluation> evaluation = RuleEvaluation.of(sql, period.first());
            Map<String, RuleEvaluation> previousEvaluation = RuleEvaluation.of(sql, period.first().minusMonths(1));
            Set<String> codes = new LinkedHashSet<>(policy.rules().keySet());
            codes.addAll(new TreeSet<>(current.keySet()));
            codes.addAll(new TreeSet<>(counts.resolved().keySet()));
            for (String code : codes) {
                Row row = row();
                RuleEvaluation evaluated = evaluation.get(code);
                boolean ran = evaluated != null && evaluated.ran();
                RuleEvaluation before = previousEvaluation.get(code);
                Policy.RuleSettings settings = policy.rules().get(code);
                write(row, 0, code);
                write(row, 1, settings == null ? null : settings.severity().name());
                write(row, 2, evaluated == null ? text("not-run") : evaluated.text(messages));
                // Open deviations only; a rule that did not run has no count, never a silent zero, and a month
                // never evaluated says so.
                boolean counted = period.evaluated() && (ran || current.containsKey(code));
                write(row, 3, counted ? current.getOrDefault(code, 0L) : null);
                write(row, 4, !previousEvaluated ? notEvaluated()
                        : before != null && before.ran() || previous.containsKey(code)
                        ? previous.getOrDefault(code, 0L) : null);
                write(row, 5, counted || counts.resolved().containsKey(code) ? counts.resolved(code) : null);
            }
            return next - 1;
        }

        /**
         * Open and resolved deviations of the last twelve months; a month not evaluated leaves both cells empty,
         * so the line chart draws a gap there and not a zero (a text cell would be plotted as 0 by Excel), and
         * says "not evaluated" in the column beside them. Returns the row of the first month.
         */
        private int trend() {
            header(text("month"), text("open"), text("resolved-short"));
            YearMonth oldest = period.month().minusMonths(TREND_MONTHS - 1);
            Map<YearMonth, Long> perMonth = register.openPerMonth(oldest, period.month());
            Map<YearMonth, Boolean> evaluated = register.evaluated(oldest, period.month());
            int first = next;
            evaluated.forEach((month, was) -> {
                line(month.toString(), was ? perMonth.getOrDefault(month, 0L) : null);
                Row row = sheet.getRow(next - 1);
                write(row, 2, was ? register.counts(month).resolvedTotal() : null);
                write(row, 3, was ? null : notEvaluated());
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
            write(row, 0, label);
            write(row, 1, value);
        }

        private void write(Row row, int column, Object value) {
            SheetWriter.write(row, column, value, styles, period.zone());
        }

        private Row row() {
            return sheet.createRow(next++);
        }

        private void cell(Row row, int column, String value, CellStyle style) {
            row.createCell(column).setCellValue(value);
            row.getCell(column).setCellStyle(style);
        }
    }
}
