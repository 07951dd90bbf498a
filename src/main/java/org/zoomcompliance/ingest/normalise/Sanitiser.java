package org.zoomcompliance.ingest.normalise;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/**
 * Makes text taken from an export safe to store or show: every IP address in it (v4, v6, mapped, bracketed,
 * zoned) and every e-mail address is replaced by its keyed pseudonym. Used for quarantined rows and for any
 * message built from file content.
 */
public final class Sanitiser {

    private static final Pattern ADDRESS_CANDIDATE =
            Pattern.compile("\\[?[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*(?:%[0-9A-Za-z_.-]+)?\\]?");
    private static final Pattern EMAIL = Pattern.compile("[^\\s,;:\"'<>()\\[\\]]+@[^\\s,;:\"'<>()\\[\\]]+");

    private final Pseudonymiser pseudonymiser;

    public Sanitiser(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    /**
     * For messages made when no key may be at hand (a failed job's reason): every valid address and e-mail
     * address is replaced by a placeholder.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String withoutEmails = replace(EMAIL, text, email -> "[e-mail]");
        return replace(ADDRESS_CANDIDATE, withoutEmails,
                candidate -> Pseudonymiser.canonical(candidate).isEmpty() ? candidate : "[address]");
    }

    public String sanitise(String text) {
        if (text == null) {
            return null;
        }
        String withoutEmails = replace(EMAIL, text, email -> "email:" + pseudonymiser.email(email));
        return replace(ADDRESS_CANDIDATE, withoutEmails, candidate -> {
            if (Pseudonymiser.canonical(candidate).isEmpty()) {
                return candidate;
            }
            return "ip:" + pseudonymiser.address(candidate).address();
        });
    }

    private static String replace(Pattern pattern, String text, UnaryOperator<String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
