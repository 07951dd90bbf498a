package org.zoomcompliance.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.report.SheetWriter.Column;

/**
 * What one build of a workbook gives each of its sheets: the month, the texts in the workbook's language (its
 * evidence sentences rendered by one EvidenceText), the workbook's cell styles, its print set-up, and the row limit
 * past which a table continues on a new sheet.
 */
record SheetContext(Period period, Messages messages, EvidenceText evidence, CellStyles styles, PageSetUp page,
                    int maxRowsPerSheet) {

    /** A sheet's name in the workbook's language. */
    String name(Sheet sheet) {
        return messages.get(sheet.nameKey());
    }

    /** Starts a sheet's table: its columns' headers are message keys, written in the workbook's language. */
    SheetWriter table(Workbook workbook, Sheet sheet, List<Column> columns) {
        return new SheetWriter(workbook, styles, period.zone(), name(sheet), SheetWriter.localised(columns, messages),
                maxRowsPerSheet, page);
    }

    /** A severity cell in its colour. */
    Object severity(String severity) {
        return new SheetWriter.Styled(severity, styles.severity(severity));
    }

    /** A status cell, a resolved deviation greyed. */
    Object status(String status) {
        return new SheetWriter.Styled(status, "RESOLVED".equals(status) ? styles.resolved() : null);
    }
}
