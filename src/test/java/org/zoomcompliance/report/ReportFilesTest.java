package org.zoomcompliance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path folder;

    @Test
    void aWriteThatFailsMidwayLeavesThePublishedFileAndNoPartialFile() throws IOException {
        // given a published workbook
        Path target = folder.resolve("zoom-compliance-2031-01.xlsx");
        ReportFiles.Written first = ReportFiles.writeBeside(target,
                out -> out.write("version 1".getBytes(StandardCharsets.UTF_8)));
        ReportFiles.publish(first.file(), target);

        // when the next build fails after writing part of its bytes
        assertThatThrownBy(() -> ReportFiles.writeBeside(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        })).hasMessage("disk full");

        // then the DPO still sees the complete earlier file, and nothing else is left in the folder
        assertThat(Files.readString(target)).isEqualTo("version 1");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aCompleteWriteReplacesTheTargetAtOnceWithItsDigest() throws IOException {
        // given an earlier file
        Path target = folder.resolve("zoom-compliance-2031-01.xlsx");
        Files.writeString(target, "old");

        // when a new content is written beside it and published
        ReportFiles.Written written = ReportFiles.writeBeside(target,
                out -> out.write("abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("old");
        ReportFiles.publish(written.file(), target);

        // then the target holds the new bytes, whose SHA-256 and size were measured while writing
        assertThat(Files.readString(target)).isEqualTo("abc");
        assertThat(written.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(written.sizeBytes()).isEqualTo(3);
        assertThat(Files.exists(written.file())).isFalse();
    }
}
