package org.zoomcompliance.report;

import java.time.YearMonth;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.zoomcompliance.infrastructure.Messages;

/**
 * The Summary sheet's layout and its two charts. The charts declare everything a renderer needs rather than
 * leaving it to defaults that LibreOffice and Excel read differently: each series' fill and line colour, clustered
 * bars without varied colours, axis titles, blanks shown as gaps. They sit to the right of the tables, within the
 * sheet's print area, so that the first A4 landscape page shows them beside the figures.
 */
final class SummaryCharts {

    /** The bars' colour, and the trend's series colours in order. */
    static final int BAR_COLOUR = 0x2E75B6;
    static final List<Integer> TREND_COLOURS = List.of(0xC55A11, 0x548235, 0x7030A0);

    /**
     * Widths of the tables' columns, in characters (the per-rule table's six: rule, severity, evaluated, this
     * month, previous month, resolved); long labels and reasons wrap.
     */
    private static final int[] TABLE_WIDTHS = {40, 18, 22, 11, 16, 10};
    private static final int[] WRAPPED_COLUMNS = {0, 2, 4, 5};
    /**
     * The charts' columns, right after the tables; the charts start a little inside the first one, which leaves a
     * gap after the tables' last column.
     */
    static final int CHART_FIRST_COLUMN = TABLE_WIDTHS.length;
    static final int CHART_COLUMNS = 10;
    private static final int CHART_INSET_EMU = 6 * Units.EMU_PER_POINT;
    static final int CHART_LAST_COLUMN = CHART_FIRST_COLUMN + CHART_COLUMNS - 1;
    private static final int CHART_COLUMN_WIDTH = 7;
    /** Rows of the bar chart, then of the line chart below it: both on the first page. */
    private static final int BAR_ROWS = 22;
    private static final int LINE_ROWS = 16;

    private final XSSFSheet sheet;
    private final YearMonth month;
    private final Messages messages;
    private XSSFDrawing drawing;

    SummaryCharts(XSSFSheet sheet, YearMonth month, Messages messages) {
        this.sheet = sheet;
        this.month = month;
        this.messages = messages;
    }

    /** The width in characters of the first {@code columns} table columns together (a merged cell's). */
    static int tableWidth(int columns) {
        int width = 0;
        for (int column = 0; column < columns; column++) {
            width += TABLE_WIDTHS[column];
        }
        return width;
    }

    /** Fixed column widths, and wrapped text in the columns whose labels run long. */
    void layOut(CellStyles styles) {
        for (int column = 0; column < TABLE_WIDTHS.length; column++) {
            sheet.setColumnWidth(column, TABLE_WIDTHS[column] * 256);
        }
        for (int column = CHART_FIRST_COLUMN; column <= CHART_LAST_COLUMN; column++) {
            sheet.setColumnWidth(column, CHART_COLUMN_WIDTH * 256);
        }
        for (Row row : sheet) {
            int lines = 1;
            for (int column : WRAPPED_COLUMNS) {
                Cell cell = row.getCell(column);
                if (cell != null && cell.getCellType() == CellType.STRING) {
                    if (cell.getCellStyle().equals(styles.text())) {
                        cell.setCellStyle(styles.wrappedText());
                    } else if (cell.getCellStyle().equals(styles.quotedText())) {
                        cell.setCellStyle(styles.wrappedQuotedText());
                    }
                    boolean bold = cell.getCellStyle().equals(styles.header());
                    lines = Math.max(lines, SheetWriter.lines(cell, TABLE_WIDTHS[column] - (bold ? 3 : 0)));
                }
            }
            SheetWriter.fitHeight(row, lines);
        }
    }

    /** Horizontal bars of one count per rule: categories and counts in the given rows and columns. */
    void perRule(int firstRow, int lastRow, int categoryColumn, int valueColumn) {
        XSSFChart chart = drawing().createChart(drawing().createAnchor(CHART_INSET_EMU, 0, 0, 0, CHART_FIRST_COLUMN, 0,
                CHART_LAST_COLUMN + 1, BAR_ROWS));
        chart.setTitleText(messages.get("report.summary.chart.per-rule", month.toString()));
        chart.setTitleOverlay(false);
        XDDFCategoryAxis rules = chart.createCategoryAxis(AxisPosition.LEFT);
        rules.setTitle(messages.get("report.summary.rule"));
        // Rules top-down in the table's order; the value axis then crosses at the last rule, the bottom one.
        rules.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis counts = chart.createValueAxis(AxisPosition.BOTTOM);
        counts.setTitle(messages.get("report.summary.deviations"));
        counts.setCrosses(AxisCrosses.MAX);
        counts.setCrossBetween(AxisCrossBetween.BETWEEN);
        counts.setMinimum(0);
        counts.setNumberFormat("0");
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, rules, counts);
        bars.setBarDirection(BarDirection.BAR);
        bars.setBarGrouping(BarGrouping.CLUSTERED);
        bars.setGapWidth(60);
        bars.setVaryColors(false);
        XDDFChartData.Series series = bars.addSeries(
                XDDFDataSourcesFactory.fromStringCellRange(sheet,
                        new CellRangeAddress(firstRow, lastRow, categoryColumn, categoryColumn)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                        new CellRangeAddress(firstRow, lastRow, valueColumn, valueColumn)));
        title(series, firstRow - 1, valueColumn);
        series.setShapeProperties(solid(BAR_COLOUR, 0.75));
        chart.displayBlanksAs(DisplayBlanks.GAP);
        chart.plot(bars);
    }

    /**
     * One line per value column over the months of the given rows, each titled by its column's header (the row
     * above): a month without a value is a gap, not a zero.
     */
    void trend(int firstRow, int lastRow, int categoryColumn, List<Integer> valueColumns) {
        XSSFChart chart = drawing().createChart(drawing().createAnchor(CHART_INSET_EMU, 0, 0, 0, CHART_FIRST_COLUMN, BAR_ROWS + 1,
                CHART_LAST_COLUMN + 1, BAR_ROWS + 1 + LINE_ROWS));
        chart.setTitleText(messages.get("report.summary.chart.trend"));
        chart.setTitleOverlay(false);
        XDDFCategoryAxis months = chart.createCategoryAxis(AxisPosition.BOTTOM);
        months.setTitle(messages.get("report.summary.month"));
        XDDFValueAxis totals = chart.createValueAxis(AxisPosition.LEFT);
        totals.setTitle(messages.get("report.summary.deviations"));
        totals.setCrosses(AxisCrosses.AUTO_ZERO);
        totals.setMinimum(0);
        totals.setNumberFormat("0");
        XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, months, totals);
        lines.setVaryColors(false);
        for (int i = 0; i < valueColumns.size(); i++) {
            int column = valueColumns.get(i);
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) lines.addSeries(
                    XDDFDataSourcesFactory.fromStringCellRange(sheet,
                            new CellRangeAddress(firstRow, lastRow, categoryColumn, categoryColumn)),
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                            new CellRangeAddress(firstRow, lastRow, column, column)));
            title(series, firstRow - 1, column);
            int colour = TREND_COLOURS.get(i % TREND_COLOURS.size());
            XDDFShapeProperties line = new XDDFShapeProperties();
            line.setLineProperties(line(colour, 2.25));
            series.setShapeProperties(line);
            series.setSmooth(false);
            series.setMarkerStyle(MarkerStyle.CIRCLE);
            // The marker's own fill and outline: without them LibreOffice draws markers in its default colours.
            XDDFShapeProperties marker = solid(colour, 1.0);
            series.getCTLineSer().getMarker().setSpPr(marker.getXmlObject());
        }
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        chart.displayBlanksAs(DisplayBlanks.GAP);
        chart.plot(lines);
    }

    /** Prints the tables and the charts on one page width, from the top to the lower of the tables and charts. */
    void printArea(int lastTableRow) {
        int last = Math.max(lastTableRow, BAR_ROWS + LINE_ROWS);
        sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, CHART_LAST_COLUMN, 0, last);
    }

    private XSSFDrawing drawing() {
        if (drawing == null) {
            drawing = sheet.createDrawingPatriarch();
        }
        return drawing;
    }

    private void title(XDDFChartData.Series series, int headerRow, int column) {
        Row header = sheet.getRow(headerRow);
        Cell cell = header == null ? null : header.getCell(column);
        String title = cell != null && cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : messages.get("report.summary.deviations");
        series.setTitle(title, cell == null ? null : new CellReference(sheet.getSheetName(), headerRow, column, true, true));
    }

    private static XDDFShapeProperties solid(int colour, double outlineWidth) {
        XDDFShapeProperties properties = new XDDFShapeProperties();
        properties.setFillProperties(fill(colour));
        properties.setLineProperties(line(colour, outlineWidth));
        return properties;
    }

    private static XDDFLineProperties line(int colour, double width) {
        XDDFLineProperties line = new XDDFLineProperties(fill(colour));
        line.setWidth(width);
        return line;
    }

    private static XDDFSolidFillProperties fill(int colour) {
        return new XDDFSolidFillProperties(XDDFColor.from(CellStyles.rgb(colour)));
    }
}
