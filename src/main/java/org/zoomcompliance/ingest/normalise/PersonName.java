package org.zoomcompliance.ingest.normalise;

import java.util.Locale;
import java.util.Map;

/**
 * A display name as Zoom writes it, split: {@code Current Name (Original Name)} and role tags such as
 * {@code (Host)}. Only a trailing balanced group counts, and a group is a role only if its words are a role's. A
 * group of digits alone ({@code Yasmini's iPhone (2)}) is part of the name, as a device numbers its copies.
 */
public record PersonName(String name, String originalName, String role) {

    private static final Map<String, String> ROLES = Map.of(
            "host", "HOST", "co-host", "CO_HOST", "cohost", "CO_HOST", "co host", "CO_HOST",
            "organizzatore", "HOST", "co-organizzatore", "CO_HOST", "hôte", "HOST", "co-hôte", "CO_HOST",
            "animateur", "HOST", "co-animateur", "CO_HOST");

    public static PersonName parse(String raw) {
        String rest = raw.strip();
        String role = null;
        String original = null;
        while (rest.endsWith(")")) {
            int open = openingOf(rest);
            if (open <= 0) {
                break;
            }
            String inner = rest.substring(open + 1, rest.length() - 1).strip();
            String tag = ROLES.get(inner.toLowerCase(Locale.ROOT));
            if (tag != null) {
                role = role == null ? tag : role;
                rest = rest.substring(0, open).strip();
                continue;
            }
            if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit)) {
                break;
            }
            original = inner.isEmpty() ? null : inner;
            rest = rest.substring(0, open).strip();
            break;
        }
        return new PersonName(rest, original, role);
    }

    /** Index of the parenthesis that opens the group closing the text, or -1 if unbalanced. */
    private static int openingOf(String text) {
        int depth = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
