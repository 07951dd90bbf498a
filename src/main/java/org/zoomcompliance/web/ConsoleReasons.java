package org.zoomcompliance.web;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.ingest.normalise.Sanitiser;

/**
 * Why a file was set aside, on a console page: the key and arguments ingest recorded, said in the page's language
 * (the request's, ConsoleLanguage) by the renderer the workbook uses; a reason without key as it was recorded. The
 * sentences are the workbook's, in messages*.properties (docs/data-quality.md), not the console's bundle: the
 * workbook and the command line say them too. No address reaches the page, even one a reason would quote.
 */
final class ConsoleReasons {

    private static final EvidenceText ENGLISH = new EvidenceText(Messages.of(Messages.ENGLISH));
    private static final EvidenceText FRENCH = new EvidenceText(Messages.of(Messages.FRENCH));
    private static final Messages ENGLISH_MESSAGES = Messages.of(Messages.ENGLISH);
    private static final Messages FRENCH_MESSAGES = Messages.of(Messages.FRENCH);

    private ConsoleReasons() {
    }

    /** A recorded reason in the page's language; empty when there is none. */
    static String said(String key, String arguments, String text) {
        if (key == null && text == null) {
            return "";
        }
        return Sanitiser.maskAddresses((french() ? FRENCH : ENGLISH).render(key, arguments, text),
                Sanitiser.ADDRESS_MARKER);
    }

    /** A run's line for a file it quarantined: "quarantined: " and the reason, in the page's language. */
    static String quarantined(String key, String arguments, String text) {
        return (french() ? FRENCH_MESSAGES : ENGLISH_MESSAGES).get("ingest.reason.quarantined",
                said(key, arguments, text));
    }

    /** Outside a request (no locale context) the page language is English, never the JVM's default. */
    private static boolean french() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null ? null : context.getLocale();
        return locale != null && locale.getLanguage().equals(Messages.FRENCH);
    }
}
