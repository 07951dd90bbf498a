package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * The shapes real Zoom exports take (docs/exports.md), one committed fixture each under
 * {@code fixtures/ingest/real}, with the rows they must give written here by hand. Times are UTC; the test home's
 * zone is Europe/Paris.
 */
class RealExportShapesTest extends PipelineIntegrationTest {

    private static final Path REAL = IngestFixturesTest.FIXTURES.resolve("real");

    @Autowired
    Ingestion ingestion;

    @Test
    void keepsEveryOccurrenceOfARecurringMeetingAndAddsNothingForAnOverlappingExport() {
        // given three unique-users exports of the 09-01, 09-03 and 09-05 occurrences of one meeting ID
        List<FileOutcome> uniqueUsers = List.of(
                ingest("unique-users/participants_92000000001.csv"),
                ingest("unique-users/participants_92000000001 (1).csv"),
                ingest("unique-users/participants_92000000001 (2).csv"));

        // when the 09-01 occurrence arrives again per join: with meeting data, without it, and in a details export
        FileOutcome perJoin = ingest("overlap/participants_92000000001 (3).csv");
        FileOutcome withoutMeetingData = ingest("overlap/participants_92000000001 (4).csv");
        FileOutcome details = ingest("overlap/meetinglistdetails_20200901_20200930.csv");

        // then each occurrence keeps its 30 people, and the overlapping exports add nothing the first one had not
        assertThat(uniqueUsers).extracting(FileOutcome::status, FileOutcome::rowsRead, FileOutcome::rowsIngested,
                FileOutcome::rowsDuplicate, FileOutcome::rowsRejected).containsOnly(
                Tuple.tuple(Status.COMPLETED, 31L, 31L, 0L, 0L));
        assertThat(rows("""
                select meeting_start, count(*), count(*) filter (where join_time is null),
                       count(distinct name), count(*) filter (where email_pseudonym is null)
                from participant_join where meeting_id = '92000000001' group by meeting_start order by 1"""))
                .containsExactly(
                        "2020-09-01T07:00:00Z | 32 | 30 | 30 | 1",
                        "2020-09-03T07:00:00Z | 30 | 30 | 30 | 1",
                        "2020-09-05T07:00:00Z | 30 | 30 | 30 | 1");
        assertThat(List.of(perJoin, withoutMeetingData, details)).extracting(FileOutcome::rowsRead,
                FileOutcome::rowsIngested, FileOutcome::rowsDuplicate).containsExactly(
                Tuple.tuple(3L, 2L, 1L),
                Tuple.tuple(2L, 0L, 2L),
                Tuple.tuple(2L, 0L, 2L));
        assertThat(rows("""
                select start_time, end_time, topic, host_name, host_email, duration_minutes, participants, meeting_type
                from meeting where meeting_id = '92000000001' order by start_time""")).containsExactly(
                "2020-09-01T07:00:00Z | 2020-09-01T08:00:00Z | Algebra I | Rita Host | rita.host@fixture.example | 60 | 30 | Meeting",
                "2020-09-03T07:00:00Z | 2020-09-03T08:00:00Z | Algebra I | Rita Host | rita.host@fixture.example | 60 | 30 | null",
                "2020-09-05T07:00:00Z | 2020-09-05T08:00:00Z | Algebra I | Rita Host | rita.host@fixture.example | 60 | 30 | null");
        assertThat(rows("""
                select name, role, guest, duration_minutes from participant_join
                where meeting_id = '92000000001' and meeting_start = '2020-09-05T07:00:00Z'
                  and (role is not null or guest or name like 'Liam%' or name like 'דנה%') order by line_number"""))
                .containsExactly(
                        "Rita Host | HOST | false | 58",
                        "דנה כהן | null | false | 59",
                        "田中 花子 | null | true | 58",
                        "Liam O’Brien | null | false | 57");
    }

    @Test
    void keepsEveryJoinWhateverItsDisclaimerAnswerAndCountsTheUnknownValues() {
        // when
        FileOutcome outcome = ingest("disclaimer/participants_92000000002.csv");

        // then
        assertThat(outcome.status()).isEqualTo(Status.COMPLETED);
        assertThat(List.of(outcome.rowsRead(), outcome.rowsIngested(), outcome.rowsRejected(), outcome.rowsDuplicate()))
                .containsExactly(11L, 11L, 0L, 0L);
        assertThat(rows("""
                select name, role, guest, recording_response, recording_consent, in_waiting_room
                from participant_join where meeting_id = '92000000002' order by line_number""")).containsExactly(
                "Rita Host | HOST | false | ACKNOWLEDGED | true | false",
                "Rita Host | HOST | false | ACKNOWLEDGED | true | false",
                "Ana Ok | null | false | ACKNOWLEDGED | true | false",
                "Ben Silent | null | false | NO_ANSWER | false | false",
                "Cleo Leaves | null | false | REFUSED | false | false",
                "דנה כהן | null | false | NO_ANSWER | false | true",
                "Eli Waits | null | true | NO_ANSWER | false | true",
                "Fay Waits | null | true | NO_ANSWER | false | true",
                "Gus R | null | false | NO_ANSWER | false | false",
                "Hal Odd | null | null | UNKNOWN | null | false");
        assertThat(rows("select reasons from source_file where sha256 = ?", outcome.sha256())).containsExactly(
                "unknown value in guest, row kept as unknown (1); unknown value in recording_consent, row kept as"
                        + " unknown (1)");
    }

    @Test
    void readsTheOldDashboardExportWithItsTimeOnlyEndAndEveryParticipantUnderIt() {
        // when
        FileOutcome outcome = ingest("dashboard-old/participants_000000000.csv");
        FileOutcome overMidnight = ingest("dashboard-old/participants_000000000 (1).csv");

        // then
        assertThat(List.of(outcome.status(), overMidnight.status())).containsOnly(Status.COMPLETED);
        assertThat(outcome.kind()).isEqualTo("DASHBOARD_PARTICIPANTS");
        assertThat(List.of(outcome.rowsRead(), outcome.rowsIngested(), outcome.rowsRejected(), outcome.rowsDuplicate()))
                .containsExactly(6L, 6L, 0L, 0L);
        assertThat(rows("""
                select start_time, end_time, host_name, host_email, duration_minutes, participants
                from meeting where meeting_id = '000000000' order by start_time""")).containsExactly(
                "2017-08-01T14:53:00Z | 2017-08-01T15:59:00Z | Sam Host | sam.host@fixture.example | 66 | 4",
                "2017-08-02T21:40:00Z | 2017-08-02T22:20:00Z | Sam Host | sam.host@fixture.example | 40 | 1");
        assertThat(rows("""
                select meeting_start, name, device, ip_pseudonym is not null, ip_valid, location_country, data_centre,
                       join_time, leave_time, client_version
                from dashboard_participant where meeting_id = '000000000' order by meeting_start, line_number"""))
                .containsExactly(
                        "2017-08-01T14:53:00Z | Sam Host | Windows | true | true | US | SC (Top) | 2017-08-01T14:53:00Z | 2017-08-01T15:59:00Z | 4.0.36525.0619",
                        "2017-08-01T14:53:00Z | טל לוי | Mac | true | false | IL | null | 2017-08-01T14:55:00Z | 2017-08-01T15:20:00Z | 4.0.36525.0619",
                        "2017-08-01T14:53:00Z | טל לוי | Mac | true | false | IL | null | 2017-08-01T14:55:00Z | 2017-08-01T14:58:00Z | 4.0.36525.0619",
                        "2017-08-01T14:53:00Z | 田中 花子 | iOS | true | false | JP | TR (Sub) | 2017-08-01T15:01:00Z | 2017-08-01T15:40:00Z | 4.0.36525.0619",
                        "2017-08-01T14:53:00Z | Uma V6 | Windows | true | true | NL | AM (Sub) | 2017-08-01T15:10:00Z | 2017-08-01T15:59:00Z | 4.1.33259.0925",
                        "2017-08-02T21:40:00Z | Sam Host | Windows | true | true | US | SC (Top) | 2017-08-02T21:40:00Z | 2017-08-02T22:20:00Z | 4.0.36525.0619");
        assertThat(rows("""
                select count(*) from dashboard_participant
                where meeting_id = '000000000' and (ip_pseudonym like '%.%' or ip_pseudonym like '%:%'
                    or ip_network_pseudonym like '%.%' or ip_network_pseudonym like '%:%')""")).containsExactly("0");
    }

    @Test
    void readsItalianDetailsHeadersAsTheirEnglishTwin() {
        // when
        FileOutcome italian = ingest("italian/meetinglistdetails_20200901_20200930.csv");
        FileOutcome english = ingest("italian/english-twin/meetinglistdetails_20200901_20200930.csv");

        // then
        assertThat(List.of(italian.status(), english.status())).containsOnly(Status.COMPLETED);
        assertThat(rows("select kind, language from source_file where sha256 = ?", italian.sha256()))
                .containsExactly("MEETING_DETAILS | it");
        List<String> italianMeetings = rows(MEETINGS, "92000000020");
        assertThat(italianMeetings).containsExactly(
                "2020-09-15T08:00:00Z | 2020-09-15T09:00:00Z | Diritto privato | Paola Docente | paola.docente@fixture.example | 60 | 3 | Riunione",
                "2020-09-17T08:00:00Z | 2020-09-17T09:00:00Z | Diritto privato | Paola Docente | paola.docente@fixture.example | 60 | 2 | Riunione");
        assertThat(rows(MEETINGS, "92000000021")).isEqualTo(italianMeetings);
        List<String> italianJoins = rows(JOINS, "92000000020");
        assertThat(italianJoins).containsExactly(
                "2020-09-15T08:00:00Z | Ospite Esterno | null | null | false | 2020-09-15T08:00:00Z | 2020-09-15T08:40:00Z | 40 | true | NO_ANSWER | true",
                "2020-09-15T08:00:00Z | Paola Docente | null | HOST | true | 2020-09-15T08:00:00Z | 2020-09-15T09:00:00Z | 60 | false | ACKNOWLEDGED | false",
                "2020-09-15T08:00:00Z | Luca Studente | L. Studente | null | true | 2020-09-15T08:05:00Z | 2020-09-15T08:55:00Z | 50 | false | NO_ANSWER | false",
                "2020-09-17T08:00:00Z | Paola Docente | null | HOST | true | 2020-09-17T08:00:00Z | 2020-09-17T09:00:00Z | 60 | false | ACKNOWLEDGED | false",
                "2020-09-17T08:00:00Z | Luca Studente | null | null | true | 2020-09-17T08:01:00Z | 2020-09-17T08:41:00Z | 40 | false | REFUSED | false");
        assertThat(rows(JOINS, "92000000021")).isEqualTo(italianJoins);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja/participants_92000000031.csv", "ko/participants_92000000032.csv",
            "es/participants_92000000033.csv", "de/participants_92000000034.csv", "pt/participants_92000000035.csv",
            "fr/participants_92000000036.csv", "zh/participants_92000000037.csv"})
    void readsParticipantsExportsOfEachPortalLanguageAsTheEnglishOne(String fixture) {
        // given
        FileOutcome english = ingest("languages/en/participants_92000000030.csv");

        // when
        FileOutcome translated = ingest("languages/" + fixture);

        // then
        assertThat(translated.status()).isEqualTo(Status.COMPLETED);
        assertThat(translated.rowsRejected()).isZero();
        assertThat(rows("select kind, language from source_file where sha256 = ?", translated.sha256()))
                .containsExactly("PARTICIPANTS | " + fixture.substring(0, 2));
        List<String> englishMeeting = rows(MEETINGS, "92000000030");
        assertThat(englishMeeting).containsExactly(
                "2020-12-08T07:30:00Z | 2020-12-08T08:30:00Z | Kaigi | null | mika.host@fixture.example | 60 | 3 | null");
        List<String> englishJoins = rows(JOINS, "92000000030");
        assertThat(englishJoins).containsExactly(
                "2020-12-08T07:30:00Z | Mika Host | null | HOST | true | 2020-12-08T07:30:00Z | 2020-12-08T08:30:00Z | 60 | false | null | null",
                "2020-12-08T07:30:00Z | 山田 太郎 | Taro | null | true | 2020-12-08T07:35:00Z | 2020-12-08T08:20:00Z | 45 | false | null | null",
                "2020-12-08T07:30:00Z | Visitor | null | null | false | 2020-12-08T07:40:00Z | 2020-12-08T08:00:00Z | 20 | true | null | null");
        String meetingId = fixture.replaceAll("\\D", "");
        assertThat(rows(MEETINGS, meetingId)).isEqualTo(englishMeeting);
        assertThat(rows(JOINS, meetingId)).isEqualTo(englishJoins);
        assertThat(english.status()).isIn(Status.COMPLETED, Status.ALREADY_INGESTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "ko", "es", "de", "pt", "fr", "zh"})
    void readsMeetingListDetailsOfEachPortalLanguageWithItsResavedDatesAsTheEnglishOne(String language) {
        // given the English details export, dates as Zoom writes them
        FileOutcome english = ingest("languages/en/meetinglistdetails_20200901_20200930.csv");

        // when its twin arrives from a portal in another language, dates as Excel re-saved them there
        // (2020/9/15 10:00, 2020-09-15 10:00, 15/09/2020 10:00, 15.09.2020 10:00)
        FileOutcome translated = ingest("languages/" + language + "/meetinglistdetails_20200901_20200930.csv");

        // then
        assertThat(translated.status()).isEqualTo(Status.COMPLETED);
        assertThat(translated.rowsRejected()).isZero();
        assertThat(rows("select kind, language, rows_ingested from source_file where sha256 = ?", translated.sha256()))
                .containsExactly("MEETING_DETAILS | " + language + " | 5");
        List<String> englishMeetings = rows(MEETINGS, "92000000070");
        assertThat(englishMeetings).containsExactly(
                "2020-09-15T08:00:00Z | 2020-09-15T09:00:00Z | Kaigi | Mika Host | mika.host@fixture.example | 60 | 3 | null",
                "2020-09-17T12:00:00Z | 2020-09-17T13:00:00Z | Kaigi | Mika Host | mika.host@fixture.example | 60 | 2 | null");
        List<String> englishJoins = rows(JOINS, "92000000070");
        assertThat(englishJoins).containsExactly(
                "2020-09-15T08:00:00Z | Mika Host | null | HOST | true | 2020-09-15T08:00:00Z | 2020-09-15T09:00:00Z | 60 | false | null | null",
                "2020-09-15T08:00:00Z | 山田 太郎 | Taro | null | true | 2020-09-15T08:05:00Z | 2020-09-15T08:50:00Z | 45 | false | null | null",
                "2020-09-15T08:00:00Z | Visitor | null | null | false | 2020-09-15T08:10:00Z | 2020-09-15T08:30:00Z | 20 | true | null | null",
                "2020-09-17T12:00:00Z | Mika Host | null | HOST | true | 2020-09-17T12:00:00Z | 2020-09-17T13:00:00Z | 60 | false | null | null",
                "2020-09-17T12:00:00Z | 山田 太郎 | null | null | true | 2020-09-17T12:02:00Z | 2020-09-17T12:58:00Z | 56 | false | null | null");
        String meetingId = "920000000" + (70 + List.of("ja", "ko", "es", "de", "pt", "fr", "zh").indexOf(language) + 1);
        assertThat(rows(MEETINGS, meetingId)).isEqualTo(englishMeetings);
        assertThat(rows(JOINS, meetingId)).isEqualTo(englishJoins);
        assertThat(english.status()).isIn(Status.COMPLETED, Status.ALREADY_INGESTED);
    }

    @Test
    void readsLastLoginsInUtcAndPmisOfThe2020UsersLayout() {
        // when
        FileOutcome outcome = ingest("users-2020/zoomus_users_20200930.csv");

        // then
        assertThat(rows("select kind, layout, rows_ingested, rows_rejected from source_file where sha256 = ?",
                outcome.sha256())).containsExactly("USERS | 2020 | 3 | 0");
        assertThat(rows("""
                select email, user_type, department, groups, last_login_time, pmi, user_status, role, last_client_version
                from zoom_user where source_file_id = (select id from source_file where sha256 = ?) order by email""",
                outcome.sha256())).containsExactly(
                "amy.active@fixture.example | Licensed | Maths | [Staff, Teachers] | 2020-09-28T07:15:00Z | 9200000101 | Active | Member | 5.2.2 (45108.0831)",
                "nora.never@fixture.example | Licensed | null | [] | null | 9200000103 | Pending | Admin | null",
                "sid.stale@fixture.example | Basic | Law | [Students] | 2019-11-02T18:40:00Z | 9200000102 | Active | Member | 4.6.10 (20041.0408)");
    }

    @Test
    void readsTheUsageMeetingListAsItsOwnKindWithHostNamesAndExactCounts() {
        // given a participants export that named one of the list's meetings already, without its host's name
        ingest("usage/participants_92000000040.csv");

        // when
        FileOutcome list = ingest("usage/meetinglist_20200901_20200930.csv");

        // then
        assertThat(list.kind()).isEqualTo("USAGE_MEETINGS");
        assertThat(List.of(list.rowsRead(), list.rowsIngested(), list.rowsDuplicate(), list.rowsRejected()))
                .containsExactly(3L, 2L, 1L, 0L);
        assertThat(rows("""
                select meeting_id, start_time, end_time, topic, host_name, host_email, duration_minutes, participants
                from meeting where meeting_id in ('92000000040', '92000000041', '92000000042') order by meeting_id""")).containsExactly(
                "92000000040 | 2020-09-21T12:00:00Z | 2020-09-21T13:00:00Z | Staff meeting | Omar Host | omar.host@fixture.example | 60 | 2",
                "92000000041 | 2020-09-22T14:00:00Z | 2020-09-22T14:45:00Z | Office hours | Omar Host | omar.host@fixture.example | 45 | 3",
                "92000000042 | 2020-09-23T07:00:00Z | 2020-09-23T09:10:00Z | Thesis defence | Rita Host | rita.host@fixture.example | 130 | 8");
    }

    private static final String MEETINGS = """
            select start_time, end_time, topic, host_name, host_email, duration_minutes, participants, meeting_type
            from meeting where meeting_id = ? order by start_time""";

    /** A meeting's joins as normalised, told apart from their file by nothing but the meeting ID. */
    private static final String JOINS = """
            select meeting_start, name, original_name, role, email_pseudonym is not null, join_time, leave_time,
                   duration_minutes, guest, recording_response, in_waiting_room
            from participant_join where meeting_id = ? order by meeting_start, join_time, name""";

    private FileOutcome ingest(String fixture) {
        return ingestion.ingest(List.of(REAL.resolve(fixture))).files().get(0);
    }

    /** The query's rows, each as its values separated by {@code |}, times in UTC, {@code null} written out. */
    private List<String> rows(String sql, Object... args) {
        return jdbc.query(sql, (rs, n) -> render(rs), args);
    }

    private static String render(ResultSet rs) throws SQLException {
        StringJoiner row = new StringJoiner(" | ");
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof java.sql.Timestamp) {
                row.add(rs.getObject(i, OffsetDateTime.class).toInstant().toString());
            } else if (value instanceof Array array) {
                row.add(Arrays.toString((Object[]) array.getArray()));
            } else {
                row.add(String.valueOf(value));
            }
        }
        return row.toString();
    }
}
