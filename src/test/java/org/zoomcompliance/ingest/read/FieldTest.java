package org.zoomcompliance.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.infrastructure.DataFile;

/** The canonical fields are declared once ({@link Field}): the data files and the blocks name no other. */
class FieldTest {

    @Test
    void everyFieldTheAliasTableTheCutsAndTheBlocksNameIsDeclaredOnce() {
        // given
        Set<String> declared = new HashSet<>(Field.READ);
        declared.addAll(Field.NOT_READ);

        // then a field is either read or only matched, never both
        assertThat(Field.READ).doesNotContainAnyElementsOf(Field.NOT_READ);
        // and the alias table, the table of cut rows and the blocks' required fields name declared fields only
        for (DataFile.Row row : DataFile.rows(HeaderAliases.class, HeaderAliases.RESOURCE)) {
            assertThat(declared).as("field of %s", row.cells()).contains(row.get(1));
        }
        for (DataFile.Row row : DataFile.rows(HeaderAliases.class, HeaderAliases.CUTS_RESOURCE)) {
            assertThat(declared).as("field of %s", row.cells()).contains(row.get(1));
        }
        for (BlockType type : BlockType.values()) {
            for (String required : type.required()) {
                assertThat(declared).as("required by %s", type).contains(required.split("\\|"));
            }
        }
        assertThat(declared).containsAll(FileSurvey.DATE_FIELDS);
    }
}
