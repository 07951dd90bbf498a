package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.support.TestHomes;

/** A file with more rejected rows than the limit fails with the reason, and the other files go on. */
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
            assertThat(outcomes.get(0).reason()).contains("more than 3 rows rejected");
            assertThat(outcomes.get(1).status()).isEqualTo(Status.COMPLETED);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select status || ': ' || reasons from source_file where sha256 = ?",
                    String.class, outcomes.get(0).sha256())).startsWith("FAILED: ").contains("rows rejected");
            assertThat(jdbc.queryForList("select meeting_id from participant_join", String.class))
                    .containsExactly("97400000002");
        }
    }
}
