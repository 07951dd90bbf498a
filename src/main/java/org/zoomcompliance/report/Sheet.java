package org.zoomcompliance.report;

import org.apache.poi.ss.usermodel.Workbook;

/**
 * One sheet of the DPO workbook (docs/guide-sheet.md): the message key of its name, and how it writes the month.
 * {@link DpoWorkbook} writes the sheets in its order: the ones not {@link #streamed()} (the Summary, whose charts
 * need the whole sheet in memory) on the XSSF template first, then the data sheets streamed through SXSSF.
 */
interface Sheet {

    /** The message key of the sheet's name ({@code report.sheet.*}); a continuation sheet is named "Name (2)". */
    String nameKey();

    /** Whether the sheet's rows are streamed (a data sheet), rather than held in memory (the Summary). */
    default boolean streamed() {
        return true;
    }

    /** Writes the sheet, and its continuations, into {@code workbook}; returns its data rows (headers excluded). */
    long write(Workbook workbook, SheetContext context);
}
