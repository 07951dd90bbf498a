package org.zoomcompliance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseFloorTest {

    @TempDir
    Path folder;

    @Test
    void countsEveryRecordOfEveryCsvFileAndSkipsTheRest() throws IOException {
        // given a participants file with BOM, meeting block, blank line and a quoted comma, and a non-CSV file
        Files.writeString(folder.resolve("participants_1.csv"), "\ufeffTopic,ID\r\n\"Cours, amphi\",123\r\n\r\n"
                + "Name (original name),Email\r\nMarie Martin,marie.martin@exemple.fr\r\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("notes.txt"), "not an export");

        // when
        ParseFloor.Result result = new ParseFloor().parse(List.of(folder));

        // then
        assertThat(result.files()).isEqualTo(1);
        assertThat(result.records()).isEqualTo(4);
        assertThat(result.characters()).isEqualTo("TopicIDCours, amphi123Name (original name)EmailMarie Martin"
                .length() + "marie.martin@exemple.fr".length());
    }
}
