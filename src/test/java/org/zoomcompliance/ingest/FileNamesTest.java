package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTest {

    @TempDir
    Path folder;

    @Test
    void aNameThatIsNotUtf8GoesThroughAJobParameterAndBackToTheSameFile() throws Exception {
        // given a file whose name holds the Latin-1 byte E9, which no String can carry under every locale
        Path file = Files.writeString(Path.of(URI.create(folder.toUri() + "caf%E9.csv")), "x", StandardCharsets.UTF_8);

        // when its name is made a parameter and read back
        String parameter = FileNames.parameter(file);
        Path back = FileNames.fromParameter(parameter);

        // then it is the same file, and the parameter is plain ASCII
        assertThat(parameter).endsWith("/caf%E9.csv").matches("\\p{ASCII}+");
        assertThat(Files.isSameFile(back, file)).isTrue();
        assertThat(FileNames.display(file)).isEqualTo("caf\\x{E9}.csv");
    }

    @Test
    void showsUtf8AsItIsAndEscapesControlCharactersAndBackslashes() throws Exception {
        // given names in UTF-8, with a newline, and with a backslash
        Path accented = Path.of(URI.create(folder.toUri() + "r%C3%A9union.csv"));
        Path newline = Path.of(URI.create(folder.toUri() + "forged%0Aline.csv"));
        Path backslash = Path.of(URI.create(folder.toUri() + "a%5Cx%7BE9%7D.csv"));

        // then each shows on one line and cannot pass for another
        assertThat(FileNames.display(accented)).isEqualTo("réunion.csv");
        assertThat(FileNames.display(newline)).isEqualTo("forged\\x{0A}line.csv");
        assertThat(FileNames.display(backslash)).isEqualTo("a\\\\x{E9}.csv");
    }

    @Test
    void namesAFileFromTheBytesOfAnother() throws Exception {
        // given a file named with a byte that is not UTF-8
        Path file = Path.of(URI.create(folder.toUri() + "caf%E9.csv"));

        // when a reason file and a numbered copy are named after it
        Path reason = FileNames.named(folder, "", file, ".reason.txt");
        Path numbered = FileNames.named(folder, "1-", file, "");

        // then they carry its bytes
        assertThat(reason.toUri().toString()).endsWith("/caf%E9.csv.reason.txt");
        assertThat(numbered.toUri().toString()).endsWith("/1-caf%E9.csv");
    }

    @Test
    void readsAPlainPathAsOlderRunsRecordedIt() {
        assertThat(FileNames.fromParameter("/srv/exports/participants_1.csv"))
                .isEqualTo(Path.of("/srv/exports/participants_1.csv"));
    }
}
