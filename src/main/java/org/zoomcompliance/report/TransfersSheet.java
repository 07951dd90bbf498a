package org.zoomcompliance.report;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.zoomcompliance.infrastructure.DataFile;
import org.zoomcompliance.config.Language;
import org.zoomcompliance.report.SheetWriter.Column;

/** Where the month's meeting media went: data centres, outside the EU/EEA first, regions in words. */
final class TransfersSheet implements Sheet {

    static final List<Column> COLUMNS = List.of(Column.fixed("report.header.meeting-id", 13),
            Column.fixed("report.header.date", 11), Column.wrapped("report.header.host", 24),
            Column.wrapped("report.header.data-centre", 16), Column.fixed("report.header.country", 8),
            Column.wrapped("report.header.region", 24), Column.wrapped("report.header.participants", 12),
            Column.fixed("report.header.started", 17), Column.wrapped("report.header.topic", 28));

    private final SheetSql sql;
    private final Map<String, String> regionNames;

    TransfersSheet(SheetSql sql, Language language) {
        this.sql = sql;
        this.regionNames = regionNames(language);
    }

    private static Map<String, String> regionNames(Language language) {
        Map<String, String> names = new HashMap<>();
        int column = 1 + language.ordinal();
        for (DataFile.Row row : DataFile.rows(TransfersSheet.class, "region-names.csv")) {
            names.put(row.get(0), row.get(column));
        }
        return Map.copyOf(names);
    }

    @Override
    public String nameKey() {
        return "report.sheet.transfers";
    }

    @Override
    public long write(Workbook workbook, SheetContext context) {
        SheetWriter sheet = context.table(workbook, this, COLUMNS);
        sql.stream("transfers", context.period().parameters(), rs -> {
            OffsetDateTime start = rs.getObject(2, OffsetDateTime.class);
            String region = rs.getString(6);
            sheet.row(rs.getString(1), start.atZoneSameInstant(context.period().zone()).toLocalDate(),
                    rs.getString(3), rs.getString(4), rs.getString(5), regionNames.getOrDefault(region, region),
                    rs.getInt(7), start, rs.getString(8));
        });
        sheet.finish();
        return sheet.rowsWritten();
    }
}
