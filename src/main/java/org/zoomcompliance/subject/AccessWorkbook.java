package org.zoomcompliance.subject;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.ingest.normalise.Sanitiser;

/**
 * The answer to an access request as an Excel workbook: one sheet per kind of record, headers in the institution's
 * language, real date and number cells, and every text written literally (a value Excel would take for a formula
 * gets a quote prefix) with any address-like token masked, as in the DPO workbook.
 */
final class AccessWorkbook implements AutoCloseable {

    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Messages messages;
    private final ZoneId zone;
    private final CellStyle header;
    private final CellStyle literal;
    private final CellStyle dateTime;
    private final CellStyle date;
    private final CellStyle wrapped;

    AccessWorkbook(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        literal = workbook.createCellStyle();
        literal.setQuotePrefixed(true);
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
    }

    /** A sheet named by its message key, with a frozen, filtered header row of message keys. */
    SheetRows sheet(String nameKey, List<String> headerKeys) {
        Sheet sheet = workbook.createSheet(messages.get(nameKey));
        Row row = sheet.createRow(0);
        for (int i = 0; i < headerKeys.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(messages.get(headerKeys.get(i)));
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, 20 * 256);
        }
        sheet.createFreezePane(0, 1);
        if (!headerKeys.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, headerKeys.size() - 1));
        }
        return new SheetRows(sheet);
    }

    /** Appends rows to one sheet, a value per cell. */
    final class SheetRows {
        private final Sheet sheet;
        private int next = 1;

        private SheetRows(Sheet sheet) {
            this.sheet = sheet;
        }

        int rows() {
            return next - 1;
        }

        void width(int column, int characters) {
            sheet.setColumnWidth(column, characters * 256);
        }

        void add(Object... values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                write(row.createCell(i), values[i]);
            }
        }
    }

    private void write(Cell cell, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(messages.get(flag ? "yes" : "no"));
        } else if (value instanceof OffsetDateTime time) {
            cell.setCellValue(LocalDateTime.ofInstant(time.toInstant(), zone));
            cell.setCellStyle(dateTime);
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else {
            String text = Sanitiser.maskAddresses(String.valueOf(value), "[address removed]");
            if (text.length() > 32_000) {
                text = text.substring(0, 32_000);
            }
            cell.setCellValue(text);
            if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
                cell.setCellStyle(literal);
            } else if (text.length() > 60) {
                cell.setCellStyle(wrapped);
            }
        }
    }

    void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
