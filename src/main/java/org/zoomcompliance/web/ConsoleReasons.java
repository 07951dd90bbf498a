package org.zoomcompliance.web;

import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.ingest.normalise.Sanitiser;

/**
 * Why a file was set aside, on a console page: the key and arguments ingest recorded, said in the page's language
 * (ConsoleLanguage) by the renderer the workbook uses; a reason without key as it was recorded. The sentences are
 * the workbook's, in messages*.properties (docs/data-quality.md), not the console's bundle: the workbook and the
 * command line say them too. No address reaches the page, even one a reason would quote.
 */
final class ConsoleReasons {

    private static final EvidenceText ENGLISH = new EvidenceText(Messages.of(Messages.ENGLISH));
    private static final EvidenceText FRENCH = new EvidenceText(Messages.of(Messages.FRENCH));

    private ConsoleReasons() {
    }

    /** A recorded reason in the page's language; empty when there is none. */
    static String said(String key, String arguments, String text) {
        if (key == null && text == null) {
            return "";
        }
        EvidenceText language = ConsoleLanguage.language().equals(Messages.FRENCH) ? FRENCH : ENGLISH;
        return Sanitiser.maskAddresses(language.render(key, arguments, text), Sanitiser.ADDRESS_MARKER);
    }
}
