package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Evidence renders from its key and arguments in the chosen language; rows without a key keep their text. */
class EvidenceTextTest {

    private final EvidenceText english = new EvidenceText(Messages.of("en"));
    private final EvidenceText french = new EvidenceText(Messages.of("fr"));

    @Test
    void aRowWrittenBeforeKeysShowsItsText() {
        assertThat(french.render(null, null, "3 of 7 participants used an old client")).isEqualTo(
                "3 of 7 participants used an old client");
        assertThat(french.render(EvidenceText.LEGACY, "[\"Recorded on 2026-10-05\"]", null))
                .isEqualTo("Recorded on 2026-10-05");
        assertThat(english.render(EvidenceText.LEGACY, "[\"2026-10-05\"]", null)).isEqualTo("2026-10-05");
    }

    @Test
    void numbersAndDatesForTheLocale() {
        assertThat(french.render("processing.days", "[1800]", null)).isEqualTo("1\u202f800 jours");
        assertThat(english.render("processing.days", "[1800]", null)).isEqualTo("1,800 days");
        // evidence dates as the bundles write them (evidence.format.*): English keeps the ISO form of its sentences
        assertThat(french.render("subject.access.title", "[\"2026-11-02\"]", null)).endsWith("par 02/11/2026");
        assertThat(english.render("subject.access.title", "[\"2026-11-02\"]", null)).endsWith("by 2026-11-02");
        assertThat(french.render("evidence.RECORDING_CONSENT_MISSING", "[2, 4, \"2047-03-06 14:00\"]", null))
                .endsWith("de la réunion du 06/03/2047 14:00");
    }
}
