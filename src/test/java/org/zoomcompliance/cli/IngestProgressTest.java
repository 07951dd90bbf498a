package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.zoomcompliance.support.PipelineIntegrationTest;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;

/**
 * {@code ingest} prints a progress line every {@code zoom-compliance.ingest.progress-interval} on a long run: files
 * done of the total, rows, rows per second, the file being read, its name masked as every name shown is. The interval
 * is made short here; the lines' shape is asserted, not their timing.
 */
@TestPropertySource(properties = "zoom-compliance.ingest.progress-interval=20ms")
class IngestProgressTest extends PipelineIntegrationTest {

    private static final String HEADER = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),"
            + "Guest,Recording Consent,In Waiting Room\r\n";

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aLongIngestPrintsProgressLinesNamingTheFileMasked() throws Exception {
        // given a large participants export whose name holds an address
        Path folder = Files.createDirectories(TestHomes.newHome().resolve("exports"));
        StringBuilder rows = new StringBuilder(HEADER);
        for (int n = 0; n < 40_000; n++) {
            rows.append("Person ").append(n).append(",person").append(n)
                    .append("@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,,No\r\n");
        }
        Path file = Files.writeString(folder.resolve("participants_10.20.30.40_97400000077.csv"), rows,
                StandardCharsets.UTF_8);

        // when it is ingested from the command line
        IngestCommand command = new IngestCommand();
        StringWriter out = new StringWriter();
        new CommandLine(command).setOut(new PrintWriter(out)).parseArgs(file.toString());
        int code = command.run(context);

        // then progress lines came before the file's own line, each of the documented shape, the name masked
        assertThat(code).isEqualTo(ExitCodes.OK);
        List<String> progress = out.toString().lines().filter(line -> line.startsWith("progress: ")).toList();
        assertThat(progress).isNotEmpty().allSatisfy(line -> assertThat(line).matches(
                "progress: [01]/1 files done, \\d+ rows, \\d+ rows/s(, reading participants_\\[address\\]_97400000077\\.csv)?"));
        assertThat(progress).anySatisfy(line -> assertThat(line).endsWith(", reading participants_[address]_97400000077.csv"));
        assertThat(out.toString()).doesNotContain("10.20.30.40")
                .contains("1 files: read 40000, ingested 40000, rejected 0, duplicate 0");
    }
}
