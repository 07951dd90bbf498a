package org.zoomcompliance.report;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.report.SheetWriter.Column;

/**
 * The files that concern the month (docs/months.md), with their counts and one reasons column, said in the
 * workbook's language from the keys ingest recorded (docs/data-quality.md); a file that concerns the month but
 * arrived after its evaluation is marked so in its status.
 */
final class DataQualitySheet implements Sheet {

    static final List<Column> COLUMNS = List.of(Column.wrapped("report.header.file", 26),
            Column.wrapped("report.header.kind", 14), Column.wrapped("report.header.sha256", 22),
            Column.fixed("report.header.ingested-at", 17), Column.wrapped("report.header.rows-read", 8),
            Column.wrapped("report.header.rows-ingested", 9), Column.wrapped("report.header.rows-rejected", 9),
            Column.wrapped("report.header.reasons", 45), Column.fixed("report.header.status", 13),
            Column.wrapped("report.header.rows-duplicate", 9));

    /** How many line numbers of rejected rows Data quality gives per reason (the count says how many in all). */
    static final int REJECTED_LINES_SHOWN = 10;

    private final SheetSql sql;

    DataQualitySheet(SheetSql sql) {
        this.sql = sql;
    }

    @Override
    public String nameKey() {
        return "report.sheet.data-quality";
    }

    @Override
    public long write(Workbook workbook, SheetContext context) {
        SheetWriter sheet = context.table(workbook, this, COLUMNS);
        // a month never evaluated has no evaluation for a file to come after
        boolean evaluated = context.period().facts() != null;
        String after = context.messages().get("report.data-quality.after-evaluation");
        EvidenceText reasons = context.evidence();
        sql.stream("files", context.period().parameters().addValue("shown", REJECTED_LINES_SHOWN), rs -> {
            String status = rs.getString(11);
            if (evaluated && !rs.getBoolean(12)) {
                status = status + " " + after;
            }
            sheet.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7),
                    reasons.render(rs.getString(8), rs.getString(9), rs.getString(10)), status, rs.getLong(13));
        });
        sheet.finish();
        return sheet.rowsWritten();
    }
}
