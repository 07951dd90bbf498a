package org.zoomcompliance.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.ingest.normalise.SubjectDenyList;

/** A display name's key ignores case, accents, order and role tags; the texts come in the institution's language. */
class NameKeyAndMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Hélène Dupré-Martin", "DUPRE-MARTIN, helene", "hélène dupré martin (Host)",
        "Dupré Martin Hélène (Hélène D.)", "  helene   DUPRE  MARTIN (Co-host)"})
    void theSamePersonHowEverWritten(String name) {
        assertThat(SubjectDenyList.nameKey(name)).isEqualTo("dupre helene martin");
    }

    @Test
    void anotherPersonSharingAFirstNameHasAnotherKey() {
        assertThat(SubjectDenyList.nameKey("Marie Okafor")).isNotEqualTo(SubjectDenyList.nameKey("Marie Quintal"));
        assertThat(SubjectDenyList.nameKey(" - ")).isNull();
    }

    @Test
    void textsInEnglishAndFrench() {
        assertThat(Messages.of("en").get("subject.access.sheet.meetings")).isEqualTo("Meetings");
        assertThat(Messages.of("fr").get("subject.access.sheet.meetings")).isEqualTo("Réunions");
        assertThat(Messages.of("fr").get("processing.days", 180)).isEqualTo("180 jours");
        assertThat(Messages.of("fr").get("subject.access.title", "Institut Exemple"))
                .isEqualTo("Données personnelles détenues sur vous par Institut Exemple");
        assertThatThrownBy(() -> Messages.of("de")).hasMessageContaining("not en or fr");
    }
}
