package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.nightly.NightlyRun;
import org.zoomcompliance.nightly.NightlySummary;
import org.zoomcompliance.support.TestHomes;

/**
 * A file with more rejected rows than the limit fails with the reason, and the other files go on; in the inbox it
 * fails one night only, later nights skip it until the limit is raised.
 */
@Tag("faults")
class RejectedRowsLimitTest {

    private static final String HEADER = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),"
            + "Guest,Recording Consent,In Waiting Room\r\n";
    private static final String GOOD = "Good,good@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,,No\r\n";

    @Test
    void aFilePastTheRejectedRowsLimitFailsWithTheReasonAndTheNextFileIsIngested() throws Exception {
        // given a limit of 3 rejected rows, a file with 4 unreadable rows, and a sound file after it
        Path home = TestHomes.newHome();
        Path folder = Files.createDirectories(home.resolve("exports"));
        Path broken = Files.writeString(folder.resolve("participants_97400000001.csv"),
                HEADER + GOOD + "Too,Few\r\n".repeat(4), StandardCharsets.UTF_8);
        Path sound = Files.writeString(folder.resolve("participants_97400000002.csv"), HEADER + GOOD,
                StandardCharsets.UTF_8);
        try (ConfigurableApplicationContext context = Applications.start(home,
                "zoom-compliance.ingest.max-rejected-rows=3")) {
            // when both are ingested
            List<FileOutcome> outcomes = context.getBean(Ingestion.class).ingest(List.of(broken, sound)).files();

            // then the broken one failed, saying why, with nothing of it kept, and the sound one was ingested
            assertThat(outcomes.get(0).status()).isEqualTo(Status.FAILED);
            assertThat(outcomes.get(0).reasonText()).contains("more than 3 rows rejected");
            assertThat(outcomes.get(1).status()).isEqualTo(Status.COMPLETED);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select status || ': ' || reasons from source_file where sha256 = ?",
                    String.class, outcomes.get(0).sha256())).startsWith("FAILED: ").contains("rows rejected");
            assertThat(jdbc.queryForList("select meeting_id from participant_join", String.class))
                    .containsExactly("97400000002");
        }
    }

    @Test
    void aFilePastTheLimitFailsOneNightOnlyLaterNightsSkipItUntilTheLimitIsRaised() throws Exception {
        // given a limit of 3 rejected rows and, in the inbox, a file with 4 unreadable rows
        Path home = TestHomes.newHome();
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Path broken = Files.writeString(inbox.resolve("participants_97400000003.csv"),
                HEADER + GOOD.replace("Good", "Late") + "Too,Few\r\n".repeat(4), StandardCharsets.UTF_8);
        try (ConfigurableApplicationContext context = Applications.start(home,
                "zoom-compliance.ingest.max-rejected-rows=3")) {
            NightlyRun nightly = context.getBean(NightlyRun.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            // when the first night runs
            JobExecution first = nightly.run(LocalDate.of(2026, 11, 1));

            // then it fails, saying why, and the file stays in the inbox
            assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(NightlySummary.of(first)).anySatisfy(line -> assertThat(line)
                    .contains("participants_97400000003.csv: ingest failed, left in the inbox")
                    .contains("more than 3 rows rejected"));
            assertThat(broken).exists();
            int ingestRuns = ingestExecutions(jdbc);

            // when the next night runs, the limit unchanged
            JobExecution second = nightly.run(LocalDate.of(2026, 11, 2));

            // then the file is not tried again: the night completes and its summary names the file, still in the inbox
            assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(NightlySummary.of(second)).hasSize(2).startsWith(
                    "skipped: 1 file(s) left in the inbox, failed past the rejected-rows limit before");
            assertThat(NightlySummary.of(second).get(1)).startsWith(
                    "  participants_97400000003.csv: more than 3 rows rejected when last tried")
                    .endsWith("left in the inbox: raise zoom-compliance.ingest.max-rejected-rows and ingest it, or"
                            + " replace the file");
            assertThat(ingestExecutions(jdbc)).isEqualTo(ingestRuns);
            assertThat(broken).exists();
        }

        // when the limit is raised and the inbox ingested unattended, as the next night would
        try (ConfigurableApplicationContext context = Applications.start(home,
                "zoom-compliance.ingest.max-rejected-rows=10")) {
            List<FileOutcome> outcomes = context.getBean(Ingestion.class).ingestInboxUnattended().files();

            // then the file's run resumes and completes, with its rows rejected, and the file leaves the inbox
            assertThat(outcomes).singleElement().satisfies(outcome -> {
                assertThat(outcome.status()).isEqualTo(Status.COMPLETED);
                assertThat(outcome.rowsRejected()).isEqualTo(4);
            });
            assertThat(broken).doesNotExist();
        }
    }

    private static int ingestExecutions(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from batch_job_execution e join batch_job_instance i"
                + " on i.job_instance_id = e.job_instance_id where i.job_name = 'ingestFileJob'", Integer.class);
    }
}
