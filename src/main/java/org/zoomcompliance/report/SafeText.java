package org.zoomcompliance.report;

import java.util.regex.Pattern;
import org.zoomcompliance.ingest.normalise.Sanitiser;

/**
 * Makes a text from an export safe to show in a workbook cell: control characters removed, any address-like token
 * masked (the values were sanitised at ingest: this is the second line of defence, with the same notion of an
 * address, {@link Sanitiser}), Excel's cell limit respected, and a value Excel would read as a formula recognised so that the cell is
 * shown literally (quote prefix). The console's CSV export cleans and defuses its cells with it too.
 */
public final class SafeText {

    /** Excel refuses a cell holding more characters than this. */
    static final int EXCEL_CELL_LIMIT = 32_767;

    static final String ADDRESS_MASK = "[address removed]";

    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";
    // C0 controls other than tab, line feed and carriage return (kept: they are ordinary layout), DEL and C1.
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

    private SafeText() {
    }

    /** The text as it may be written: cleaned, addresses masked, truncated with a marker when too long. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = hasControl(raw) ? CONTROL.matcher(raw).replaceAll("") : raw;
        return truncate(Sanitiser.maskAddresses(text, ADDRESS_MASK));
    }

    /** Whether Excel would take the (cleaned) text for a formula if typed or re-entered: it must be quoted. */
    public static boolean looksLikeFormula(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    private static String truncate(String text) {
        if (text.length() <= EXCEL_CELL_LIMIT) {
            return text;
        }
        String marker = " [truncated: " + text.length() + " characters in all]";
        int keep = EXCEL_CELL_LIMIT - marker.length();
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + marker;
    }
}
