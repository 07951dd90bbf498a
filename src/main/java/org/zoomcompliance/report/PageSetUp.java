package org.zoomcompliance.report;

import java.time.YearMonth;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.zoomcompliance.infrastructure.Messages;

/**
 * How every sheet of the workbook prints: A4 landscape, one page wide (the data sheets' fixed column widths are
 * chosen so that this keeps a legible scale), narrow margins, the repeated header row, and on every page the
 * institution, the month, the sheet, "page x of y" and a confidentiality mark.
 */
final class PageSetUp {

    /** Excel's limit for a header or footer section's text. */
    private static final int MAX_SECTION = 80;
    private static final double SIDE_MARGIN_INCHES = 0.3;
    private static final double TOP_MARGIN_INCHES = 0.6;
    private static final double HEADER_MARGIN_INCHES = 0.25;

    private final String institution;
    private final YearMonth month;
    private final Messages messages;

    PageSetUp(String institution, YearMonth month, Messages messages) {
        this.institution = institution;
        this.month = month;
        this.messages = messages;
    }

    void apply(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setMargin(Sheet.LeftMargin, SIDE_MARGIN_INCHES);
        sheet.setMargin(Sheet.RightMargin, SIDE_MARGIN_INCHES);
        sheet.setMargin(Sheet.TopMargin, TOP_MARGIN_INCHES);
        sheet.setMargin(Sheet.BottomMargin, TOP_MARGIN_INCHES);
        sheet.setMargin(Sheet.HeaderMargin, HEADER_MARGIN_INCHES);
        sheet.setMargin(Sheet.FooterMargin, HEADER_MARGIN_INCHES);
        sheet.getHeader().setLeft(literal(institution));
        sheet.getHeader().setCenter(literal(messages.get("report.title.month", month.toString())));
        // Header and footer codes (ECMA-376 18.3.1.39): &B bold, &A the sheet's name, &P page, &N pages.
        sheet.getHeader().setRight("&B" + literal(messages.get("report.confidential")));
        sheet.getFooter().setLeft("&A");
        sheet.getFooter().setCenter(messages.get("report.page.footer", "&P", "&N"));
    }

    /** Text shown as it is in a header: {@code &} starts a code there, so it is doubled; long text is cut. */
    static String literal(String text) {
        String clean = SafeText.clean(text == null ? "" : text);
        if (clean.length() > MAX_SECTION) {
            clean = clean.substring(0, MAX_SECTION - 3) + "...";
        }
        return clean.replace("&", "&&");
    }
}
