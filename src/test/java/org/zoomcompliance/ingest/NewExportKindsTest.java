package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * The kinds Zoom added or renamed (docs/guide-export-kind.md): the webinar attendee report (title lines, sections,
 * {@code --} for absentees), the registration report, the admin activity log under its old and new names, and the
 * attendee log. One committed fixture each under {@code fixtures/ingest/real}, rows written here by hand; times are
 * UTC, the test home's zone is Europe/Paris.
 */
class NewExportKindsTest extends PipelineIntegrationTest {

    private static final Path REAL = IngestFixturesTest.FIXTURES.resolve("real");

    @Autowired
    Ingestion ingestion;

    @Test
    void readsAWebinarAttendeeReportSectionBySectionWithItsAbsenteesAsRegistrants() {
        // when
        FileOutcome outcome = ingest("webinar/attendee_report_920000050.csv");

        // then the webinar line, two title-separated sections of one row each and three attendee rows are read
        assertThat(outcome.status()).isEqualTo(Status.COMPLETED);
        assertThat(outcome.kind()).isEqualTo("WEBINAR_ATTENDEES");
        assertThat(List.of(outcome.rowsRead(), outcome.rowsIngested(), outcome.rowsRejected(), outcome.rowsDuplicate()))
                .containsExactly(6L, 6L, 0L, 0L);
        assertThat(rows("""
                select start_time, end_time, topic, host_name, duration_minutes, participants, meeting_type
                from meeting where meeting_id = '920000050'""")).containsExactly(
                "2020-10-08T12:00:00Z | null | Open day 2020 | null | 65 | 2 | Webinar");
        // those who attended are joins of the occurrence, the host's and panelists' sections giving their role
        assertThat(rows("""
                select meeting_start, name, original_name, role, email_pseudonym ~ '^[0-9a-f]{32}$', join_time,
                       leave_time, duration_minutes, guest
                from participant_join where meeting_id = '920000050' order by line_number""")).containsExactly(
                "2020-10-08T12:00:00Z | Rita Host | null | HOST | true | 2020-10-08T11:55:10Z | 2020-10-08T13:05:40Z | 71 | null",
                "2020-10-08T12:00:00Z | Paul Panel | null | PANELIST | true | 2020-10-08T11:58:00Z | 2020-10-08T13:04:00Z | 66 | null",
                "2020-10-08T12:00:00Z | Ana Attendee | Ana | null | true | 2020-10-08T12:01:39Z | 2020-10-08T12:50:54Z | 50 | false",
                "2020-10-08T12:00:00Z | דנה כהן | null | null | true | 2020-10-08T12:05:00Z | 2020-10-08T13:00:00Z | 55 | true");
        // the absentee (No, -- for every time) is a registrant who did not attend, not a join
        assertThat(rows("""
                select webinar_start, name, email_pseudonym ~ '^[0-9a-f]{32}$', registration_time, approval_status,
                       attended, key_version is not null
                from webinar_registration where webinar_id = '920000050'""")).containsExactly(
                "2020-10-08T12:00:00Z | Bo Absent | true | 2020-10-03T09:30:00Z | APPROVED | false | true");
        assertThat(rows("select count(*) from participant_join where name = 'Bo Absent'")).containsExactly("0");
        assertThat(rows("select data_from, data_to from source_file where sha256 = ?", outcome.sha256()))
                .containsExactly("2020-10-08T11:55:10Z | 2020-10-08T12:05:00Z");
    }

    @Test
    void readsTheRegistrationReportWithTheWebinarFromItsFileNameAndAddressesSanitised() {
        // when
        FileOutcome outcome = ingest("webinar/registration_report_92000000051.csv");
        FileOutcome again = ingestion.ingest(List.of(REAL.resolve("webinar/registration_report_92000000051.csv")))
                .files().get(0);

        // then
        assertThat(outcome.kind()).isEqualTo("WEBINAR_REGISTRATIONS");
        assertThat(List.of(outcome.rowsRead(), outcome.rowsIngested(), outcome.rowsRejected(), outcome.rowsDuplicate()))
                .containsExactly(3L, 3L, 0L, 0L);
        assertThat(again.status()).isEqualTo(Status.ALREADY_INGESTED);
        List<String> registrations = rows("""
                select webinar_start, name, email_pseudonym ~ '^[0-9a-f]{32}$', registration_time, approval_status,
                       attended
                from webinar_registration where webinar_id = '92000000051' order by line_number""");
        assertThat(registrations).hasSize(3);
        assertThat(registrations.subList(0, 2)).containsExactly(
                "null | Ana Attendee | true | 2020-10-01T07:07:11Z | APPROVED | null",
                "null | Bo Absent | true | 2020-10-03T09:30:00Z | APPROVED | null");
        // an address in a name is pseudonymised at the door, the rest of the name kept
        assertThat(registrations.get(2)).matches(
                "null \\| Cy Waiting at ip:[0-9a-f]{32} \\| true \\| 2020-10-07T21:59:59Z \\| PENDING \\| null");
        assertThat(rows("select count(*) from webinar_registration where email_pseudonym like '%@%'"))
                .containsExactly("0");
    }

    @Test
    void readsTheAdminActivityLogUnderItsNewNameAsTheOperationLogItReplaced() {
        // when the same events arrive under the new export's names, then under the old ones
        FileOutcome adminActivity = ingest("admin-activity/adminactivitylog_20241001_20241031.csv");
        FileOutcome operationLog = ingest("admin-activity/operationlog_20241001_20241031.csv");

        // then both are operation logs, and the old one adds nothing the new one had not
        assertThat(rows("select kind, layout, rows_ingested, rows_duplicate from source_file where sha256 in (?, ?)"
                + " order by rows_ingested desc", adminActivity.sha256(), operationLog.sha256())).containsExactly(
                "OPERATION_LOG | admin-activity | 3 | 0",
                "OPERATION_LOG | null | 0 | 3");
        // including its new categories: admins viewing personal data and exporting
        assertThat(rows("""
                select event_time, operator, category_type, action, detail from operation_log
                where operator like '%.admin@fixture.example' and event_time >= '2024-10-01' and event_time < '2024-11-01'
                order by event_time""")).containsExactly(
                "2024-10-02T07:15:00Z | dpo.admin@fixture.example | Personal Data | View | Viewed the participants report of meeting 920 0000 0001",
                "2024-10-03T14:30:00Z | it.admin@fixture.example | Export | Export | Exported the users list (CSV)",
                "2024-10-04T09:00:00Z | it.admin@fixture.example | Account Settings | Update | Cloud recording: from Off to On");
    }

    @Test
    void readsTheAttendeeLogAsMeetingsAndTheirAuthenticatedParticipants() {
        // when
        FileOutcome outcome = ingest("attendee-log/attendeelog_20241001_20241031.csv");

        // then
        assertThat(outcome.kind()).isEqualTo("ATTENDEE_LOG");
        assertThat(List.of(outcome.rowsRead(), outcome.rowsIngested(), outcome.rowsRejected(), outcome.rowsDuplicate()))
                .containsExactly(3L, 3L, 0L, 0L);
        assertThat(rows("""
                select meeting_id, start_time, end_time, topic, host_name, participants from meeting
                where meeting_id in ('92000000060', '93100000061') order by meeting_id""")).containsExactly(
                "92000000060 | 2024-10-07T08:00:00Z | 2024-10-07T09:00:00Z | Seminar | Rita Host | 12",
                "93100000061 | 2024-10-09T16:00:00Z | 2024-10-09T17:30:00Z | External talk | Eve Outside | 40");
        assertThat(rows("""
                select meeting_id, meeting_start, name, email_pseudonym ~ '^[0-9a-f]{32}$', join_time, leave_time
                from participant_join where meeting_id in ('92000000060', '93100000061') order by line_number"""))
                .containsExactly(
                        "92000000060 | 2024-10-07T08:00:00Z | Ana Student | true | 2024-10-07T08:02:00Z | 2024-10-07T08:58:00Z",
                        "92000000060 | 2024-10-07T08:00:00Z | Rita Host | true | 2024-10-07T07:58:00Z | 2024-10-07T09:00:00Z",
                        "93100000061 | 2024-10-09T16:00:00Z | Ana Student | true | 2024-10-09T16:05:00Z | 2024-10-09T17:30:00Z");
    }

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
            row.add(value instanceof java.sql.Timestamp
                    ? rs.getObject(i, OffsetDateTime.class).toInstant().toString() : String.valueOf(value));
        }
        return row.toString();
    }
}
