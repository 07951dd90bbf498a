package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.support.PipelineIntegrationTest;

/** Broken input: bad rows are quarantined with line and reason while the good rows go in; bad files are set aside. */
class BrokenInputTest extends PipelineIntegrationTest {

    static final Path BROKEN = IngestFixturesTest.FIXTURES.resolve("broken");

    @Autowired
    Ingestion ingestion;

    @Test
    void quarantinesUnreadableRowsAndIngestsTheRest() {
        // given
        Path file = BROKEN.resolve("participants_91000000020.csv");

        // when
        FileOutcome outcome = ingestion.ingest(List.of(file)).files().get(0);

        // then
        assertThat(outcome.status()).isEqualTo(Status.COMPLETED);
        assertThat(outcome.rowsRead()).isEqualTo(10);
        assertThat(outcome.rowsIngested()).isEqualTo(4);
        assertThat(outcome.rowsRejected()).isEqualTo(6);
        assertThat(jdbc.queryForList("select name from participant_join where meeting_id = '91000000020' order by line_number",
                String.class)).containsExactly("Good One", "Good Two", "Trailing Comma", "Good Three");
        List<Map<String, Object>> quarantined = jdbc.queryForList("""
                select q.line_number, q.reason, q.content from quarantined_row q join source_file f on f.id = q.source_file_id
                where f.sha256 = ? order by q.line_number""", outcome.sha256());
        assertThat(quarantined).extracting(r -> r.get("line_number"), r -> r.get("reason")).containsExactly(
                tuple(3L, "unterminated or broken quote"),
                tuple(5L, "unterminated or broken quote"),
                tuple(6L, "NUL byte in the line"),
                tuple(7L, "wrong field count: 10 fields for a header of 8"),
                tuple(8L, "wrong field count: 2 fields for a header of 8"),
                tuple(9L, "unparseable date in join_time: impossible date or time (shape slashed)"));
        String contents = quarantined.stream().map(r -> String.valueOf(r.get("content"))).reduce("", String::concat);
        // a quarantined row keeps no more than ingest would: its extra fields are dropped, e-mails pseudonymised
        assertThat(contents).doesNotContain("192.0.2.99").doesNotContain("@fixture.example").doesNotContain("extra")
                .contains("name=Too Many; email=email:").contains("Nul\\0Byte");
        assertThat(outcome.reasonText()).contains("unterminated or broken quote (2)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            participants_91000000021.csv | not valid text
            signinout_utf16_no_bom.csv   | UTF-16 without a byte-order mark
            empty.csv                    | empty file
            blank-lines.csv              | empty file
            notes_fixture.csv            | unknown kind
            participants_91000000022.csv | day/month order cannot be resolved
            """)
    void setsAsideAFileThatCannotBeReadAsAWhole(String name, String reason) throws IOException {
        // given
        Path file = BROKEN.resolve(name);

        // when
        FileOutcome outcome = ingestion.ingest(List.of(file)).files().get(0);

        // then
        assertThat(outcome.status()).isEqualTo(Status.QUARANTINED);
        assertThat(outcome.reasonText()).contains(reason);
        assertThat(jdbc.queryForMap("select status, reasons, rows_ingested from source_file where sha256 = ?",
                outcome.sha256())).containsEntry("status", "QUARANTINED").containsEntry("rows_ingested", 0L);
        Path reasonFile = home.quarantine().resolve(name + ".reason.txt");
        assertThat(Files.readString(reasonFile, StandardCharsets.UTF_8)).contains(reason);
        assertThat(file).exists();
    }

    @Test
    void decodesUtf16WithAByteOrderMark() {
        // given
        Path file = BROKEN.resolve("signinout_utf16be_bom.csv");

        // when
        FileOutcome outcome = ingestion.ingest(List.of(file)).files().get(0);

        // then
        assertThat(outcome.status()).isEqualTo(Status.COMPLETED);
        assertThat(jdbc.queryForObject("select event_type from sign_in where email = 'utf16be@fixture.example'",
                String.class)).isEqualTo("SIGN_IN");
    }

    @Test
    void movesInboxFilesToProcessedOrQuarantineAndNeverStopsOnABadOne() throws IOException {
        // given
        Path inbox = home.inbox();
        Files.copy(BROKEN.resolve("notes_fixture.csv"), inbox.resolve("notes_inbox.csv"));
        Files.writeString(inbox.resolve("signinout_inbox.csv"), """
                Time,User,Type,IP Address,Client Type,Version
                02/17/2024 08:02:11 AM,inbox@fixture.example,Sign in,192.0.2.96,Windows,5.17.11
                """, StandardCharsets.UTF_8);

        // when
        IngestReport report = ingestion.ingestInbox();

        // then
        assertThat(report.files()).extracting(FileOutcome::fileName, FileOutcome::status).contains(
                tuple("notes_inbox.csv", Status.QUARANTINED), tuple("signinout_inbox.csv", Status.COMPLETED));
        assertThat(report.allCompleted()).isTrue();
        assertThat(inbox.resolve("notes_inbox.csv")).doesNotExist();
        assertThat(home.quarantine().resolve("notes_inbox.csv")).exists();
        assertThat(home.quarantine().resolve("notes_inbox.csv.reason.txt")).exists();
        assertThat(home.processed().resolve("signinout_inbox.csv")).exists();
    }

    @Test
    void setsAsideASymbolicLinkInTheInboxWithoutFollowingItOrTouchingItsTarget() throws IOException {
        // given a link in the inbox to an export outside it
        Path outside = Files.createTempDirectory(home.root(), "outside-");
        String export = """
                Time,User,Type,IP Address,Client Type,Version
                02/17/2024 08:02:11 AM,link@fixture.example,Sign in,192.0.2.97,Windows,5.17.11
                """;
        Path target = Files.writeString(outside.resolve("signinout_target.csv"), export, StandardCharsets.UTF_8);
        Path link = Files.createSymbolicLink(home.inbox().resolve("signinout_link.csv"), target);

        // when
        IngestReport report = ingestion.ingestInbox();

        // then the link itself is quarantined with the reason, nothing of the target is read, and it is untouched
        assertThat(report.files()).extracting(FileOutcome::fileName, FileOutcome::status, FileOutcome::reasonText)
                .contains(tuple("signinout_link.csv", Status.QUARANTINED,
                        "a symbolic link: links are not followed, put the file itself there"));
        assertThat(link).doesNotExist();
        assertThat(Files.isSymbolicLink(home.quarantine().resolve("signinout_link.csv"))).isTrue();
        assertThat(Files.readSymbolicLink(home.quarantine().resolve("signinout_link.csv"))).isEqualTo(target);
        assertThat(home.quarantine().resolve("signinout_link.csv.reason.txt")).content(StandardCharsets.UTF_8)
                .contains("reason: a symbolic link: links are not followed");
        assertThat(target).hasContent(export);
        assertThat(jdbc.queryForObject("select count(*) from source_file where sha256 = ?", Integer.class,
                Ingestion.sha256(target))).isZero();
        // and a row records the link, dated when it arrived (the test clock's day), so that month's Data quality
        // lists it
        assertThat(jdbc.queryForList("select kind, status, reasons, ingested_at::date as day from source_file"
                + " where file_name = 'signinout_link.csv'"))
                .extracting(row -> row.get("kind"), row -> row.get("status"), row -> row.get("reasons"),
                        row -> row.get("day").toString())
                .containsExactly(tuple("UNKNOWN", "QUARANTINED",
                        "a symbolic link: links are not followed, put the file itself there", "2026-11-02"));
    }

    @Test
    void quarantinesAParticipantsExportWithNoMeetingIdAnywhereAsAWhole() throws IOException {
        // given a participants export without a meeting block and without a meeting ID in its name
        Path file = Files.writeString(home.inbox().resolve("participants_without_id.csv"),
                "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,"
                        + "In Waiting Room\r\n"
                        + "Ana,ana@exemple.fr,11/05/2026 10:00:00 AM,11/05/2026 11:00:00 AM,60,No,,No\r\n"
                        + "Ben,ben@exemple.fr,11/05/2026 10:05:00 AM,11/05/2026 11:00:00 AM,55,No,,No\r\n",
                StandardCharsets.UTF_8);

        // when
        String sha256 = Ingestion.sha256(file);
        IngestReport report = ingestion.ingestInbox();

        // then the file is quarantined with the one reason of its rows, which are kept with their lines
        assertThat(report.files()).extracting(FileOutcome::sha256, FileOutcome::status, FileOutcome::reasonText).contains(
                tuple(sha256, Status.QUARANTINED, "nothing could be ingested, every row was rejected: no meeting ID: no"
                        + " meeting block and none in the file name (2)"));
        assertThat(file).doesNotExist();
        assertThat(home.quarantine().resolve("participants_without_id.csv")).exists();
        assertThat(jdbc.queryForList("select q.line_number from quarantined_row q join source_file f"
                + " on f.id = q.source_file_id where f.sha256 = ? order by 1", Long.class, sha256))
                .containsExactly(2L, 3L);
    }
}
