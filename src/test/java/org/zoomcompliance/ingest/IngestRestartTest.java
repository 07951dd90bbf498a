package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.support.PipelineIntegrationTest;
import org.zoomcompliance.support.TestHomes;

/**
 * A run that fails part-way resumes from its last committed chunk when the same file is ingested again, with
 * exact counts and no duplicates (in the style of Spring Batch's restart tests: fail on item k, restart, count).
 */
class IngestRestartTest extends PipelineIntegrationTest {

    private static final int ROWS = 2_500;
    private static final int FAILING_ROW = 1_700;

    @Autowired
    Ingestion ingestion;

    @Test
    void resumesFromTheLastCommittedChunkAfterAFailureOnRowK() throws IOException {
        // given a file of 2,500 joins whose row 1,700 meets a database failure (chunks of 1,000)
        Path file = participantsFile();
        jdbc.execute("""
                create function ingest_restart_fault() returns trigger language plpgsql as $$
                begin
                    if new.meeting_id = '91000000040' and new.name = 'Participant %d' then
                        raise exception 'simulated outage';
                    end if;
                    return new;
                end $$""".formatted(FAILING_ROW));
        jdbc.execute("create trigger ingest_restart_fault before insert on participant_join"
                + " for each row execute function ingest_restart_fault()");
        FileOutcome failed;
        try {
            failed = ingestion.ingest(List.of(file)).files().get(0);
        } finally {
            jdbc.execute("drop trigger ingest_restart_fault on participant_join");
            jdbc.execute("drop function ingest_restart_fault()");
        }

        // when
        FileOutcome resumed = ingestion.ingest(List.of(file)).files().get(0);

        // then
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.rowsRead()).isEqualTo(1_000);
        assertThat(failed.reasonText()).contains("simulated outage");
        assertThat(resumed.status()).isEqualTo(Status.COMPLETED);
        assertThat(List.of(resumed.rowsRead(), resumed.rowsIngested(), resumed.rowsDuplicate(), resumed.rowsRejected()))
                .containsExactly((long) ROWS, (long) ROWS, 0L, 0L);
        assertThat(jdbc.queryForObject("select count(*) from participant_join where meeting_id = '91000000040'",
                Integer.class)).isEqualTo(ROWS);
        Map<String, Object> restartedStep = jdbc.queryForMap("""
                select read_count, write_count, status from batch_step_execution
                where job_execution_id = ? and step_name = 'ingestRowsStep'""", resumed.jobExecutionId());
        assertThat(restartedStep).containsEntry("read_count", (long) ROWS - 1_000)
                .containsEntry("write_count", (long) ROWS - 1_000).containsEntry("status", "COMPLETED");
        assertThat(jdbc.queryForList("select step_name from batch_step_execution where job_execution_id = ?"
                + " order by step_execution_id", String.class, resumed.jobExecutionId()))
                .containsExactly("ingestRowsStep", "ingestFinishStep");
        assertThat(jdbc.queryForObject("select status from source_file where sha256 = ?", String.class,
                resumed.sha256())).isEqualTo("COMPLETED");
    }

    private static Path participantsFile() throws IOException {
        Path file = TestHomes.newHome().resolve("participants_91000000040.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n");
            for (int i = 1; i <= ROWS; i++) {
                int minute = i % 60;
                out.write("Participant " + i + ",p" + i + "@fixture.example,03/04/2024 09:" + two(minute)
                        + ":00 AM,03/04/2024 10:" + two(minute) + ":00 AM,60,No\r\n");
            }
        }
        return file;
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }
}
