package org.zoomcompliance.ingest.normalise;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/**
 * Makes text safe to store, log, print or show: the one place that knows what an address-like token is. Every
 * free-text value of an export goes through it at the door, as do file names, job parameters holding a path,
 * messages built from file content and quarantined rows; the workbook masks with it again as a second line of
 * defence.
 *
 * <p>An address-like token is (the README's "Privacy" section says the same for operators):
 * <ul>
 * <li>an IPv6 address in any textual form the address library accepts strictly (full, compressed, IPv4-mapped,
 * with a zone id, bracketed), found inside runs of hex digits, colons and dots, so that a prefix such as
 * {@code IP:} or a trailing {@code :} or {@code .} does not hide it; times such as {@code 10:15:14} are not
 * addresses;</li>
 * <li>four dot-separated groups of one to three digits, valid or not ({@code 10.1.2.3}, {@code 172.717.19.127}),
 * whatever precedes it ({@code IP:}, a bracket) or follows it (a port, {@code .}, {@code :}, {@code )}), but not
 * when more dotted digits follow ({@code 1.2.3.4.5} is a version);</li>
 * <li>a number of eight to ten digits, a dot and one to three digits ({@code 555216871.226}), the shape old
 * dashboard exports give addresses that lost their dots.</li>
 * </ul>
 * So a client version with a long build number ({@code 5.17.11.34827}, {@code 4.0.36525.0619}), a date
 * ({@code 01.12.2026}), a room ({@code Salle 3.2}), a version in a topic ({@code 5.17.0}) and a meeting ID stay
 * as they are; a four-part short version in free text ({@code 6.0.0.1}) is taken for an address, which loses a
 * version number rather than risk an address. Version columns are not free text ({@link #version}).
 *
 * <p>With a key, a token becomes {@code ip:} and the address's keyed pseudonym (an invalid one gets the keyed
 * pseudonym of its text), so one address reads the same everywhere; without one (file names, messages written
 * when the key may be unavailable, the workbook) it becomes a fixed marker.
 */
public final class Sanitiser {

    /** What an address-like token becomes where no key is used. */
    public static final String ADDRESS_MARKER = "[address]";

    private static final String EMAIL_MARKER = "[e-mail]";
    private static final String PSEUDONYM_PREFIX = "ip:";

    /** Longest textual IPv6 address: six groups of four and a dotted IPv4 tail. */
    private static final int MAX_IPV6_LENGTH = 45;
    private static final Pattern HEX_RUN = Pattern.compile("[0-9A-Fa-f:.]++");
    private static final Pattern ZONE = Pattern.compile("%[0-9A-Za-z_-]+");
    private static final Pattern DOTTED = Pattern.compile(
            "(?<![0-9])(?<![0-9]\\.)(?:[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9]{8,10}\\.[0-9]{1,3})(?![0-9])(?!\\.[0-9])");
    private static final Pattern VERSION = Pattern.compile("[0-9]+(?:\\.[0-9]+){0,4}(?: \\([0-9]+\\))?");
    private static final Pattern EMAIL = Pattern.compile("[^\\s,;:\"'<>()\\[\\]]+@[^\\s,;:\"'<>()\\[\\]]+");

    private final Pseudonymiser pseudonymiser;

    public Sanitiser(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    /** A free-text value (topic, name, device, detail...): every address-like token replaced by its pseudonym. */
    public String text(String value) {
        return replaceAddresses(value, token -> PSEUDONYM_PREFIX + pseudonymiser.address(token).address());
    }

    /**
     * A value of a version column: kept as it is when it has a version's shape (dotted numbers, such as
     * {@code 5.17.11.34827} or {@code 6.0.0.1}, or {@code 5.16.10 (26186)}), treated as free text otherwise.
     */
    public String version(String value) {
        return value == null || VERSION.matcher(value).matches() ? value : text(value);
    }

    /** Text taken from a row or quoting one: e-mail and address-like tokens replaced by their pseudonyms. */
    public String sanitise(String text) {
        if (text == null) {
            return null;
        }
        return text(replace(EMAIL, text, email -> "email:" + pseudonymiser.email(email)));
    }

    /**
     * For messages made when no key may be at hand (a failed job's reason): e-mail and address-like tokens
     * replaced by markers, control characters escaped.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return printable(maskAddresses(replace(EMAIL, text, email -> EMAIL_MARKER), ADDRESS_MARKER));
    }

    /**
     * As {@link #redact}, line breaks kept: for a stack trace written to a log, whose lines a logger writes
     * itself (the message before it is escaped).
     */
    public static String redactKeepingLines(String text) {
        if (text == null) {
            return null;
        }
        return maskAddresses(replace(EMAIL, text, email -> EMAIL_MARKER), ADDRESS_MARKER);
    }

    /** Every address-like token replaced by a marker. */
    public static String maskAddresses(String text, String marker) {
        return replaceAddresses(text, token -> marker);
    }

    /**
     * A file name or path as it is recorded, logged and printed: address-like tokens masked and control
     * characters escaped, so that a name can neither leak an address nor forge a log line.
     */
    public static String fileName(String name) {
        return printable(maskAddresses(name, ADDRESS_MARKER));
    }

    /**
     * The text with every control character (C0, DEL, C1, the Unicode line and paragraph separators and the
     * bidirectional overrides) written as an escape ({@code \n}, {@code \t}, {@code \r}, {@code \}{@code u001b}),
     * for a log line or a console line it must not break or disguise.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        int first = firstControl(text, 0);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstControl(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** IPv6 first (an IPv4-mapped address is one token), then the dotted forms in what is left. */
    private static String replaceAddresses(String text, UnaryOperator<String> replacement) {
        if (text == null || (text.indexOf('.') < 0 && text.indexOf(':') < 0)) {
            return text;
        }
        String withoutIpv6 = text.indexOf(':') < 0 ? text : replaceIpv6(text, replacement);
        return withoutIpv6.indexOf('.') < 0 ? withoutIpv6 : replace(DOTTED, withoutIpv6, replacement);
    }

    private static String replaceIpv6(String text, UnaryOperator<String> replacement) {
        Matcher run = HEX_RUN.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (run.find()) {
            String hex = run.group();
            if (colons(hex, 0, hex.length()) < 2) {
                continue;
            }
            boolean atWordStart = run.start() == 0 || !isWordChar(text.charAt(run.start() - 1));
            int position = 0;
            while (position < hex.length()) {
                int[] found = ipv6In(hex, position, atWordStart);
                if (found == null) {
                    break;
                }
                int start = run.start() + found[0];
                int end = run.start() + found[1];
                if (found[1] == hex.length()) {
                    Matcher zone = ZONE.matcher(text).region(end, text.length());
                    if (zone.lookingAt()) {
                        end = zone.end();
                    }
                }
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start).append(replacement.apply(text.substring(start, end)));
                copied = end;
                position = found[1];
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * The first IPv6 address in a run of hex digits, colons and dots from a position, as {start, end}, or null:
     * it starts at the run's start (when that is the start of a word) or just after a colon, and is the longest
     * valid address from there ending at a group boundary.
     */
    private static int[] ipv6In(String hex, int from, boolean atWordStart) {
        for (int start = from; start < hex.length() - 1; start++) {
            if (start == 0 ? !atWordStart : hex.charAt(start - 1) != ':') {
                continue;
            }
            for (int end = Math.min(hex.length(), start + MAX_IPV6_LENGTH); end > start + 1; end--) {
                boolean boundary = end == hex.length() || hex.charAt(end) == ':' || hex.charAt(end) == '.';
                if (boundary && colons(hex, start, end) >= 2
                        && Pseudonymiser.canonical(hex.substring(start, end)).isPresent()) {
                    return new int[] {start, end};
                }
            }
        }
        return null;
    }

    private static int colons(String text, int start, int end) {
        int colons = 0;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == ':') {
                colons++;
            }
        }
        return colons;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String replace(Pattern pattern, String text, UnaryOperator<String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (matcher.find()) {
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, matcher.start()).append(replacement.apply(matcher.group()));
            copied = matcher.end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }
}
