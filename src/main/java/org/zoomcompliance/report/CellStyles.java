package org.zoomcompliance.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * The few cell styles of the workbook, created once (a workbook holds at most 64,000 styles). Every data cell is
 * top-aligned, so that a row whose wrapped text takes several lines still reads across.
 */
record CellStyles(
        CellStyle header,
        CellStyle title,
        CellStyle text,
        CellStyle quotedText,
        CellStyle wrappedText,
        CellStyle wrappedQuotedText,
        CellStyle integer,
        CellStyle decimal,
        CellStyle date,
        CellStyle dateTime,
        CellStyle high,
        CellStyle medium,
        CellStyle low,
        CellStyle resolved) {

    static CellStyles of(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 14);
        CellStyle title = workbook.createCellStyle();
        title.setFont(large);
        CellStyle text = top(workbook);
        CellStyle quotedText = top(workbook);
        quotedText.setQuotePrefixed(true);
        CellStyle wrappedText = top(workbook);
        wrappedText.setWrapText(true);
        CellStyle wrappedQuotedText = top(workbook);
        wrappedQuotedText.setWrapText(true);
        wrappedQuotedText.setQuotePrefixed(true);
        CellStyle integer = top(workbook);
        integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
        CellStyle decimal = top(workbook);
        decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        CellStyle date = top(workbook);
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle dateTime = top(workbook);
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        // Severity as the usual spreadsheet signal colours (dark text on a light fill, legible in grey print too).
        CellStyle high = coloured(workbook, 0xFFC7CE, 0x9C0006, true);
        CellStyle medium = coloured(workbook, 0xFFEB9C, 0x7F4F00, false);
        CellStyle low = coloured(workbook, 0xDDEBF7, 0x1F4E78, false);
        CellStyle resolved = coloured(workbook, 0xEDEDED, 0x595959, false);
        return new CellStyles(header, title, text, quotedText, wrappedText, wrappedQuotedText, integer, decimal, date,
                dateTime, high, medium, low, resolved);
    }

    /** The style of a severity cell ({@code HIGH}, {@code MEDIUM}, {@code LOW}), else null. */
    CellStyle severity(String severity) {
        if (severity == null) {
            return null;
        }
        return switch (severity) {
            case "HIGH" -> high;
            case "MEDIUM" -> medium;
            case "LOW" -> low;
            default -> null;
        };
    }

    private static CellStyle top(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private static CellStyle coloured(Workbook workbook, int fill, int ink, boolean bold) {
        XSSFCellStyle style = (XSSFCellStyle) top(workbook);
        style.setFillForegroundColor(new XSSFColor(rgb(fill), null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        XSSFFont font = (XSSFFont) workbook.createFont();
        font.setColor(new XSSFColor(rgb(ink), null));
        font.setBold(bold);
        style.setFont(font);
        return style;
    }

    static byte[] rgb(int colour) {
        return new byte[] {(byte) (colour >> 16), (byte) (colour >> 8), (byte) colour};
    }
}
