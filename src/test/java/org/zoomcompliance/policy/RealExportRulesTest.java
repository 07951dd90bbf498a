package org.zoomcompliance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * The rules that read what only real exports carry (October 2020, no other test's month), ingested from
 * {@code fixtures/policy/2020-10}: the participants export with its recording-disclaimer and waiting-room columns
 * (the real layout of {@code fixtures/ingest/real/disclaimer}, under its own meeting ID), three more weeks of that
 * seminar, four weeks of an office hour nobody ever waited for, a user-page recordings inventory holding the
 * seminar's first session, and a users export in the 2020 layout with last sign-ins either side of the limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealExportRulesTest extends PipelineIntegrationTest {

    private static final YearMonth OCTOBER = YearMonth.of(2020, 10);
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/policy/2020-10");

    private static final String SEMINAR_06 = "occurrence:92010000001@2020-10-06T12:00:00Z";

    @Autowired
    Ingestion ingestion;

    @Autowired
    PolicyEvaluation evaluation;

    @BeforeAll
    void ingestAndEvaluateTheMonth() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(FIXTURES)) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(10);
        for (Path file : files) {
            assertThat(ingestion.ingest(List.of(file)).files()).singleElement().satisfies(outcome -> {
                assertThat(outcome.status()).as(file.toString()).isEqualTo(IngestReport.Status.COMPLETED);
                assertThat(outcome.rowsRejected()).isZero();
            });
        }
        // under the default policy: reuse.min-sessions 4, retention.inactive-account-days 365
        evaluation.evaluate(OCTOBER, Set.of(), null);
    }

    @Test
    void aRecordedSessionCountsEveryParticipantWhoDidNotAcknowledgeTheNotice() {
        // then the seminar's 10/06 session (nine people, the host twice), recorded to the cloud, counts those who answered "No Response", left
        // the meeting at the notice or gave no answer at all (guests in the waiting room, "-", "NA", "Maybe
        // later"), and never the host; the three later sessions, not recorded, are not judged
        assertThat(subjects("RECORDING_CONSENT_MISSING")).containsExactly(SEMINAR_06);
        assertThat(evidence("RECORDING_CONSENT_MISSING", SEMINAR_06)).isEqualTo("7 of 9 participants did not acknowledge"
                + " the recording notice of the meeting of 2020-10-06 14:00");
    }

    @Test
    void aRoomReusedEveryWeekIsFlaggedUnlessOneSessionUsedTheWaitingRoom() {
        // then the office hour, four sessions with nobody ever in the waiting room, is a reused room; the seminar,
        // four sessions too, used its waiting room on 10/06 (three people waited) and is not
        assertThat(subjects("MEETING_ROOM_REUSED")).containsExactly("meeting:92010000002");
        assertThat(evidence("MEETING_ROOM_REUSED", "meeting:92010000002")).isEqualTo("the same meeting ID held 4 sessions"
                + " (2020-10-05 14:00, 2020-10-12 14:00, 2020-10-19 14:00, 2020-10-26 14:00) and no session used the"
                + " waiting room (threshold 4 sessions); create a new room each time or use a waiting room");
    }

    @Test
    void anAccountLastSignedInMoreThanAYearBeforeTheMonthsEndIsInactive() {
        // then, judged on 2020-10-31: old.timer's last sign-in (2019-10-02) is 395 days old; near.miss's
        // (2019-11-02) 364 days, within the 365; rita.host signed in that week; never.signed never did, which
        // the rule leaves to the account's status
        assertThat(subjects("ACCOUNT_INACTIVE")).containsExactly("account:old.timer@fixture.example");
        assertThat(evidence("ACCOUNT_INACTIVE", "account:old.timer@fixture.example")).isEqualTo(
                "old.timer@fixture.example last signed in on 2019-10-02, 395 days before 2020-10-31 (limit 365 days);"
                        + " the account's data is kept beyond its use");
    }

    private List<String> subjects(String rule) {
        return jdbc.queryForList("select subject from deviation where month = '2020-10-01' and rule_code = ?"
                + " order by subject", String.class, rule);
    }

    private String evidence(String rule, String subject) {
        return jdbc.queryForObject("select evidence from deviation where month = '2020-10-01' and rule_code = ?"
                + " and subject = ?", String.class, rule, subject);
    }
}
