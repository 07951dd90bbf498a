package org.zoomcompliance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.month.MonthFacts;
import org.zoomcompliance.month.MonthRegister;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * Every rule raised by a planted case and not by its near miss, over rows inserted with SQL for months no other
 * test uses (March and April 2047; January 2035 for a month without users, recordings or sign-ins).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyEvaluationTest extends PipelineIntegrationTest {

    private static final YearMonth MARCH = YearMonth.of(2047, 3);
    private static final YearMonth APRIL = YearMonth.of(2047, 4);
    private static final YearMonth BARE = YearMonth.of(2035, 1);

    @Autowired
    PolicyEvaluation evaluation;

    @Autowired
    MonthRegister register;

    private long file;

    @BeforeAll
    void plantMonths() {
        file = jdbc.queryForObject("insert into source_file (sha256, file_name, kind, status) values"
                + " (repeat('a', 62) || '47', 'policy-test.csv', 'TEST', 'COMPLETED') returning id", Long.class);
        // accounts: staff (MEETING), a student, one in two profile groups, one inactive, one recently active
        users("2047-03-31", "staff@test.fr:{Réunion}:3103000008:2047-03-30", "student@test.fr:{Etudiant}::2047-03-30",
                "multi@test.fr:{Enseignement,Réunion}::2047-03-30", "gone@test.fr:{Enseignement}::2045-12-01",
                "recent@test.fr:{Enseignement}::2046-05-01");
        users("2047-04-30", "staff@test.fr:{Réunion}:3103000008:2047-04-29", "student@test.fr:{Etudiant}::2047-04-29",
                "multi@test.fr:{Enseignement}::2047-04-29", "gone@test.fr:{Enseignement}::2045-12-01");

        // recordings: the 31 March inventory lists 001 (26 days old) and 004 (80 days old); 999 only in an older one
        recording("2047-03-10", "31030000999", "2047-03-02 10:00+01", "staff@test.fr", "Ancienne réunion");
        recording("2047-03-31", "31030000001", "2047-03-05 10:00+01", "staff@test.fr", "Point équipe");
        recording("2047-03-31", "31030000004", "2047-01-10 10:00+01", "staff@test.fr", "Bilan annuel");
        recording("2047-04-30", "31030000004", "2047-01-10 10:00+01", "staff@test.fr", "Bilan annuel");

        // 002: a staff meeting recorded by its host (allowed), a participant and a co-host
        meeting("31030000002", "2047-03-06 14:00+01", "2047-03-06 15:00+01", "Cours réseaux", "staff@test.fr", "Anne Staff");
        dashboard("31030000002", "2047-03-06 14:00+01", "Anne Staff", "HOST", "e01", "i01", true, "5.17.11.34827", "Germany (FR)");
        dashboard("31030000002", "2047-03-06 14:01+01", "Bob Martin", null, "e02", "i02", true, "5.16.2.1", "United States (SC Top)");
        dashboard("31030000002", "2047-03-06 14:02+01", "Carl Cohen", "CO_HOST", "e03", "i03", true, "5.17.0", "Netherlands (AM)");
        join("31030000002", "2047-03-06 14:00+01", "Anne Staff", "HOST", "e01", "2047-03-06 14:00+01", false, true, false);
        join("31030000002", "2047-03-06 14:00+01", "Bob Martin", null, "e02", "2047-03-06 14:01+01", false, false, false);
        join("31030000002", "2047-03-06 14:00+01", "Carl Cohen", "CO_HOST", "e03", "2047-03-06 14:02+01", false, true, false);
        join("31030000002", "2047-03-06 14:00+01", "Dora Durand", null, "e04", "2047-03-06 14:03+01", false, null, false);
        // Dora re-joins without a meeting start: merged into her presence in the occurrence whose window holds it
        joinSpan("31030000002", "Dora Durand", null, "e04", "2047-03-06 14:30+01", "2047-03-06 14:50+01");

        // 003: a student host recording locally, media through Frankfurt at the top level and, as the API's fuller
        // value lists, a sub-level data centre in the United States
        meeting("31030000003", "2047-03-07 18:00+01", "2047-03-07 19:00+01", "Révisions", "student@test.fr", "Léa Student");
        dashboard("31030000003", "2047-03-07 18:00+01", "Léa Student", "HOST", "e05", "i05", true, "6.0.2",
                "Germany (FR);United States (SC Sub)");

        // 006: not recorded, nobody acknowledged: no consent deviation
        meeting("31030000006", "2047-03-08 09:00+01", "2047-03-08 10:00+01", "Atelier", "staff@test.fr", "Anne Staff");
        join("31030000006", "2047-03-08 09:00+01", "Eve Adams", null, "e06", "2047-03-08 09:01+01", false, false, false);

        // 007: hosted by an address that is no account
        meeting("31030000007", "2047-03-09 09:00+01", null, "Réunion externe", "someone@gmail.com", "Some One");

        // PMI 3103000008 (staff's, written with spaces in the users export) used once; 3103000009 three days, no PMI
        meeting("3103000008", "2047-03-11 09:00+01", null, "Point rapide", "staff@test.fr", "Anne Staff");
        for (String day : List.of("12", "13", "14")) {
            meeting("3103000009", "2047-03-" + day + " 09:00+01", null, "Permanence", "staff@test.fr", "Anne Staff");
        }

        // 010: four sessions, no waiting room; 011: four sessions, the waiting room used once
        for (String day : List.of("03", "10", "17", "24")) {
            meeting("31030000010", "2047-03-" + day + " 17:00+01", null, "Tutorat", "staff@test.fr", "Anne Staff");
            join("31030000010", "2047-03-" + day + " 17:00+01", "Fred Tutor", null, "e10", "2047-03-" + day + " 17:01+01", false, null, false);
            meeting("31030000011", "2047-03-" + day + " 12:00+01", null, "Séminaire", "staff@test.fr", "Anne Staff");
            join("31030000011", "2047-03-" + day + " 12:00+01", "Gina Seminar", null, "e11", "2047-03-" + day + " 12:01+01", false, null,
                    day.equals("17"));
        }

        // 024 and 025: four sessions each, no waiting-room column; the history meetings report shows 024's waiting
        // room used once, and 025's never
        for (String day : List.of("04", "11", "18", "25")) {
            meeting("31030000024", "2047-03-" + day + " 19:00+01", null, "Club", "staff@test.fr", "Anne Staff");
            historyWithWaitingRoom("31030000024", "2047-03-" + day + " 19:00+01", day.equals("11"));
            meeting("31030000025", "2047-03-" + day + " 20:00+01", null, "Atelier du soir", "staff@test.fr", "Anne Staff");
            historyWithWaitingRoom("31030000025", "2047-03-" + day + " 20:00+01", false);
        }

        // topics: a sensitive one and its near miss
        meeting("31030000012", "2047-03-15 09:00+01", null, "Jury de Délibération M1", "staff@test.fr", "Anne Staff");
        meeting("31030000013", "2047-03-15 11:00+01", null, "Réunion secrétariat pédagogique", "staff@test.fr", "Anne Staff");

        // 014: an iPad and a phone number among three; 015: first and last names only
        meeting("31030000014", "2047-03-16 09:00+01", null, "Cours", "staff@test.fr", "Anne Staff");
        join("31030000014", "2047-03-16 09:00+01", "Jean Dupont", null, "e14", "2047-03-16 09:01+01", false, null, false);
        join("31030000014", "2047-03-16 09:00+01", "iPad", null, null, "2047-03-16 09:02+01", false, null, false);
        jdbc.update("insert into participant_join (meeting_id, meeting_start, name, name_is_phone, join_time, source_file_id, line_number)"
                + " values ('31030000014', '2047-03-16 09:00+01', 'f3a9c1', true, '2047-03-16 09:03+01', ?, 1)", file);
        meeting("31030000015", "2047-03-16 11:00+01", null, "Cours", "staff@test.fr", "Anne Staff");
        join("31030000015", "2047-03-16 11:00+01", "Marie Curie", null, "e15", "2047-03-16 11:01+01", false, null, false);
        join("31030000015", "2047-03-16 11:00+01", "Jean-Paul Sartre", null, "e16", "2047-03-16 11:02+01", false, null, false);

        // 016: nine guests with device names in a minute; 017: twelve identified students in 45 s
        meeting("31030000016", "2047-03-18 08:00+01", "2047-03-18 09:00+01", "Amphi", "staff@test.fr", "Anne Staff");
        for (int i = 0; i < 9; i++) {
            join("31030000016", "2047-03-18 08:00+01", i % 2 == 0 ? "Guest" : "xx" + i, null, null,
                    "2047-03-18 08:20:" + (10 + i * 5) + "+01", true, null, false);
        }
        meeting("31030000017", "2047-03-19 08:00+01", "2047-03-19 09:00+01", "TD", "staff@test.fr", "Anne Staff");
        for (int i = 0; i < 12; i++) {
            join("31030000017", "2047-03-19 08:00+01", "Élève Numéro" + (char) ('A' + i), null, "s" + i,
                    "2047-03-19 08:00:" + (10 + i * 4) + "+01", false, null, false);
        }
        // 018: two "Paul Prof" at once with different e-mails; 019: one person re-joining (merged, no impersonation)
        meeting("31030000018", "2047-03-20 08:00+01", "2047-03-20 09:00+01", "Droit", "staff@test.fr", "Paul Prof");
        joinSpan("31030000018", "Paul Prof", "HOST", "p1", "2047-03-20 08:00+01", "2047-03-20 09:00+01");
        joinSpan("31030000018", "Paul Prof", null, "p2", "2047-03-20 08:20+01", "2047-03-20 08:25+01");
        meeting("31030000019", "2047-03-21 08:00+01", "2047-03-21 09:00+01", "Droit", "staff@test.fr", "Paul Prof");
        joinSpan("31030000019", "Rémi Retour", null, "p3", "2047-03-21 08:00+01", "2047-03-21 08:20+01");
        joinSpan("31030000019", "Rémi Retour", null, "p3", "2047-03-21 08:22+01", "2047-03-21 09:00+01");

        // the history meetings report (pulled only): 001's cloud recording, which the inventory lists too, and 003's
        // local one, which its dashboard shows too (each counted once); 020, a student's meeting recorded to the
        // cloud that no recordings export lists; 022, a staff meeting recorded locally
        meeting("31030000001", "2047-03-05 10:00+01", "2047-03-05 11:00+01", "Point équipe", "staff@test.fr", "Anne Staff");
        history("31030000001", "2047-03-05 10:00+01", true, false);
        history("31030000003", "2047-03-07 18:00+01", false, true);
        meeting("31030000020", "2047-03-22 10:00+01", "2047-03-22 11:00+01", "Projet étudiant", "student@test.fr", "Léa Student");
        history("31030000020", "2047-03-22 10:00+01", true, false);
        // 022: no consent column; the disclaimer report shows Ivan acknowledging the recording notice, Jade only
        // the entry notice
        meeting("31030000022", "2047-03-23 14:00+01", "2047-03-23 15:00+01", "Conseil", "staff@test.fr", "Anne Staff");
        history("31030000022", "2047-03-23 14:00+01", false, true);
        join("31030000022", "2047-03-23 14:00+01", "Anne Staff", "HOST", "e01", "2047-03-23 14:00+01", false, null, null);
        join("31030000022", "2047-03-23 14:00+01", "Ivan Petrov", null, "e22", "2047-03-23 14:01+01", false, null, null);
        join("31030000022", "2047-03-23 14:00+01", "Jade Moreau", null, "e23", "2047-03-23 14:02+01", false, null, null);
        disclaimer("31030000022", "2047-03-23 14:00+01", "Ivan Petrov", "e22", "RECORDING", true);
        disclaimer("31030000022", "2047-03-23 14:00+01", "Jade Moreau", "e23", "MEETING_ENTRY", true);

        // sign-ins: an outdated client and an up-to-date one
        signIn("old@test.fr", "2047-03-04 08:00+01", "5.12.9");
        signIn("new@test.fr", "2047-03-04 08:00+01", "5.17.11.34827");

        // January 2035: only participants' data, no users export: PMI by the 10-digit heuristic
        for (String day : List.of("02", "03", "04")) {
            meeting("3501000001", "2035-01-" + day + " 09:00+01", null, "Permanence", "host@test.fr", "Host Test");
        }
        for (String day : List.of("02", "03")) {
            meeting("3501000002", "2035-01-" + day + " 11:00+01", null, "Permanence", "host@test.fr", "Host Test");
        }
        join("3501000001", "2035-01-02 09:00+01", "Hugo Hache", null, "e35", "2035-01-02 09:01+01", false, null, null);
    }

    @Test
    void raisesEveryPlantedDeviationAndNoNearMiss() {
        // given the planted month of March 2047
        // when it is evaluated
        assertThat(evaluation.evaluate(MARCH, Set.of(), null).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // then
        assertThat(subjects("RECORDING_CLOUD")).containsExactly("recording:31030000001@2047-03-05T09:00:00Z",
                "recording:31030000004@2047-01-10T09:00:00Z", "recording:31030000020@2047-03-22T09:00:00Z");
        assertThat(evidence("RECORDING_CLOUD", "recording:31030000001@2047-03-05T09:00:00Z"))
                .startsWith("cloud recording of 2047-03-05 10:00 still held in Zoom's cloud on 2047-03-31");
        assertThat(evidence("RECORDING_CLOUD", "recording:31030000020@2047-03-22T09:00:00Z"))
                .isEqualTo("meeting of 2047-03-22 10:00 recorded to Zoom's cloud (history meetings report); no recordings"
                        + " export lists the recording; only local recording is allowed");
        assertThat(subjects("RECORDING_BY_NON_HOST")).containsExactly(
                "occurrence:31030000002@2047-03-06T13:00:00Z:participant:e02", "occurrence:31030000002@2047-03-06T13:00:00Z:participant:e03");
        assertThat(subjects("RECORDING_NOT_ALLOWED_FOR_PROFILE")).containsExactly("occurrence:31030000003@2047-03-07T17:00:00Z",
                "occurrence:31030000020@2047-03-22T09:00:00Z");
        assertThat(evidence("RECORDING_NOT_ALLOWED_FOR_PROFILE", "occurrence:31030000003@2047-03-07T17:00:00Z"))
                .isEqualTo("meeting of 2047-03-07 18:00 recorded locally although its host student@test.fr has the"
                        + " profile STUDENT, which may not record");
        assertThat(evidence("RECORDING_NOT_ALLOWED_FOR_PROFILE", "occurrence:31030000020@2047-03-22T09:00:00Z"))
                .isEqualTo("meeting of 2047-03-22 10:00 recorded in the cloud although its host student@test.fr has the"
                        + " profile STUDENT, which may not record");
        assertThat(subjects("RECORDING_RETENTION_EXCEEDED")).containsExactly("recording:31030000004@2047-01-10T09:00:00Z");
        assertThat(evidence("RECORDING_RETENTION_EXCEEDED", "recording:31030000004@2047-01-10T09:00:00Z"))
                .isEqualTo("recorded 2047-01-10, 80 days old on 2047-03-31, limit 30 days (MEETING), 50 days overdue");
        assertThat(subjects("RECORDING_CONSENT_MISSING")).containsExactly("occurrence:31030000002@2047-03-06T13:00:00Z",
                "occurrence:31030000022@2047-03-23T13:00:00Z");
        assertThat(evidence("RECORDING_CONSENT_MISSING", "occurrence:31030000002@2047-03-06T13:00:00Z"))
                .startsWith("2 of 4 participants did not acknowledge the recording notice");
        assertThat(evidence("RECORDING_CONSENT_MISSING", "occurrence:31030000022@2047-03-23T13:00:00Z"))
                .isEqualTo("1 of 3 participants did not acknowledge the recording notice of the meeting of 2047-03-23 14:00");
        assertThat(subjects("HOST_OUTSIDE_CONTRACT")).containsExactly("host:someone@gmail.com");
        assertThat(subjects("MEETING_ON_PMI")).containsExactly("meeting:3103000008");
        assertThat(subjects("MEETING_ROOM_REUSED")).containsExactly("meeting:31030000010", "meeting:31030000025");
        assertThat(subjects("SENSITIVE_TOPIC")).containsExactly("occurrence:31030000012@2047-03-15T08:00:00Z");
        assertThat(subjects("PARTICIPANT_UNIDENTIFIED")).containsExactly("occurrence:31030000014@2047-03-16T08:00:00Z",
                "occurrence:31030000016@2047-03-18T07:00:00Z");
        assertThat(evidence("PARTICIPANT_UNIDENTIFIED", "occurrence:31030000014@2047-03-16T08:00:00Z"))
                .isEqualTo("2 of 3 participants do not show a first and a last name (a phone number, \"iPad\")");
        assertThat(subjects("CLIENT_OUTDATED")).containsExactly("account:old@test.fr", "occurrence:31030000002@2047-03-06T13:00:00Z");
        assertThat(evidence("CLIENT_OUTDATED", "occurrence:31030000002@2047-03-06T13:00:00Z"))
                .isEqualTo("1 of 3 participants used a client older than 5.17.0 (5.16.2.1)");
        assertThat(subjects("TRANSFER_OUTSIDE_EU")).containsExactly("occurrence:31030000002@2047-03-06T13:00:00Z",
                "occurrence:31030000003@2047-03-07T17:00:00Z");
        assertThat(evidence("TRANSFER_OUTSIDE_EU", "occurrence:31030000002@2047-03-06T13:00:00Z"))
                .isEqualTo("1 participant(s) through United States (SC Top) (US): outside the EU/EEA and the adequate countries");
        assertThat(evidence("TRANSFER_OUTSIDE_EU", "occurrence:31030000003@2047-03-07T17:00:00Z"))
                .isEqualTo("1 participant(s) through United States (SC Sub) (US): outside the EU/EEA and the adequate countries");
        assertThat(subjects("INTRUSION_SUSPECTED")).containsExactly("occurrence:31030000016@2047-03-18T07:00:00Z",
                "occurrence:31030000018@2047-03-20T07:00:00Z");
        assertThat(subjects("ACCOUNT_MULTIPLE_PROFILES")).containsExactly("account:multi@test.fr");
        assertThat(subjects("ACCOUNT_INACTIVE")).containsExactly("account:gone@test.fr");
        assertThat(jdbc.queryForList("select distinct status from deviation where month = '2047-03-01'", String.class))
                .containsExactly("NEW");
        assertThat(jdbc.queryForList("select data_centre || ':' || region from meeting_transfer where month = '2047-03-01'"
                + " and meeting_id = '31030000002' order by data_centre", String.class))
                .containsExactly("Germany (FR):EU_EEA", "Netherlands (AM):EU_EEA", "United States (SC Top):OTHER");
        assertThat(jdbc.queryForList("select data_centre || ':' || region || ':' || participants from meeting_transfer"
                + " where month = '2047-03-01' and meeting_id = '31030000003' order by data_centre", String.class))
                .containsExactly("Germany (FR):EU_EEA:1", "United States (SC Sub):OTHER:1");
        assertThat(jdbc.queryForObject("select profile from account_profile where month = '2047-03-01' and email = 'staff@test.fr'",
                String.class)).isEqualTo("MEETING");
        assertThat(evaluation.summary(MARCH).notEvaluated()).isEmpty();
        // and the facts it was judged on are recorded for every output to read
        MonthFacts facts = register.of(MARCH).orElseThrow();
        assertThat(facts.evaluated()).isTrue();
        assertThat(facts.inventoryDate()).isEqualTo(LocalDate.of(2047, 3, 31));
        assertThat(facts.usersDate()).isEqualTo(LocalDate.of(2047, 3, 31));
        assertThat(facts.hostsFile()).isNull();
        assertThat(facts.snapshotOldest()).isEqualTo(LocalDate.of(2046, 3, 1));
        assertThat(facts.snapshotLatest()).isEqualTo(LocalDate.of(2047, 5, 31));
    }

    @Test
    void reEvaluatingGivesTheSameRegisterAndStatusesFollowThePreviousMonth() {
        // given March evaluated once
        evaluation.evaluate(MARCH, Set.of(), null);
        List<Map<String, Object>> first = register(MARCH);

        // when March is evaluated again, then April
        evaluation.evaluate(MARCH, Set.of(), null);
        evaluation.evaluate(APRIL, Set.of(), null);

        // then March is unchanged and April's statuses compare with March
        assertThat(register(MARCH)).isEqualTo(first);
        assertThat(status(APRIL, "RECORDING_CLOUD", "recording:31030000004@2047-01-10T09:00:00Z")).isEqualTo("ONGOING");
        assertThat(status(APRIL, "RECORDING_RETENTION_EXCEEDED", "recording:31030000004@2047-01-10T09:00:00Z")).isEqualTo("ONGOING");
        assertThat(status(APRIL, "RECORDING_CLOUD", "recording:31030000001@2047-03-05T09:00:00Z")).isEqualTo("RESOLVED");
        assertThat(status(APRIL, "ACCOUNT_MULTIPLE_PROFILES", "account:multi@test.fr")).isEqualTo("RESOLVED");
        assertThat(status(APRIL, "ACCOUNT_INACTIVE", "account:gone@test.fr")).isEqualTo("ONGOING");
        assertThat(jdbc.queryForObject("select count(*) from deviation where month = '2047-04-01' and subject like 'occurrence:%'",
                Integer.class)).isZero();
    }

    @Test
    void theSameDeviationsReadInFrenchAndInEnglishFromTheirKeysAndArguments() {
        // given March evaluated, with a deviation written before evidence had keys (its text only), then April
        evaluation.evaluate(MARCH, Set.of(), null);
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, evidence) values"
                + " ('2047-03-01', 'ACCOUNT_INACTIVE', 'account:legacy@test.fr', 'LOW', 'NEW', 'legacy@test.fr idle')");
        evaluation.evaluate(APRIL, Set.of(), null);

        // when their evidence is rendered in each language, then dates, numbers and the parts whose shape varies
        // read as each language writes them, and the English one is the text stored beside the key
        assertThat(rendered(MARCH, "RECORDING_RETENTION_EXCEEDED", "recording:31030000004@2047-01-10T09:00:00Z")).containsExactly(
                "recorded 2047-01-10, 80 days old on 2047-03-31, limit 30 days (MEETING), 50 days overdue",
                "enregistré le 10/01/2047, âgé de 80 jours le 31/03/2047, limite 30 jours (MEETING), 50 jours de"
                        + " dépassement");
        assertThat(rendered(MARCH, "TRANSFER_OUTSIDE_EU", "occurrence:31030000002@2047-03-06T13:00:00Z")).containsExactly(
                "1 participant(s) through United States (SC Top) (US): outside the EU/EEA and the adequate countries",
                "1 participant(s) via United States (SC Top) (US) : hors de l’UE/EEE et des pays adéquats");
        assertThat(rendered(MARCH, "RECORDING_BY_NON_HOST", "occurrence:31030000002@2047-03-06T13:00:00Z:participant:e03"))
                .containsExactly("Carl Cohen (co-host) recorded the meeting of 2047-03-06 14:00 hosted by Anne Staff;"
                                + " recording is reserved to the host",
                        "Carl Cohen (co-animateur) a enregistré la réunion du 06/03/2047 14:00 organisée par Anne Staff ;"
                                + " l’enregistrement est réservé à l’hôte");
        // a resolved deviation holds the previous month's sentence, rendered in the same language
        List<String> resolved = rendered(APRIL, "ACCOUNT_MULTIPLE_PROFILES", "account:multi@test.fr");
        assertThat(resolved.get(0)).startsWith("no longer observed in 2047-04 (in 2047-03: multi@test.fr belongs to the"
                + " groups Enseignement, Réunion, which map to 2 profiles (").endsWith("); an account has exactly one profile)");
        assertThat(resolved.get(1)).startsWith("plus constaté en 04/2047 (en 03/2047 : multi@test.fr appartient aux"
                + " groupes Enseignement, Réunion, qui correspondent à 2 profils (").endsWith(") ; un compte a exactement un"
                + " profil)");
        // and one resolved from a row without a key holds its text as written
        assertThat(rendered(APRIL, "ACCOUNT_INACTIVE", "account:legacy@test.fr")).containsExactly(
                "no longer observed in 2047-04 (in 2047-03: legacy@test.fr idle)",
                "plus constaté en 04/2047 (en 03/2047 : legacy@test.fr idle)");
    }

    /** A deviation's evidence rendered in English, then in French; the English one checked against the stored text. */
    private List<String> rendered(YearMonth month, String rule, String subject) {
        Map<String, Object> row = jdbc.queryForMap("select evidence_key, evidence_args::text as args, evidence from deviation"
                + " where month = ? and rule_code = ? and subject = ?", month.atDay(1), rule, subject);
        String english = new EvidenceText(Messages.of("en")).render((String) row.get("evidence_key"), (String) row.get("args"), null);
        assertThat(english).isEqualTo(row.get("evidence"));
        return List.of(english,
                new EvidenceText(Messages.of("fr")).render((String) row.get("evidence_key"), (String) row.get("args"), null));
    }

    @Test
    void recordsRulesWithoutInputsAsNotEvaluatedAndFallsBackToThePmiHeuristic() {
        // given January 2035: meetings and participants only
        // when it is evaluated
        evaluation.evaluate(BARE, Set.of(), null);

        // then
        Evaluation result = evaluation.summary(BARE);
        assertThat(result.notEvaluated()).containsKeys("RECORDING_CLOUD", "RECORDING_RETENTION_EXCEEDED", "ACCOUNT_INACTIVE",
                "ACCOUNT_MULTIPLE_PROFILES", "TRANSFER_OUTSIDE_EU", "CLIENT_OUTDATED", "HOST_OUTSIDE_CONTRACT");
        assertThat(result.notEvaluated().get("RECORDING_CLOUD")).contains("no recordings export");
        assertThat(register.of(BARE).orElseThrow().inventoryDate()).isNull();
        assertThat(register.of(BARE).orElseThrow().usersFile()).isNull();
        assertThat(result.deviations()).containsEntry("MEETING_ON_PMI", 1).containsEntry("SENSITIVE_TOPIC", 0);
        assertThat(jdbc.queryForList("select subject from deviation where month = '2035-01-01' and rule_code = 'MEETING_ON_PMI'",
                String.class)).containsExactly("meeting:3501000001");
    }

    @Test
    void evaluatesOnlyTheRulesAskedForAtTheDateGiven() {
        // given March evaluated
        evaluation.evaluate(MARCH, Set.of(), null);

        // when only the retention rule is re-evaluated as of 15 April
        evaluation.evaluate(MARCH, Set.of("RECORDING_RETENTION_EXCEEDED"), LocalDate.of(2047, 4, 15));

        // then that rule is judged on the date given, the others are left as they were
        assertThat(evidence("RECORDING_RETENTION_EXCEEDED", "recording:31030000004@2047-01-10T09:00:00Z"))
                .isEqualTo("recorded 2047-01-10, 95 days old on 2047-04-15, limit 30 days (MEETING), 65 days overdue");
        assertThat(subjects("SENSITIVE_TOPIC")).hasSize(1);
        // and the month's facts keep what the month was judged on, with the check beside them
        MonthFacts facts = register.of(MARCH).orElseThrow();
        assertThat(facts.inventoryDate()).isEqualTo(LocalDate.of(2047, 3, 31));
        assertThat(facts.recordingsCheckedOn()).isEqualTo(LocalDate.of(2047, 4, 15));
        assertThat(facts.recordingsCheckInventory()).isEqualTo(LocalDate.of(2047, 3, 31));

        // and when May, which has no inventory of its own, is checked as of 20 May, April's newest inventory is used
        evaluation.evaluate(YearMonth.of(2047, 5), Set.of("RECORDING_RETENTION_EXCEEDED"), LocalDate.of(2047, 5, 20));
        assertThat(jdbc.queryForList("select evidence from deviation where month = '2047-05-01'", String.class))
                .containsExactly("recorded 2047-01-10, 130 days old on 2047-05-20, limit 30 days (MEETING), 100 days overdue");
    }

    private List<String> subjects(String rule) {
        return jdbc.queryForList("select subject from deviation where month = '2047-03-01' and rule_code = ? order by subject",
                String.class, rule);
    }

    private String evidence(String rule, String subject) {
        return jdbc.queryForObject("select evidence from deviation where month = '2047-03-01' and rule_code = ? and subject = ?",
                String.class, rule, subject);
    }

    private String status(YearMonth month, String rule, String subject) {
        return jdbc.queryForObject("select status from deviation where month = ? and rule_code = ? and subject = ?",
                String.class, month.atDay(1), rule, subject);
    }

    private List<Map<String, Object>> register(YearMonth month) {
        return jdbc.queryForList("select rule_code, subject, severity, status, occurred_at, meeting_id, topic, host_email,"
                + " profile, evidence from deviation where month = ? order by rule_code, subject", month.atDay(1));
    }

    private void users(String snapshot, String... accounts) {
        long usersFile = jdbc.queryForObject("insert into source_file (sha256, file_name, kind, status, inventory_date) values"
                + " (md5(?) || md5(?), 'zoomus_users.csv', 'USERS', 'COMPLETED', ?::date) returning id", Long.class,
                snapshot, "policy-users", snapshot);
        for (String account : accounts) {
            String[] fields = account.split(":");
            jdbc.update("insert into zoom_user (snapshot_date, email, groups, pmi, last_login_time, source_file_id)"
                    + " values (?::date, ?, ?::text[], nullif(?, ''), ?::timestamptz, ?)", snapshot, fields[0], fields[1],
                    fields[2].isEmpty() ? "" : fields[2].substring(0, 3) + " " + fields[2].substring(3, 6) + " " + fields[2].substring(6),
                    fields[3], usersFile);
        }
    }

    private void recording(String inventory, String meetingId, String start, String host, String topic) {
        jdbc.update("insert into recording (inventory_date, meeting_id, start_time, host_email, topic, file_count, file_size_mb,"
                + " source_file_id) values (?::date, ?, ?::timestamptz, ?, ?, 2, 147.07, ?)", inventory, meetingId, start, host, topic, file);
    }

    private void meeting(String meetingId, String start, String end, String topic, String hostEmail, String hostName) {
        jdbc.update("insert into meeting (meeting_id, start_time, end_time, topic, host_email, host_name, source_file_id)"
                + " values (?, ?::timestamptz, ?::timestamptz, ?, ?, ?, ?)", meetingId, start, end, topic, hostEmail, hostName, file);
    }

    private void join(String meetingId, String start, String name, String role, String email, String joinTime, boolean guest,
                      Boolean consent, Boolean waitingRoom) {
        jdbc.update("insert into participant_join (meeting_id, meeting_start, name, role, email_pseudonym, join_time, leave_time,"
                + " guest, recording_consent, in_waiting_room, source_file_id, line_number)"
                + " values (?, ?::timestamptz, ?, ?, ?, ?::timestamptz, ?::timestamptz + interval '5 minutes', ?, ?, ?, ?, 1)",
                meetingId, start, name, role, email, joinTime, joinTime, guest, consent, waitingRoom, file);
    }

    private void joinSpan(String meetingId, String name, String role, String email, String joinTime, String leaveTime) {
        jdbc.update("insert into participant_join (meeting_id, name, role, email_pseudonym, join_time, leave_time, guest,"
                + " source_file_id, line_number) values (?, ?, ?, ?, ?::timestamptz, ?::timestamptz, false, ?, 1)",
                meetingId, name, role, email, joinTime, leaveTime, file);
    }

    private void dashboard(String meetingId, String joinTime, String name, String role, String email, String ip,
                           boolean recording, String version, String dataCentre) {
        jdbc.update("insert into dashboard_participant (meeting_id, name, role, email_pseudonym, ip_pseudonym, join_time,"
                + " leave_time, recording, client_version, data_centre, source_file_id, line_number)"
                + " values (?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz + interval '30 minutes', ?, ?, ?, ?, 1)",
                meetingId, name, role, email, ip, joinTime, joinTime, recording, version, dataCentre, file);
    }

    private void history(String meetingId, String start, boolean cloud, boolean local) {
        jdbc.update("insert into history_meeting (meeting_id, start_time, cloud_recording, local_recording, waiting_room,"
                + " source_file_id, line_number) values (?, ?::timestamptz, ?, ?, false, ?, 1)", meetingId, start, cloud,
                local, file);
    }

    private void historyWithWaitingRoom(String meetingId, String start, boolean waitingRoom) {
        jdbc.update("insert into history_meeting (meeting_id, start_time, cloud_recording, local_recording, waiting_room,"
                + " source_file_id, line_number) values (?, ?::timestamptz, false, false, ?, ?, 1)", meetingId, start,
                waitingRoom, file);
    }

    private void disclaimer(String meetingId, String start, String name, String email, String notice, boolean consent) {
        jdbc.update("insert into disclaimer_response (meeting_id, meeting_start, name, email_pseudonym, notice, response,"
                + " consent, source_file_id, line_number) values (?, ?::timestamptz, ?, ?, ?, ?, ?, ?, 1)", meetingId,
                start, name, email, notice, consent ? "ACKNOWLEDGED" : "NO_ANSWER", consent, file);
    }

    private void signIn(String email, String time, String version) {
        jdbc.update("insert into sign_in (event_time, email, event_type, client_version, source_file_id, line_number)"
                + " values (?::timestamptz, ?, 'SIGN_IN', ?, ?, 1)", time, email, version, file);
    }
}
