package org.zoomcompliance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zoomcompliance.config.Language;
import org.zoomcompliance.config.PolicyFile;

class RuleTextsTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyRuleOfTheCatalogueHasANameAMeaningAndAnActionInEachLanguage(Language language) {
        // when
        RuleTexts texts = RuleTexts.load(language);

        // then every rule code of the policy, and the Accounts sheet's NO_PROFILE, has its three texts
        assertThat(texts.codes()).containsAll(PolicyFile.defaults().rules().keySet()).contains("NO_PROFILE");
        for (String code : texts.codes()) {
            RuleTexts.Text text = texts.of(code);
            assertThat(text.name()).as(code).isNotBlank().isNotEqualTo(code);
            assertThat(text.meaning()).as(code).isNotBlank();
            assertThat(text.action()).as(code).isNotBlank();
        }
    }

    @Test
    void theTextsAreThoseOfTheChosenLanguage() {
        assertThat(RuleTexts.load(Language.EN).of("RECORDING_CLOUD").name()).isEqualTo("Cloud recording");
        assertThat(RuleTexts.load(Language.FR).of("RECORDING_CLOUD").name()).isEqualTo("Enregistrement dans le cloud");
        assertThat(RuleTexts.load(Language.FR).of("TRANSFER_OUTSIDE_EU").action()).startsWith("Vérifier les régions");
    }

    @Test
    void aCodeWithoutTextsShowsAsItself() {
        assertThat(RuleTexts.load(Language.EN).of("SOMETHING_NEW")).isEqualTo(new RuleTexts.Text("SOMETHING_NEW", "", ""));
    }
}
