package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .isEqualTo("2 participants sur 4 n’ont pas accepté l’avis d’enregistrement de la réunion du 06/03/2047 14:00");
        // a French count agrees its verb
        assertThat(french.render("evidence.RECORDING_CONSENT_MISSING", "[1, 4, \"2047-03-06 14:00\"]", null))
                .isEqualTo("1 participant sur 4 n’a pas accepté l’avis d’enregistrement de la réunion du 06/03/2047 14:00");
        assertThat(english.render("evidence.RECORDING_CONSENT_MISSING", "[1, 4, \"2047-03-06 14:00\"]", null))
                .isEqualTo("1 of 4 participants did not acknowledge the recording notice of the meeting of 2047-03-06 14:00");
    }

    @Test
    void partsWhoseShapeVariesAreNestedSentencesListsAndJoins() {
        // given the arguments of a host outside the contract as the rule writes them: a nested sentence with a
        // list, inside an " and " join whose second item is absent
        String arguments = "[\"prof@gmail.com\", 1, \"2036-02-04 10:00\", {\"join\": \"and\", \"items\": ["
                + "{\"key\": \"evidence.HOST_OUTSIDE_CONTRACT.foreign-domain\", \"args\": [\"gmail.com\", [\"test.fr\", \"test.eu\"]]},"
                + " null]}]";

        // then each language writes it, the absent item left out
        assertThat(english.render("evidence.HOST_OUTSIDE_CONTRACT", arguments, null)).isEqualTo("prof@gmail.com hosted 1"
                + " meeting(s) or recording(s), the first on 2036-02-04 10:00: the domain gmail.com is not one of the"
                + " institution's (test.fr, test.eu)");
        assertThat(french.render("evidence.HOST_OUTSIDE_CONTRACT", arguments, null)).isEqualTo("prof@gmail.com a organisé 1"
                + " réunion(s) ou enregistrement(s), la première le 04/02/2036 10:00 : le domaine gmail.com n’est pas l’un"
                + " de ceux de l’établissement (test.fr, test.eu)");
        assertThatThrownBy(() -> english.render("evidence.INTRUSION_SUSPECTED", "[{\"join\": \"or\", \"items\": []}]",
                null)).hasMessageContaining("evidence join 'or'");
    }

    @Test
    void anErasureReplacesStringsAndLeavesKeysAndNumbers() {
        String arguments = "[\"Marie Quintal\", {\"key\": \"evidence.RECORDING_BY_NON_HOST.hosted-by\", \"args\": [\"Marie Quintal\"]}, 3]";
        assertThat(EvidenceText.replaceStrings(arguments, text -> text.replace("Marie Quintal", "[erased subject]")))
                .isEqualTo("[\"[erased subject]\",{\"key\":\"evidence.RECORDING_BY_NON_HOST.hosted-by\","
                        + "\"args\":[\"[erased subject]\"]},3]");
        assertThat(EvidenceText.replaceStrings(null, text -> text)).isNull();
    }
}
