package org.zoomcompliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zoomcompliance.infrastructure.Messages;

class RejectionReasonsTest {

    private final RejectionReasons french = new RejectionReasons(Messages.of(Messages.FRENCH));
    private final RejectionReasons english = new RejectionReasons(Messages.of(Messages.ENGLISH));

    @Test
    void knownShapesAreSaidInFrenchAndOthersStayAsRecorded() {
        assertThat(french.of("nothing could be ingested, every row was rejected: empty meeting_id (3);"
                + " unknown value in role, row kept as unknown (1)"))
                .isEqualTo("rien n’a pu être importé, toutes les lignes ont été rejetées : meeting_id vide (3);"
                        + " valeur inconnue dans role, ligne conservée comme inconnue (1)");
        assertThat(french.of("empty file: no header and no rows")).isEqualTo("fichier vide : ni en-tête ni ligne");
        assertThat(french.of("the database refused the row: value too long"))
                .isEqualTo("the database refused the row: value too long");
    }

    @Test
    void englishIsReturnedAsRecorded() {
        String recorded = "empty participant name (2): lines 4, 6";
        assertThat(english.of(recorded)).isSameAs(recorded);
    }
}
