package org.zoomcompliance.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.zoomcompliance.infrastructure.Messages;

/**
 * Writes one table of the workbook row by row: header, typed and safe cells, frozen header, auto-filter, fixed
 * column widths with long text wrapped (so that a page one A4 landscape wide stays legible), the print set-up of
 * {@link PageSetUp}. A table that would pass the sheet's row limit continues on a new sheet named
 * {@code Name (2)}, {@code Name (3)}... each with its header.
 */
final class SheetWriter {

    /** Excel's own limit of rows per sheet, header included. */
    static final int EXCEL_MAX_ROWS = 1_048_576;

    private static final int DATE_TIME_CHARS = 16;
    /** The height of one line of 11-point text, in points (Excel's default row height). */
    static final float LINE_POINTS = 15f;
    /** A row is never made taller than this many lines (Excel's limit is 409 points). */
    private static final int MAX_LINES = 27;

    /**
     * A column of a table: its header, its width in characters, and whether its text wraps within that width
     * (text that does not wrap is meant to fit: codes, identifiers, dates).
     */
    record Column(String header, int width, boolean wraps) {

        static Column fixed(String header, int width) {
            return new Column(header, width, false);
        }

        static Column wrapped(String header, int width) {
            return new Column(header, width, true);
        }
    }

    /** A value written with its own style instead of its type's (a severity's colour); text stays safe. */
    record Styled(Object value, CellStyle style) {
    }

    /** The headers of a table's columns. */
    static List<String> headers(List<Column> columns) {
        return columns.stream().map(Column::header).toList();
    }

    /** Columns whose headers are message keys, with their texts in a language instead. */
    static List<Column> localised(List<Column> columns, Messages messages) {
        return columns.stream().map(c -> new Column(messages.get(c.header()), c.width(), c.wraps())).toList();
    }

    private final Workbook workbook;
    private final CellStyles styles;
    private final ZoneId zone;
    private final String name;
    private final List<Column> columns;
    private final int maxRows;
    private final PageSetUp page;
    private Sheet sheet;
    private int sheets;
    private int nextRow;
    private long rowsWritten;

    SheetWriter(Workbook workbook, CellStyles styles, ZoneId zone, String name, List<Column> columns, int maxRows,
            PageSetUp page) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("a sheet needs room for its header and one row");
        }
        this.workbook = workbook;
        this.styles = styles;
        this.zone = zone;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.maxRows = maxRows;
        this.page = page;
        startSheet();
    }

    /** Appends one row; values are typed by their Java type (see {@link #write}). */
    void row(Object... values) {
        if (nextRow == maxRows) {
            finishSheet();
            startSheet();
        }
        Row row = sheet.createRow(nextRow++);
        int lines = 1;
        for (int column = 0; column < values.length; column++) {
            boolean wraps = column < columns.size() && columns.get(column).wraps();
            write(row, column, values[column], styles, zone, wraps);
            if (wraps) {
                lines = Math.max(lines, lines(row.getCell(column), columns.get(column).width()));
            }
        }
        fitHeight(row, lines);
        rowsWritten++;
    }

    /**
     * Gives a row the height of its longest wrapped text: neither Excel nor LibreOffice reliably grows a row
     * written without a height when the file opens, and a row one line high hides the rest of the text.
     */
    static void fitHeight(Row row, int lines) {
        if (lines > 1) {
            row.setHeightInPoints(Math.min(lines, MAX_LINES) * LINE_POINTS);
        }
    }

    /**
     * About the lines a text cell takes when wrapped at {@code width} characters, words kept whole where they fit.
     * A column {@code width} wide holds about 1.2 times as many lower-case letters (its unit is a digit, wider
     * than most letters) and fewer capitals; measured on LibreOffice's rendering with Carlito (Calibri's metrics),
     * rounded so that a row is rather a line too tall than cut short.
     */
    static int lines(Cell cell, int width) {
        if (cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
            return 1;
        }
        double capacity = Math.max(1, width * 1.15);
        int lines = 0;
        for (String paragraph : cell.getStringCellValue().split("\\n", -1)) {
            double used = 0;
            lines++;
            for (String word : paragraph.split(" ")) {
                double length = word.chars().mapToDouble(c -> Character.isUpperCase(c) ? 1.5 : 1.0).sum();
                if (used > 0 && used + 1 + length > capacity) {
                    lines++;
                    used = 0;
                }
                while (length > capacity) {
                    lines++;
                    length -= capacity;
                }
                used += (used > 0 ? 1 : 0) + length;
            }
            if (lines > MAX_LINES) {
                return MAX_LINES;
            }
        }
        return lines;
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
        int lines = 1;
        for (int column = 0; column < columns.size(); column++) {
            Cell cell = header.createCell(column);
            cell.setCellValue(columns.get(column).header());
            cell.setCellStyle(styles.header());
            sheet.setColumnWidth(column, columns.get(column).width() * 256);
            // Headers are bold: a little less fits.
            lines = Math.max(lines, lines(cell, columns.get(column).width() - 3));
        }
        fitHeight(header, lines);
        nextRow = 1;
        sheet.createFreezePane(0, 1);
        page.apply(sheet);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, columns.size() - 1));
    }

    private void finishSheet() {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, columns.size() - 1));
    }

    /**
     * Writes one typed cell and returns its width in characters: text (always a string cell, cleaned, quoted when
     * it starts like a formula), whole and decimal numbers, dates, and instants shown in the institution's zone.
     * A null leaves the cell empty.
     */
    static int write(Row row, int column, Object value, CellStyles styles, ZoneId zone) {
        return write(row, column, value, styles, zone, false);
    }

    /** As {@link #write(Row, int, Object, CellStyles, ZoneId)}, text wrapping within the column when asked. */
    static int write(Row row, int column, Object value, CellStyles styles, ZoneId zone, boolean wraps) {
        if (value instanceof Styled styled) {
            int length = write(row, column, styled.value(), styles, zone, wraps);
            Cell cell = row.getCell(column);
            // A quoted (formula-like) text keeps its quote prefix whatever the colour asked.
            if (cell != null && styled.style() != null && !cell.getCellStyle().getQuotePrefixed()) {
                cell.setCellStyle(styled.style());
            }
            return length;
        }
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
        boolean quoted = SafeText.looksLikeFormula(text);
        cell.setCellStyle(wraps ? (quoted ? styles.wrappedQuotedText() : styles.wrappedText())
                : (quoted ? styles.quotedText() : styles.text()));
        return text.length();
    }
}
