package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.support.ChildJvm;
import org.zoomcompliance.support.TestHomes;

/**
 * The ingest of a file killed (SIGKILL) or terminated (SIGTERM) in the middle of a chunk, in a child JVM: the next
 * start recovers or resumes the run from its last committed chunk and the file's rows end up there exactly once.
 */
@Tag("faults")
class IngestFaultsTest {

    private static final int ROWS = 2500;
    private static final String CHUNK = "zoom-compliance.ingest.chunk-size=500";
    /** The third chunk's insert: two chunks are committed when the fault strikes. */
    private static final List<String> BLOCK_THIRD_CHUNK = List.of(CHUNK,
            FaultsChild.BLOCK_PROPERTY + "=insert into participant_join", FaultsChild.SKIP_PROPERTY + "=2");

    @Test
    void aKill9MidChunkIsRecoveredAtTheNextStartAndTheRerunIngestsEveryRowOnce() throws Exception {
        // given an ingest killed with SIGKILL inside its third chunk
        Path home = TestHomes.newHome();
        Path file = participantsFile(home);
        try (ChildJvm child = FaultsChild.run(home, BLOCK_THIRD_CHUNK, "ingest", file.toString())) {
            child.awaitLine("BLOCKED");
            child.kill();
        }

        // when the application starts again and the file is ingested again
        try (ConfigurableApplicationContext context = Applications.start(home, CHUNK)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select status from batch_job_execution", String.class))
                    .as("the killed execution was recovered at start-up").containsExactly("FAILED");
            assertThat(rows(jdbc)).as("the two committed chunks").isEqualTo(1000);
            IngestReport.FileOutcome outcome = context.getBean(Ingestion.class).ingest(List.of(file)).files().get(0);

            // then it resumes after the committed chunks, and every row is there once, with exact counts
            assertThat(outcome.status()).isEqualTo(IngestReport.Status.COMPLETED);
            assertExactlyOnce(jdbc);
        }
    }

    @Test
    void aSigtermMidChunkStopsTheRunAtTheChunkBoundaryAndTheRestartIngestsEveryRowOnce() throws Exception {
        // given an ingest inside its third chunk
        Path home = TestHomes.newHome();
        Path file = participantsFile(home);
        String result;
        try (ChildJvm child = FaultsChild.run(home, BLOCK_THIRD_CHUNK, "ingest", file.toString())) {
            child.awaitLine("BLOCKED");

            // when it receives SIGTERM
            child.terminate();
            result = child.awaitLine("RESULT");
            child.awaitExit();
        }

        // then the chunk under way was finished and the run stopped (Spring Batch 6 may end a chunk it is reading
        // early to stop), reported as not completed, with what it wrote all committed ...
        String[] printed = result.split(" ");
        assertThat(printed[1]).isEqualTo("FAILED");
        int committed = Integer.parseInt(printed[3]);
        assertThat(committed).as("at least the two chunks before the one under way").isBetween(1000, ROWS - 1);
        try (ConfigurableApplicationContext context = Applications.start(home, CHUNK)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            // STOPPED by the step itself at the chunk boundary, restartable
            assertThat(jdbc.queryForList("select status from batch_job_execution", String.class))
                    .containsExactly("STOPPED");
            assertThat(rows(jdbc)).isEqualTo(committed);

            // ... and ingesting the file again restarts it and ends with every row once, counted once: a chunk
            // Spring Batch re-reads because it saved its position after the chunk's commit is not counted again
            IngestReport.FileOutcome outcome = context.getBean(Ingestion.class).ingest(List.of(file)).files().get(0);
            assertThat(outcome.status()).isEqualTo(IngestReport.Status.COMPLETED);
            assertExactlyOnce(jdbc);
        }
    }

    private static void assertExactlyOnce(JdbcTemplate jdbc) {
        assertThat(rows(jdbc)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("select count(distinct name) from participant_join", Integer.class))
                .isEqualTo(ROWS);
        assertThat(jdbc.queryForMap("select rows_read, rows_ingested, rows_rejected, rows_duplicate, status"
                + " from source_file"))
                .containsEntry("rows_read", (long) ROWS).containsEntry("rows_ingested", (long) ROWS)
                .containsEntry("rows_rejected", 0L).containsEntry("rows_duplicate", 0L)
                .containsEntry("status", "COMPLETED");
        assertThat(jdbc.queryForList("select status from batch_job_execution order by job_execution_id desc limit 1",
                String.class)).containsExactly("COMPLETED");
    }

    private static int rows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from participant_join", Integer.class);
    }

    /** A participants export without meeting data (the meeting ID comes from the name), one row per person. */
    static Path participantsFile(Path home) throws IOException {
        StringBuilder csv = new StringBuilder("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),"
                + "Guest,Recording Consent,In Waiting Room\r\n");
        for (int n = 0; n < ROWS; n++) {
            int minute = n % 50;
            csv.append("Participant ").append(n).append(",participant").append(n).append("@exemple.fr,")
                    .append(String.format("11/05/2026 10:%02d:00 AM,11/05/2026 11:%02d:00 AM,60,No,,No\r\n", minute,
                            minute));
        }
        Path folder = Files.createDirectories(home.resolve("exports"));
        return Files.writeString(folder.resolve("participants_97000000001.csv"), csv, StandardCharsets.UTF_8);
    }
}
