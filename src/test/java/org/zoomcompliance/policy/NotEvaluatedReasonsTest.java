package org.zoomcompliance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.infrastructure.Messages;

class NotEvaluatedReasonsTest {

    private static final Messages FRENCH = Messages.of("fr");
    private static final Messages ENGLISH = Messages.of("en");

    @Test
    void aReasonIsRecordedInEnglishAndSaidInFrenchForAFrenchInstitution() {
        // given a rule missing the consent column, and any of the dashboard, the recordings and the history report
        String recorded = NotEvaluatedReasons.of(List.of(List.of(RuleInput.CONSENT),
                List.of(RuleInput.DASHBOARD, RuleInput.RECORDINGS, RuleInput.HISTORY)));

        // then it is recorded in English, and said in French word for word as written here
        assertThat(recorded).isEqualTo("not evaluated: no participants export of the month has the recording consent"
                + " (disclaimer) column; no dashboard participants export covers a meeting of the month, nor no"
                + " recordings export dated within the month was ingested, nor no history meetings report of the"
                + " month was pulled");
        assertThat(NotEvaluatedReasons.say(recorded, ENGLISH)).isEqualTo(recorded);
        assertThat(NotEvaluatedReasons.say(recorded, FRENCH)).isEqualTo("non évaluée : aucun export des participants"
                + " du mois n'a la colonne du consentement à l'enregistrement (avertissement); aucun export des"
                + " participants du tableau de bord ne couvre une réunion du mois, ni aucun export des enregistrements"
                + " daté du mois n'a été importé, ni aucun rapport de l'historique des réunions du mois n'a été"
                + " récupéré");
    }

    @Test
    void everyInputIsSaidInFrenchAndAReasonOfAnotherShapeIsShownAsRecorded() {
        for (RuleInput input : RuleInput.values()) {
            String said = NotEvaluatedReasons.say(NotEvaluatedReasons.of(List.of(List.of(input))), FRENCH);
            assertThat(said).as(input.name()).startsWith("non évaluée : ")
                    .doesNotContain(ENGLISH.get(input.key()));
        }
        assertThat(NotEvaluatedReasons.of(List.of())).isNull();
        assertThat(NotEvaluatedReasons.say(null, FRENCH)).isNull();
        assertThat(NotEvaluatedReasons.say("not evaluated: a sentence of an older build", FRENCH))
                .isEqualTo("not evaluated: a sentence of an older build");
        assertThat(NotEvaluatedReasons.say("disabled in the policy", FRENCH)).isEqualTo("disabled in the policy");
    }
}
