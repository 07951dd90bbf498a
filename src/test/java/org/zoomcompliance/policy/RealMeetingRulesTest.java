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
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.support.PipelineIntegrationTest;
import org.zoomcompliance.support.TestPolicies;

/**
 * The rules on meetings as real exports show them (May 2025, no other test's month), ingested from
 * {@code fixtures/policy/2025-05}: a community whose members join as guests every week with a burst of unknown
 * guests in its last session, a class of external students named with their student number, a seminar whose
 * guests re-join after a break, names that do not identify, two dashboard exports either side of Zoom's 3 May
 * 2025 minimum version, and 10-digit meeting IDs of a host the users export lists without a PMI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealMeetingRulesTest extends PipelineIntegrationTest {

    private static final YearMonth MAY = YearMonth.of(2025, 5);
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/policy/2025-05");

    private static final String COMMUNITY_27 = "occurrence:92505000001@2025-05-27T17:25:00Z";
    private static final String BEFORE_MINIMUM = "occurrence:92505000005@2025-05-02T08:00:00Z";
    private static final String AFTER_MINIMUM = "occurrence:92505000006@2025-05-05T08:00:00Z";

    @Autowired
    Ingestion ingestion;

    @Autowired
    PolicyEvaluation evaluation;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeAll
    void ingestTheMonth() throws IOException {
        // one file at a time: what is tested here is the rules, not files ingested side by side
        List<Path> files;
        try (Stream<Path> listed = Files.list(FIXTURES)) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(12);
        for (Path file : files) {
            assertThat(ingestion.ingest(List.of(file)).files()).singleElement().satisfies(outcome -> {
                assertThat(outcome.status()).as(file.toString()).isEqualTo(IngestReport.Status.COMPLETED);
                assertThat(outcome.rowsRejected()).isZero();
            });
        }
    }

    @Test
    void aBurstOfUnknownGuestsIsAnIntrusionAndRegularGuestsStudentNumbersAndReJoinsAreNot() {
        // given the month ingested
        // when it is evaluated under the default policy
        evaluation.evaluate(MAY, Set.of(), null);

        // then only the last community session, with its burst of eight unknown guests, is an intrusion: the same
        // guests every week, the class of students named 005_First Last, and the 13 re-joins after the seminar's
        // break (the host twice) are not
        assertThat(subjects("INTRUSION_SUSPECTED")).containsExactly(COMMUNITY_27);
        assertThat(evidence("INTRUSION_SUSPECTED", COMMUNITY_27)).isEqualTo("burst: 8 first arrivals within 5 minutes"
                + " from 20:05:00, 8 of them guests or unidentified names (8 guest(s), 0 other(s) with an unidentified"
                + " name; \"Guest\", \"Guest\", \"iPhone\", \"Zoom user\", \"xx\", ...); re-joins and the meeting's"
                + " regular members are not counted (thresholds: 8 arrivals within 5 minutes, 75%)");
    }

    @Test
    void namesInLastFirstOrderOrAfterAStudentNumberIdentifyAndTheHostNeverCounts() {
        // given the month ingested
        // when it is evaluated under the default policy
        evaluation.evaluate(MAY, Set.of(), null);

        // then the community (Veisman, Ido among its guests), the class and the seminar show no unidentified name;
        // the one-word host "Ido" is not counted; a dial-in is "a phone number", never its pseudonym
        assertThat(subjects("PARTICIPANT_UNIDENTIFIED")).containsExactly(COMMUNITY_27,
                "occurrence:92505000004@2025-05-20T08:00:00Z", BEFORE_MINIMUM, AFTER_MINIMUM);
        assertThat(evidence("PARTICIPANT_UNIDENTIFIED", "occurrence:92505000004@2025-05-20T08:00:00Z")).isEqualTo(
                "3 of 5 participants do not show a first and a last name (a phone number, \"088_Bart\","
                        + " \"Yasmini's iPhone (2)\")");
        assertThat(evidence("PARTICIPANT_UNIDENTIFIED", BEFORE_MINIMUM))
                .isEqualTo("1 of 5 participants do not show a first and a last name (a phone number)");
        assertThat(evidence("PARTICIPANT_UNIDENTIFIED", AFTER_MINIMUM)).isEqualTo(
                "2 of 6 participants do not show a first and a last name (a phone number, \"Yasmini's iPhone (2)\")");
        assertThat(evidence("PARTICIPANT_UNIDENTIFIED", COMMUNITY_27)).startsWith("6 of 15 participants");
        assertThat(jdbc.queryForList("select coalesce(original_name, '-') from participant_join"
                + " where meeting_id = '92505000004' and name = 'Yasmini''s iPhone (2)'", String.class)).containsExactly("-");
    }

    @Test
    void withoutAcceptedPrefixesTheClassOfStudentNumbersIsUnidentifiedAndNoLongerRegular() {
        // given a policy that accepts no prefix
        Policy policy = TestPolicies.of("identity: { accepted-prefixes: [] }");

        // when the month is evaluated under it
        evaluateUnder(policy);

        // then the students' names (one word of letters after the number) identify nobody: the class is flagged,
        // and its external students, no longer recognised from one week to the next, make a burst
        assertThat(subjects("PARTICIPANT_UNIDENTIFIED")).contains("occurrence:92505000002@2025-05-07T06:57:00Z",
                "occurrence:92505000002@2025-05-14T06:57:00Z");
        assertThat(evidence("PARTICIPANT_UNIDENTIFIED", "occurrence:92505000002@2025-05-07T06:57:00Z"))
                .startsWith("12 of 12 participants do not show a first and a last name");
        assertThat(subjects("INTRUSION_SUSPECTED")).contains("occurrence:92505000002@2025-05-07T06:57:00Z");
    }

    @Test
    void participantsWithoutADataCentreAreReportedAsUnknown() {
        // given the month ingested
        // when it is evaluated under the default policy
        evaluation.evaluate(MAY, Set.of(), null);

        // then
        assertThat(subjects("TRANSFER_OUTSIDE_EU")).containsExactly(BEFORE_MINIMUM, AFTER_MINIMUM);
        assertThat(evidence("TRANSFER_OUTSIDE_EU", BEFORE_MINIMUM)).isEqualTo("1 participant(s) through United States"
                + " (SC Top) (US): outside the EU/EEA and the adequate countries; 2 participant(s) without a data centre:"
                + " location unknown, not assumed to be in the EU/EEA");
        assertThat(evidence("TRANSFER_OUTSIDE_EU", AFTER_MINIMUM))
                .isEqualTo("1 participant(s) without a data centre: location unknown, not assumed to be in the EU/EEA");
        assertThat(jdbc.queryForList("select '[' || data_centre || ']:' || region || ':' || participants from meeting_transfer"
                + " where month = '2025-05-01' and meeting_id = '92505000005' order by data_centre", String.class))
                .containsExactly("[]:UNKNOWN:2", "[Germany (FR)]:EU_EEA:2", "[Netherlands (AM)]:EU_EEA:1",
                        "[United States (SC Top)]:OTHER:1");
    }

    @Test
    void outdatedClientsAreShownAsWritten() {
        // given the month ingested
        // when it is evaluated under the default policy (minimum 5.17.0 for every platform)
        evaluation.evaluate(MAY, Set.of(), null);

        // then
        assertThat(subjects("CLIENT_OUTDATED")).containsExactly(BEFORE_MINIMUM, AFTER_MINIMUM);
        assertThat(evidence("CLIENT_OUTDATED", BEFORE_MINIMUM))
                .isEqualTo("2 of 5 participants used a client older than 5.17.0 (4.0.36525.0619, 5.16.0.100)");
        assertThat(evidence("CLIENT_OUTDATED", AFTER_MINIMUM))
                .isEqualTo("1 of 6 participants used a client older than 5.17.0 (4.0.36525.0619)");
    }

    @Test
    void zoomEnforcedMinimumsDependOnThePlatformAndTheMeetingsDate() {
        // given a policy with Zoom's enforced minimums: 5.15.5 everywhere until 2 May 2025, then 5.17.5 on Windows
        // and 6.0.2 on macOS, Linux, Android and iOS
        Policy policy = TestPolicies.of("clients: { minimum-version: zoom-enforced }");

        // when the month is evaluated under it
        evaluateUnder(policy);

        // then on 2 May only the 2019 Mac client is below; on 5 May the Mac at 6.0.1 is too while Windows at 5.17.6
        // is not, and a client whose device is not given is judged against the lowest minimum in force
        assertThat(subjects("CLIENT_OUTDATED")).containsExactly(BEFORE_MINIMUM, AFTER_MINIMUM);
        assertThat(evidence("CLIENT_OUTDATED", BEFORE_MINIMUM)).isEqualTo("1 of 5 participants used a client older"
                + " than Zoom's minimum in force on 2025-05-02 (4.0.36525.0619 on macOS, below 5.15.5)");
        assertThat(evidence("CLIENT_OUTDATED", AFTER_MINIMUM)).isEqualTo("3 of 6 participants used a client older"
                + " than Zoom's minimum in force on 2025-05-05 (4.0.36525.0619 on macOS, below 6.0.2; 5.17.4.100 on an"
                + " unknown platform, below 5.17.5 (the lowest minimum in force); 6.0.1.40000 on macOS, below 6.0.2)");
    }

    @Test
    void aTenDigitIdOfAHostListedWithoutAPmiIsAPmiFromThreeDays() {
        // given the month ingested, with a users export listing pmi.unknown without a PMI and pmi.known with one
        // when it is evaluated under the default policy
        evaluation.evaluate(MAY, Set.of(), null);

        // then pmi.unknown's ID used on three days is a PMI, the one used on two days is not; pmi.known's own PMI
        // is, the other 10-digit ID it used on three days is not
        assertThat(subjects("MEETING_ON_PMI")).containsExactly("meeting:4520500001", "meeting:9250500111");
        assertThat(evidence("MEETING_ON_PMI", "meeting:9250500111")).isEqualTo("a 10-digit ID (the Personal Meeting ID"
                + " format) was used by one host on 3 distinct days (threshold 3), the first on 2025-05-12 14:00, and the"
                + " host's PMI is not known (the users export gives no PMI for pmi.unknown@univ.example); a PMI should"
                + " not be used or shared");
        assertThat(evidence("MEETING_ON_PMI", "meeting:4520500001")).isEqualTo("the Personal Meeting ID of"
                + " pmi.known@univ.example was used for 1 meeting(s) on 1 day(s), the first on 2025-05-22 11:00; a PMI"
                + " should not be used or shared");
    }

    private void evaluateUnder(Policy policy) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                new MonthEvaluator(named, policy).evaluate(MAY, Set.of(), null));
    }

    private List<String> subjects(String rule) {
        return jdbc.queryForList("select subject from deviation where month = '2025-05-01' and rule_code = ? order by subject",
                String.class, rule);
    }

    private String evidence(String rule, String subject) {
        return jdbc.queryForObject("select evidence from deviation where month = '2025-05-01' and rule_code = ? and subject = ?",
                String.class, rule, subject);
    }
}
