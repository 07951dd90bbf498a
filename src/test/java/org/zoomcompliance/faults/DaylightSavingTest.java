package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * Wall-clock times of the exports around the daylight-saving changes of the institution's zone (Europe/Paris:
 * 29 March 2026, 02:00 -> 03:00; 25 October 2026, 03:00 -> 02:00) and across a month's last midnight land in the
 * right day and month of that zone.
 */
class DaylightSavingTest extends PipelineIntegrationTest {

    @Autowired
    Ingestion ingestion;

    @Test
    void timesAroundBothChangesAndAMonthsLastMidnightLandInTheirLocalDayAndMonth() throws IOException {
        // given joins just before, inside and after both changes, and on both sides of 1 November's midnight
        Path file = Files.writeString(Files.createDirectories(home.root().resolve("dst"))
                .resolve("participants_97200000001.csv"),
                "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,"
                        + "In Waiting Room\r\n"
                        + join("Spring Before", "03/29/2026 01:59:00 AM")
                        + join("Spring Gap", "03/29/2026 02:30:00 AM")
                        + join("Spring After", "03/29/2026 03:00:00 AM")
                        + join("Autumn Before", "10/25/2026 01:59:00 AM")
                        + join("Autumn Twice", "10/25/2026 02:30:00 AM")
                        + join("Autumn After", "10/25/2026 03:00:00 AM")
                        + join("October Last", "10/31/2026 11:59:00 PM")
                        + join("November First", "11/01/2026 12:01:00 AM"),
                StandardCharsets.UTF_8);

        // when it is ingested
        FileOutcome outcome = ingestion.ingest(List.of(file)).files().get(0);

        // then each join is stored as the instant of its Paris wall-clock time, in its Paris day and month
        assertThat(outcome.status()).isEqualTo(Status.COMPLETED);
        Map<String, String> local = localTimes();
        assertThat(local).containsEntry("Spring Before", "2026-03-29 01:59 +01")
                // 02:30 does not exist that night: it is read an hour later, still on the 29th
                .containsEntry("Spring Gap", "2026-03-29 03:30 +02")
                .containsEntry("Spring After", "2026-03-29 03:00 +02")
                .containsEntry("Autumn Before", "2026-10-25 01:59 +02")
                // 02:30 happens twice that night: the first (summer time) one is taken
                .containsEntry("Autumn Twice", "2026-10-25 02:30 +02")
                .containsEntry("Autumn After", "2026-10-25 03:00 +01")
                .containsEntry("October Last", "2026-10-31 23:59 +01")
                .containsEntry("November First", "2026-11-01 00:01 +01");
        assertThat(jdbc.queryForObject("select to_char(join_time at time zone 'Europe/Paris', 'YYYY-MM')"
                + " from participant_join where meeting_id = '97200000001' and name = 'November First'", String.class))
                .as("the month of a join 1 minute after local midnight, 23:01 UTC the day before").isEqualTo("2026-11");
        assertThat(jdbc.queryForObject("select to_char(join_time at time zone 'UTC', 'YYYY-MM-DD HH24:MI')"
                + " from participant_join where meeting_id = '97200000001' and name = 'November First'", String.class))
                .isEqualTo("2026-10-31 23:01");
    }

    private Map<String, String> localTimes() {
        Map<String, String> local = new HashMap<>();
        jdbc.query("select name, to_char(join_time at time zone 'Europe/Paris', 'YYYY-MM-DD HH24:MI') || ' '"
                + " || '+0' || extract(hour from (join_time at time zone 'Europe/Paris') - (join_time at time zone 'UTC'))"
                + " from participant_join where meeting_id = '97200000001'", rs -> {
                    local.put(rs.getString(1), rs.getString(2));
                });
        return local;
    }

    private static String join(String name, String at) {
        return name + "," + name.toLowerCase().replace(' ', '.') + "@exemple.fr," + at + "," + at + ",1,No,,No\r\n";
    }
}
