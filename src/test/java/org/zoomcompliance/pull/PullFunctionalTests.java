package org.zoomcompliance.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zoomcompliance.ingest.IngestReport;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.nightly.NightlyRun;
import org.zoomcompliance.support.PipelineIntegrationTest;
import org.zoomcompliance.support.TestHomes;

/**
 * {@code pull} against a fake Zoom API on the loopback interface, each test on days of its own: a day lands in
 * every table with exact counts and no clear address; a re-pull adds nothing and calls no report again; a token
 * revoked mid-run, an expired page token, a 429 storm, a 500 and a time-out change nothing in the counts; a pull
 * killed mid-page resumes exactly; CSV exports of the same meetings add nothing.
 */
class PullFunctionalTests extends PipelineIntegrationTest {

    static final FakeZoom ZOOM = new FakeZoom();

    static {
        ZoomDay.loadAccount(ZOOM);
        for (String day : List.of("05", "06", "07", "08")) {
            ZoomDay.load(ZOOM, "2026-10-" + day, day);
            ZoomDay.loadReports(ZOOM, "2026-10-" + day, day);
        }
    }

    @DynamicPropertySource
    static void zoomApi(DynamicPropertyRegistry registry) throws IOException {
        Path secret = TestHomes.newHome().resolve("client-secret");
        Files.writeString(secret, FakeZoom.SECRET, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        registry.add("zoom.api.account-id", () -> FakeZoom.ACCOUNT);
        registry.add("zoom.api.client-id", () -> FakeZoom.CLIENT);
        registry.add("zoom.api.client-secret-file", secret::toString);
        registry.add("zoom.api.oauth-url", ZOOM::url);
        registry.add("zoom.api.base-url", () -> ZOOM.url() + "/v2");
        registry.add("zoom.api.page-size", () -> "2");
        registry.add("zoom.api.back-off", () -> "1ms");
        registry.add("zoom.api.max-back-off", () -> "20ms");
        registry.add("zoom.api.read-timeout", () -> "1s");
    }

    @AfterAll
    static void stopFake() {
        ZOOM.close();
    }

    @Autowired
    Pull pull;

    @Autowired
    Ingestion ingestion;

    @Autowired
    NightlyRun nightly;

    @Autowired
    javax.sql.DataSource dataSource;

    private static PullRequest day(String day) {
        LocalDate date = LocalDate.parse("2026-10-" + day);
        return new PullRequest(date, date, Set.of());
    }

    /** The day's windows as {@code name status read ingested rejected duplicate}. */
    private List<String> windows(String day) {
        return jdbc.queryForList("""
                select file_name || ' ' || status || ' ' || rows_read || ' ' || rows_ingested || ' ' || rows_rejected
                       || ' ' || rows_duplicate from source_file where file_name like 'zoom-api % 2026-10-' || ? || '%'
                order by file_name""", String.class, day);
    }

    private static List<String> cleanDay(String day) {
        String d = "2026-10-" + day;
        return List.of(
                "zoom-api dashboard " + d + " 852184862" + day + " " + d + "T08:00:00Z COMPLETED 2 2 0 0",
                "zoom-api dashboard " + d + " 912345678" + day + " " + d + "T14:00:00Z COMPLETED 0 0 0 0",
                "zoom-api disclaimers " + d + " COMPLETED 3 3 0 0",
                "zoom-api history meetings " + d + " COMPLETED 2 2 0 0",
                "zoom-api meetings " + d + " COMPLETED 2 2 0 0",
                "zoom-api operation logs " + d + " COMPLETED 2 2 0 0",
                "zoom-api participants " + d + " 852184862" + day + " " + d + "T08:00:00Z COMPLETED 4 4 0 0",
                "zoom-api participants " + d + " 912345678" + day + " " + d + "T14:00:00Z COMPLETED 1 1 0 0",
                "zoom-api sign-ins " + d + " COMPLETED 3 3 0 0");
    }

    @Test
    void aDayLandsInEveryTablePseudonymisedWithExactCountsAndARePullAddsNothing() {
        // when
        Pull.PullReport report = pull.pull(day("05"), outcome -> { });

        // then
        assertThat(report.completed()).isTrue();
        assertThat(windows("05")).containsExactlyElementsOf(cleanDay("05"));
        assertThat(jdbc.queryForList("""
                select u.email || ' ' || u.groups::text || ' ' || u.user_type || ' ' || u.pmi from zoom_user u
                join source_file f on f.id = u.source_file_id where f.file_name = 'zoom-api users active 2026-11-02'
                order by 1""", String.class)).containsExactly(
                "alice.martin@exemple.fr {Enseignement} Licensed 4151234567",
                "bob.durand@etu.exemple.fr {Etudiant} Basic 6301234567",
                "dan.host@exemple.fr {Enseignement} Licensed 5201234567");
        // the meeting whose UUID begins with a slash was asked for with its UUID encoded twice
        assertThat(ZOOM.calls()).contains("GET /v2/report/meetings/%252Faj20261005Qmuo%253D%253D/participants?page_size=2");
        assertThat(jdbc.queryForList("""
                select name || ' ' || coalesce(role, '-') || ' ' || (email_pseudonym is null) || ' ' || guest || ' '
                       || duration_minutes || ' ' || (meeting_start = '2026-10-05T08:00:00Z')
                from participant_join where meeting_id = '85218486205' order by join_time""", String.class))
                .hasSize(4)
                .satisfies(rows -> {
                    assertThat(rows.get(0)).isEqualTo("Alice Martin HOST false false 60 true");
                    assertThat(rows.get(1)).isEqualTo("Bob Durand - false false 58 true");
                    assertThat(rows.get(2)).matches("Invité ip:[0-9a-f]{32} - true true 25 true");
                    // a guest without an e-mail keeps no e-mail, and is a guest
                    assertThat(rows.get(3)).isEqualTo("Carla - true true 40 true");
                });
        assertThat(jdbc.queryForList("""
                select name || ' ' || role || ' ' || location_country || ' ' || data_centre || ' ' || recording || ' '
                       || client_version || ' ' || (ip_pseudonym ~ '^[0-9a-f]{32}$') || ' ' || device
                from dashboard_participant where meeting_id = '85218486205' order by join_time""", String.class))
                .containsExactly("Alice Martin HOST FR Germany (FR) true 6.2.5.28135 true Mac",
                        "Bob Durand ATTENDEE FR United States (SC Top);Germany (FR) false 5.12.0.4682 true Mac");
        assertThat(jdbc.queryForObject("select topic || ' / ' || host_name || ' / ' || host_email || ' / '"
                + " || duration_minutes from meeting where meeting_id = '91234567805'", String.class))
                .matches("Réunion serveur ip:[0-9a-f]{32} / Dan Host / dan.host@exemple.fr / 30");
        // the recordings held today: an inventory of the last 13 months, a window per month, dated today
        assertThat(jdbc.queryForObject("select host_email || ' ' || file_size_mb || ' ' || file_count || ' '"
                + " || inventory_date from recording where meeting_id = '85218486205'", String.class))
                .isEqualTo("alice.martin@exemple.fr 150.0000 3 2026-11-02");
        assertThat(jdbc.queryForList("select file_name || ' ' || rows_read from source_file"
                + " where file_name like 'zoom-api recordings %' order by file_name", String.class))
                .hasSize(14)
                .startsWith("zoom-api recordings 2025-10-02..2025-10-31 as of 2026-11-02 0")
                .contains("zoom-api recordings 2026-10-01..2026-10-31 as of 2026-11-02 4")
                .endsWith("zoom-api recordings 2026-11-01..2026-11-01 as of 2026-11-02 0");
        // the features used, as written and as the rules read them; the answers to the notices
        assertThat(jdbc.queryForList("""
                select meeting_id || ' ' || cloud_recording || ' ' || local_recording || ' ' || waiting_room || ' '
                       || array_to_string(features, ';') || ' ' || host_email
                from history_meeting where meeting_id in ('85218486205', '91234567805') order by meeting_id""",
                String.class)).containsExactly(
                "85218486205 true true true screen_sharing;record_to_cloud;record_to_computer;waiting_room"
                        + " alice.martin@exemple.fr",
                "91234567805 false false false screen_sharing;video_on dan.host@exemple.fr");
        assertThat(jdbc.queryForList("""
                select name || ' ' || notice || ' ' || response || ' ' || consent || ' ' || (email_pseudonym is null)
                       || ' ' || (meeting_start is null)
                from disclaimer_response where meeting_id = '85218486205' order by response_time""", String.class))
                .hasSize(3)
                .satisfies(rows -> {
                    assertThat(rows.get(0)).isEqualTo("Bob Durand RECORDING ACKNOWLEDGED true false true");
                    assertThat(rows.get(1)).matches("Invité ip:[0-9a-f]{32} RECORDING NO_ANSWER false true true");
                    assertThat(rows.get(2)).isEqualTo("Carla JOINMEETING ACKNOWLEDGED true true true");
                });
        assertThat(jdbc.queryForObject("select count(*) from sign_in where event_time::date = '2026-10-05'"
                + " and ip_pseudonym is not null", Integer.class)).isEqualTo(3);
        assertNoAddressInAnyTable();

        // when pulled again
        ZOOM.clearCalls();
        Pull.PullReport again = pull.pull(day("05"), outcome -> { });

        // then nothing is added, and only the meeting list and the users are read again
        assertThat(again.completed()).isTrue();
        assertThat(again.report().files()).allMatch(f -> f.status() == IngestReport.Status.ALREADY_INGESTED);
        assertThat(windows("05")).containsExactlyElementsOf(cleanDay("05"));
        assertThat(ZOOM.calls()).noneMatch(call -> call.contains("/report/") || call.contains("/participants"));
    }

    @Test
    void aRevokedTokenAnExpiredPageTokenA429StormA500AndATimeOutChangeNoCount() {
        // given
        int tokens = ZOOM.tokensIssued();
        pull.pull(day("05"), outcome -> { });
        ZOOM.clearCalls();
        ZOOM.revokeTokensAfter(2)
                .expireNextPageToken("/v2/report/meetings/%252Faj20261006")
                .fail("/v2/report/meetings/", 429, 4)
                .fail("/v2/report/activities", 500, 1)
                .stall("/v2/report/operationlogs");

        // when
        Pull.PullReport report = pull.pull(day("06"), outcome -> { });

        // then
        assertThat(report.completed()).isTrue();
        assertThat(windows("06")).containsExactlyElementsOf(cleanDay("06"));
        assertThat(ZOOM.tokensIssued()).isGreaterThan(tokens);
        List<String> answers = ZOOM.answers();
        assertThat(answers).filteredOn(a -> a.startsWith("401 ")).hasSize(1);
        assertThat(answers).filteredOn(a -> a.startsWith("429 /v2/report/meetings/")).hasSize(4);
        assertThat(answers).contains("500 /v2/report/activities",
                "400 /v2/report/meetings/%252Faj20261006Qmuo%253D%253D/participants");
        // the stalled call was given up at the read time-out and made again
        assertThat(ZOOM.calls()).filteredOn(c -> c.startsWith("GET /v2/report/operationlogs")).hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from participant_join where meeting_id = '85218486206'",
                Integer.class)).isEqualTo(4);
    }

    @Test
    void aPullKilledMidPageResumesExactly() {
        // given: the second page of a meeting's participants dies before its transaction commits
        AtomicInteger pages = new AtomicInteger();
        pull.afterPageWritten = window -> {
            if (window.startsWith("zoom-api participants 2026-10-07 85218486207") && pages.incrementAndGet() == 2) {
                throw new IllegalStateException("killed mid-page");
            }
        };
        List<IngestReport.FileOutcome> lines = new ArrayList<>();
        try {
            // when
            Pull.PullReport first = pull.pull(day("07"), lines::add);

            // then: that window failed with its first page committed; the others went on
            assertThat(first.completed()).isFalse();
            assertThat(windows("07")).contains(
                    "zoom-api participants 2026-10-07 85218486207 2026-10-07T08:00:00Z FAILED 2 2 0 0",
                    "zoom-api sign-ins 2026-10-07 COMPLETED 3 3 0 0");
            assertThat(lines).anyMatch(line -> line.status() == IngestReport.Status.FAILED
                    && line.reasonText().contains("killed mid-page; pull again to resume"));
        } finally {
            pull.afterPageWritten = window -> { };
        }

        // when pulled again
        Pull.PullReport second = pull.pull(day("07"), outcome -> { });

        // then exact: every row once, the pages committed before neither written nor counted again
        assertThat(second.completed()).isTrue();
        assertThat(windows("07")).containsExactlyElementsOf(cleanDay("07"));
        assertThat(jdbc.queryForObject("select count(*) from participant_join where meeting_id = '85218486207'",
                Integer.class)).isEqualTo(4);
    }

    @Test
    void csvExportsOfTheSameMeetingsAddNothingToAPulledDay() throws IOException {
        // given
        pull.pull(day("05"), outcome -> { });
        Path folder = TestHomes.newHome();
        Files.writeString(folder.resolve("participants_85218486205.csv"), """
                Topic,ID,Host,Duration (minutes),Start time,End time,Participants
                "Cours de droit, salle 3.2","852 1848 6205","Alice Martin (alice.martin@exemple.fr)",60,"10/05/2026 10:00:00 AM","10/05/2026 11:00:00 AM",4

                Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,In waiting room
                Alice Martin,alice.martin@exemple.fr,10/05/2026 10:00:00 AM,10/05/2026 11:00:00 AM,60,No,No
                Bob Durand,bob.durand@etu.exemple.fr,10/05/2026 10:01:00 AM,10/05/2026 10:59:00 AM,58,No,No
                Invité 203.0.113.77,,10/05/2026 10:05:00 AM,10/05/2026 10:30:00 AM,25,Yes,No
                Carla,,10/05/2026 10:10:00 AM,10/05/2026 10:50:00 AM,40,Yes,No
                """);
        Files.writeString(folder.resolve("dashboard_participants_85218486205.csv"), """
                user_name,user_email,device,ip_address,location,network_type,data_center,connection_type,join_time,leave_time,recording,version,role,leave_reason
                Alice Martin,alice.martin@exemple.fr,Mac,198.51.100.23,Paris (FR),Wifi,Germany (FR),UDP,2026-10-05T08:00:00Z,2026-10-05T09:00:00Z,true,6.2.5.28135,host,Alice Martin left the meeting.<br>Reason: Host ended the meeting.
                Bob Durand,bob.durand@etu.exemple.fr,Mac,2001:db8:77::1234,Paris (FR),Wifi,United States (SC Top),UDP,2026-10-05T08:01:00Z,2026-10-05T08:59:00Z,false,5.12.0.4682,attendee,Bob Durand left the meeting.<br>Reason: Host ended the meeting.
                """);
        Files.writeString(folder.resolve("signinout_20261005_20261005.csv"), """
                Time,User,Type,IP Address,Client Type,Version
                10/05/2026 09:55:00 AM,alice.martin@exemple.fr,Sign in,192.0.2.44,Mac,6.2.5.28135
                10/05/2026 11:05:00 AM,alice.martin@exemple.fr,Sign out,192.0.2.44,Mac,6.2.5.28135
                10/05/2026 09:58:00 AM,bob.durand@etu.exemple.fr,Sign in,192.0.2.45,Browser,5.12.0.4682
                """);

        // when
        IngestReport report = ingestion.ingest(List.of(folder));

        // then every row is already present
        assertThat(report.files()).hasSize(3).allSatisfy(file -> {
            assertThat(file.status()).as(file.fileName()).isEqualTo(IngestReport.Status.COMPLETED);
            assertThat(file.rowsIngested()).as(file.fileName()).isZero();
            assertThat(file.rowsDuplicate()).as(file.fileName()).isEqualTo(file.rowsRead()).isPositive();
        });
    }

    @Test
    void theNightPullsTheDayBeforeAndStillReadsTheInbox() throws IOException {
        // given an export in the inbox
        Files.copy(Path.of("sample-data/signinout_20261001_20261031.csv"),
                home.inbox().resolve("signinout_20261001_20261031.csv"));

        // when the night of 9 October runs
        JobExecution night = nightly.run(LocalDate.parse("2026-10-09"));

        // then the 8th was pulled, the inbox read, October evaluated
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(night.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactly("nightlyPullStep", "nightlyIngestStep", "nightlyEvaluateStep", "nightlyRetentionStep");
        assertThat(windows("08")).containsExactlyElementsOf(cleanDay("08"));
        assertThat(home.processed().resolve("signinout_20261001_20261031.csv")).exists();
        assertThat(jdbc.queryForObject("select count(*) from rule_evaluation where month = '2026-10-01'", Integer.class))
                .isEqualTo(15);
    }

    @Test
    void onePullRunsAtATime() throws Exception {
        // given another process's pull holding the lock
        try (java.sql.Connection other = dataSource.getConnection();
                java.sql.Statement statement = other.createStatement()) {
            statement.execute("select pg_advisory_lock(7411893310571790401)");

            // then
            assertThatThrownBy(() -> pull.pull(day("05"), outcome -> { }))
                    .isInstanceOf(JobRefusedException.class).hasMessageContaining("another pull is running");
            statement.execute("select pg_advisory_unlock(7411893310571790401)");
        }
        assertThat(pull.pull(day("05"), outcome -> { }).completed()).isTrue();
    }

    private void assertNoAddressInAnyTable() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE'", String.class);
        for (String table : tables) {
            for (String row : jdbc.queryForList("select t::text from \"" + table + "\" t", String.class)) {
                for (String address : ZoomDay.ADDRESSES) {
                    assertThat(row).as("table %s holds %s", table, address).doesNotContain(address);
                }
                for (String dropped : ZoomDay.DROPPED) {
                    assertThat(row.toLowerCase()).as("table %s holds %s", table, dropped).doesNotContain(dropped);
                }
            }
        }
    }
}
