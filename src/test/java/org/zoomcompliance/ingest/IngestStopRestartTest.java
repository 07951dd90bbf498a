package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.operations.ExecutionView;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * {@code jobs stop} then {@code jobs restart} of a large inbox file, as an operator does it: the file's record
 * counts every row once (read = ingested + rejected + already present, no phantom duplicate), the file leaves the
 * inbox, and the stopped execution shows that it was restarted, without a Restart of its own.
 */
class IngestStopRestartTest extends PipelineIntegrationTest {

    private static final int ROWS = 50_000;
    private static final String MEETING = "94000000001";

    @Autowired
    Ingestion ingestion;

    @Autowired
    JobControl jobControl;

    @Test
    void aStoppedThenRestartedFileCountsEveryRowOnceAndLeavesTheInbox() throws Exception {
        // given a large participants export in the inbox, being ingested
        Path file = participantsFile(home.ensure(home.inbox()).resolve("participants_" + MEETING + ".csv"));
        String sha256 = Ingestion.sha256(file);
        CompletableFuture<IngestReport> run = CompletableFuture.supplyAsync(ingestion::ingestInbox);
        await().atMost(Duration.ofMinutes(2)).until(() -> rowsRead(sha256) >= 10_000);
        long id = jdbc.queryForObject("select job_execution_id from source_file where sha256 = ?", Long.class, sha256);

        // when the operator stops it, then restarts it
        jobControl.stop(id, "test");
        FileOutcome stopped = run.get().files().get(0);
        JobExecution restarted = jobControl.restart(id, "test");

        // then the stop left the file in the inbox, and the restart ingested every row once
        assertThat(stopped.status()).isEqualTo(Status.FAILED);
        assertThat(stopped.rowsRead()).isLessThan(ROWS);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForMap("select rows_read, rows_ingested, rows_rejected, rows_duplicate, status"
                + " from source_file where sha256 = ?", sha256))
                .containsEntry("rows_read", (long) ROWS).containsEntry("rows_ingested", (long) ROWS)
                .containsEntry("rows_rejected", 0L).containsEntry("rows_duplicate", 0L)
                .containsEntry("status", "COMPLETED");
        assertThat(jdbc.queryForObject("select count(*) from participant_join where meeting_id = ?", Integer.class,
                MEETING)).isEqualTo(ROWS);

        // and the file moved to processed/, and the stopped execution reads as restarted, not restartable
        assertThat(file).doesNotExist();
        assertThat(home.processed().resolve(file.getFileName())).exists();
        ExecutionView view = jobControl.find(id).orElseThrow();
        assertThat(view.restartedAs()).isEqualTo(restarted.getId());
        assertThat(view.restartable()).isFalse();
        assertThat(jobControl.recent(20)).filteredOn(e -> e.id() == id).singleElement()
                .extracting(ExecutionView::restartable).isEqualTo(false);
    }

    private long rowsRead(String sha256) {
        List<Long> read = jdbc.queryForList("select rows_read from source_file where sha256 = ?", Long.class, sha256);
        return read.isEmpty() ? 0 : read.get(0);
    }

    /** A participants export without meeting data (the meeting ID comes from the name), one row per person. */
    static Path participantsFile(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n");
            for (int i = 1; i <= ROWS; i++) {
                int minute = i % 60;
                out.write("Person " + i + ",p" + i + "@fixture.example,03/04/2024 09:" + two(minute)
                        + ":00 AM,03/04/2024 10:" + two(minute) + ":00 AM,60,No\r\n");
            }
        }
        return file;
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }
}
