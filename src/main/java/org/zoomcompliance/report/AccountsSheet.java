package org.zoomcompliance.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.zoomcompliance.policy.RuleTexts;
import org.zoomcompliance.report.SheetWriter.Column;

/** The month's account issues: account rules, host and account deviations, accounts without a profile. */
final class AccountsSheet implements Sheet {

    static final List<Column> COLUMNS = List.of(Column.wrapped("report.header.account", 26),
            Column.fixed("report.header.profile", 13), Column.wrapped("report.header.issue", 20),
            Column.wrapped("report.header.detail", 40), Column.fixed("report.header.severity", 8),
            Column.fixed("report.header.status", 9), Column.wrapped("report.header.issue-name", 18),
            Column.wrapped("report.header.recommended-action", 32));

    private final SheetSql sql;
    private final RuleTexts ruleTexts;

    AccountsSheet(SheetSql sql, RuleTexts ruleTexts) {
        this.sql = sql;
        this.ruleTexts = ruleTexts;
    }

    @Override
    public String nameKey() {
        return "report.sheet.accounts";
    }

    @Override
    public long write(Workbook workbook, SheetContext context) {
        SheetWriter sheet = context.table(workbook, this, COLUMNS);
        sql.stream("accounts", context.period().parameters(), rs -> {
            String code = rs.getString(3);
            RuleTexts.Text text = ruleTexts.of(code);
            String groups = rs.getString(7);
            String detail = "NO_PROFILE".equals(code)
                    ? context.messages().get("report.accounts.no-profile", groups == null ? "" : groups)
                    : context.evidence().render(rs.getString(8), rs.getString(9), rs.getString(4));
            sheet.row(rs.getString(1), rs.getString(2), code, detail, context.severity(rs.getString(5)),
                    context.status(rs.getString(6)), text.name(), text.action());
        });
        sheet.finish();
        return sheet.rowsWritten();
    }
}
