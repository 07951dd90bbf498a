package org.zoomcompliance.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes one table of the workbook row by row: header, typed and safe cells, frozen header, auto-filter, widths
 * that fit, A4 landscape print set-up. A table that would pass the sheet's row limit continues on a new sheet
 * named {@code Name (2)}, {@code Name (3)}... each with its header.
 */
final class SheetWriter {

    /** Excel's own limit of rows per sheet, header included. */
    static final int EXCEL_MAX_ROWS = 1_048_576;

    private static final int MAX_WIDTH_CHARS = 60;
    private static final int DATE_TIME_CHARS = 16;

    private final Workbook workbook;
    private final CellStyles styles;
    private final ZoneId zone;
    private final String name;
    private final List<String> headers;
    private final int maxRows;
    private final int[] widths;
    private Sheet sheet;
    private int sheets;
    private int nextRow;
    private long rowsWritten;

    SheetWriter(Workbook workbook, CellStyles styles, ZoneId zone, String name, List<String> headers, int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a sheet needs room for its header and one row");
        }
        this.workbook = workbook;
        this.styles = styles;
        this.zone = zone;
        this.name = name;
        this.headers = List.copyOf(headers);
        this.maxRows = maxRows;
        this.widths = new int[headers.size()];
        startSheet();
    }

    /** Appends one row; values are typed by their Java type (see {@link #write}). */
    void row(Object... values) {
        if (nextRow == maxRows) {
            finishSheet();
            startSheet();
        }
        Row row = sheet.createRow(nextRow++);
        for (int column = 0; column < values.length; column++) {
            int length = write(row, column, values[column], styles, zone);
            if (column < widths.length) {
                widths[column] = Math.max(widths[column], length);
            }
        }
        rowsWritten++;
    }

    /** Rows written, headers excluded, over every sheet of this table. */
    long rowsWritten() {
        return rowsWritten;
    }

    void finish() {
        finishSheet();
    }

    private void startSheet() {
        sheets++;
        sheet = workbook.createSheet(sheets == 1 ? name : name + " (" + sheets + ")");
        Row header = sheet.createRow(0);
        for (int column = 0; column < headers.size(); column++) {
            Cell cell = header.createCell(column);
            cell.setCellValue(headers.get(column));
            cell.setCellStyle(styles.header());
            widths[column] = Math.max(widths[column], headers.get(column).length() + 3);
        }
        nextRow = 1;
        sheet.createFreezePane(0, 1);
        printSetUp(sheet);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, headers.size() - 1));
    }

    private void finishSheet() {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, headers.size() - 1));
        for (int column = 0; column < widths.length; column++) {
            sheet.setColumnWidth(column, (Math.min(widths[column], MAX_WIDTH_CHARS) + 2) * 256);
        }
    }

    static void printSetUp(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
    }

    /**
     * Writes one typed cell and returns its width in characters: text (always a string cell, cleaned, quoted when
     * it starts like a formula), whole and decimal numbers, dates, and instants shown in the institution's zone.
     * A null leaves the cell empty.
     */
    static int write(Row row, int column, Object value, CellStyles styles, ZoneId zone) {
        if (value == null) {
            return 0;
        }
        Object typed = value;
        if (typed instanceof OffsetDateTime dateTime) {
            typed = dateTime.atZoneSameInstant(zone).toLocalDateTime();
        } else if (typed instanceof Instant instant) {
            typed = LocalDateTime.ofInstant(instant, zone);
        }
        Cell cell = row.createCell(column);
        if (typed instanceof Integer || typed instanceof Long) {
            cell.setCellValue(((Number) typed).longValue());
            cell.setCellStyle(styles.integer());
            return typed.toString().length();
        }
        if (typed instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(styles.decimal());
            return number.toPlainString().length();
        }
        if (typed instanceof Double number) {
            cell.setCellValue(number);
            cell.setCellStyle(styles.decimal());
            return String.format("%.2f", number).length();
        }
        if (typed instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date());
            return 10;
        }
        if (typed instanceof LocalDateTime dateTime) {
            cell.setCellValue(dateTime);
            cell.setCellStyle(styles.dateTime());
            return DATE_TIME_CHARS;
        }
        String text = SafeText.clean(typed.toString());
        cell.setCellValue(text);
        cell.setCellStyle(SafeText.looksLikeFormula(text) ? styles.quotedText() : styles.text());
        return text.length();
    }
}
