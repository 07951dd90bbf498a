package org.zoomcompliance.report;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.zoomcompliance.month.OpenDeviations;
import org.zoomcompliance.policy.RuleTexts;
import org.zoomcompliance.report.SheetWriter.Column;

/** The month's deviations, open ones first and HIGH first, each with its rule's name, action and contact. */
final class DeviationsSheet implements Sheet {

    // Column widths in characters (Excel's unit: a digit, plus a margin that makes a fixed column one wider than
    // its longest value): each table's sum keeps A4 landscape, one page wide, at a legible scale (see PageSetUp and
    // DemoWorkbookRenderingTest); long text wraps, codes, identifiers and dates fit.
    static final List<Column> COLUMNS = List.of(Column.wrapped("report.header.rule", 15),
            Column.fixed("report.header.severity", 8), Column.fixed("report.header.status", 9),
            Column.fixed("report.header.occurred", 17), Column.fixed("report.header.meeting-id", 13),
            Column.wrapped("report.header.topic", 14), Column.wrapped("report.header.host", 17),
            Column.fixed("report.header.profile", 13), Column.wrapped("report.header.evidence", 26),
            Column.wrapped("report.header.rule-name", 14), Column.wrapped("report.header.action-contact", 26));

    private final SheetSql sql;
    private final RuleTexts ruleTexts;

    DeviationsSheet(SheetSql sql, RuleTexts ruleTexts) {
        this.sql = sql;
        this.ruleTexts = ruleTexts;
    }

    @Override
    public String nameKey() {
        return "report.sheet.deviations";
    }

    @Override
    public long write(Workbook workbook, SheetContext context) {
        SheetWriter sheet = context.table(workbook, this, COLUMNS);
        sql.stream("deviations", context.period().parameters().addValue("resolved", OpenDeviations.RESOLVED), rs -> {
            String code = rs.getString(1);
            RuleTexts.Text text = ruleTexts.of(code);
            String host = rs.getString(7);
            String notes = rs.getString(10);
            String evidence = context.evidence().render(rs.getString(11), rs.getString(12), rs.getString(9));
            if (notes != null) {
                evidence = (evidence == null ? "" : evidence + " ") + context.messages().get("report.deviations.dpo-note",
                        notes);
            }
            sheet.row(code, context.severity(rs.getString(2)), context.status(rs.getString(3)),
                    rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), host, rs.getString(8),
                    evidence, text.name(), text.action() + "\n" + contact(context, host));
        });
        sheet.finish();
        return sheet.rowsWritten();
    }

    /**
     * Whom the DPO writes to about a deviation: the host (an account's own address for account rules). It ends
     * the action's cell rather than taking a column of its own, which would push A4 printing below a legible size.
     */
    private static String contact(SheetContext context, String host) {
        return context.messages().get("report.deviations.write-to",
                host != null ? host : context.messages().get("report.deviations.no-host"));
    }
}
