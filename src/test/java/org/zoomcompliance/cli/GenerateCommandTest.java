package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zoomcompliance.generate.ExportGenerator;
import picocli.CommandLine;
import org.zoomcompliance.support.TestClocks;

class GenerateCommandTest {

    @TempDir
    Path folder;

    @Test
    void writesTheExportsAndASummaryWithoutStartingTheApplication() {
        // given
        StringWriter out = new StringWriter();
        CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        commandLine.setOut(new PrintWriter(out));

        // when
        int exit = commandLine.execute("generate", "--month", "2026-10", "--meetings", "100", "--out",
                folder.toString(), "--seed", "3");

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(folder.resolve(ExportGenerator.MANIFEST)).exists();
        assertThat(folder.resolve("zoomus_recordings__20261031.csv")).exists();
        assertThat(out.toString()).contains("participant joins", "planted deviations");
    }

    @Test
    void refusesAMonthTooSmallToPlantEveryDeviation() throws Exception {
        // given
        CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        commandLine.setErr(new PrintWriter(new StringWriter()));

        // when
        int exit = commandLine.execute("generate", "--month", "2026-10", "--meetings", "10", "--out",
                folder.toString());

        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void saysWhyItCannotWriteWithoutAStackTrace() throws Exception {
        // given an output path that is a file, not a folder
        Path file = Files.writeString(folder.resolve("taken"), "x");
        StringWriter err = new StringWriter();
        CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        commandLine.setErr(new PrintWriter(err));

        // when
        int exit = commandLine.execute("generate", "--month", "2026-10", "--meetings", "100", "--out",
                file.toString());

        // then
        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).startsWith("zoom-compliance generate: cannot write to").doesNotContain("\tat ");
    }
}
