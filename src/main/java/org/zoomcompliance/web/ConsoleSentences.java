package org.zoomcompliance.web;

import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.ingest.normalise.Sanitiser;

/**
 * Sentences stored or carried as a key and arguments (a deviation's evidence, why a file was set aside, why a job
 * was refused), said on a console page in the page's language (ConsoleLanguage) by the renderer the workbook uses;
 * one without key as it was recorded. Their texts are the workbook's and the command line's, in
 * messages*.properties (docs/evidence.md, docs/data-quality.md), not the console's bundle.
 */
final class ConsoleSentences {

    private ConsoleSentences() {
    }

    /** The renderer of the page's language. */
    static EvidenceText language() {
        return EvidenceText.of(ConsoleLanguage.language());
    }

    /**
     * Why a file was set aside, in the page's language; empty when nothing is recorded. No address reaches the page,
     * even one a reason would quote.
     */
    static String said(String key, String arguments, String text) {
        if (key == null && text == null) {
            return "";
        }
        return Sanitiser.maskAddresses(language().render(key, arguments, text), Sanitiser.ADDRESS_MARKER);
    }
}
