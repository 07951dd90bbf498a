package org.zoomcompliance.report;

import inet.ipaddr.IPAddressString;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a text from an export safe to show in a workbook cell: control characters removed, any clear IP address
 * masked, Excel's cell limit respected, and a value Excel would read as a formula recognised so that the cell is
 * shown literally (quote prefix).
 */
final class SafeText {

    /** Excel refuses a cell holding more characters than this. */
    static final int EXCEL_CELL_LIMIT = 32_767;

    static final String ADDRESS_MASK = "[address removed]";

    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";
    // C0 controls other than tab, line feed and carriage return (kept: they are ordinary layout), DEL and C1.
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])");
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f.]{0,15}){2,8}(?![\\w:])");

    private SafeText() {
    }

    /** The text as it may be written: cleaned, addresses masked, truncated with a marker when too long. */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = hasControl(raw) ? CONTROL.matcher(raw).replaceAll("") : raw;
        if (text.indexOf('.') >= 0) {
            text = mask(IPV4, text);
        }
        if (text.indexOf(':') >= 0) {
            text = mask(IPV6, text);
        }
        return truncate(text);
    }

    /** Whether Excel would take the (cleaned) text for a formula if typed or re-entered: it must be quoted. */
    static boolean looksLikeFormula(String text) {
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

    private static String mask(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = null;
        int last = 0;
        while (matcher.find()) {
            // The pattern finds candidates only; the address library decides what is an address (a time such as
            // 10:15:14 or a version 5.17.0 is not one).
            if (new IPAddressString(matcher.group()).isIPAddress()) {
                if (result == null) {
                    result = new StringBuilder(text.length());
                }
                result.append(text, last, matcher.start()).append(ADDRESS_MASK);
                last = matcher.end();
            }
        }
        return result == null ? text : result.append(text, last, text.length()).toString();
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
