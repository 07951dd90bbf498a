package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.support.PipelineIntegrationTest;
import org.zoomcompliance.support.TestHomes;

/** The same content twice adds nothing; overlapping exports of one meeting do not double-count its sessions. */
class IngestIdempotencyTest extends PipelineIntegrationTest {

    @Autowired
    Ingestion ingestion;

    @Test
    void ingestsTheSameContentOnceWhateverItsName() throws IOException {
        // given
        Path folder = Files.createDirectories(TestHomes.newHome().resolve("exports"));
        String content = """
                Time,Operator,Category Type,Action,Operation Detail
                02/18/2024 10:12:00 AM,idempotent@fixture.example,Account,Update,Cloud recording: On -> Off
                """;
        Path first = Files.writeString(folder.resolve("operationlog_a.csv"), content, StandardCharsets.UTF_8);
        FileOutcome once = ingestion.ingest(List.of(first)).files().get(0);
        Path copy = Files.writeString(folder.resolve("operationlog_copy.csv"), content, StandardCharsets.UTF_8);

        // when
        FileOutcome again = ingestion.ingest(List.of(first)).files().get(0);
        FileOutcome renamed = ingestion.ingest(List.of(copy)).files().get(0);

        // then
        assertThat(once.status()).isEqualTo(Status.COMPLETED);
        assertThat(again.status()).isEqualTo(Status.ALREADY_INGESTED);
        assertThat(renamed.status()).isEqualTo(Status.ALREADY_INGESTED);
        assertThat(again.rowsIngested() + renamed.rowsIngested()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from operation_log where operator = 'idempotent@fixture.example'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from source_file where sha256 = ?", Integer.class,
                once.sha256())).isEqualTo(1);
    }

    @Test
    void ingestsTheSameContentOnceWhenCopiesArriveInOneRun() throws IOException {
        // given three copies of one file and another file, ingested side by side in one run
        Path folder = Files.createDirectories(TestHomes.newHome().resolve("copies"));
        String content = """
                Time,Operator,Category Type,Action,Operation Detail
                02/19/2024 09:00:00 AM,copies@fixture.example,Account,Update,Cloud recording: Off -> On
                """;
        for (String name : List.of("operationlog_1.csv", "operationlog_2.csv", "operationlog_3.csv")) {
            Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        }
        Files.writeString(folder.resolve("operationlog_4.csv"), content.replace("09:00:00", "09:30:00"),
                StandardCharsets.UTF_8);

        // when
        List<FileOutcome> outcomes = ingestion.ingest(List.of(folder)).files();

        // then the first copy is ingested, the others find it there, outcomes come in the files' order
        assertThat(outcomes).extracting(FileOutcome::fileName)
                .containsExactly("operationlog_1.csv", "operationlog_2.csv", "operationlog_3.csv", "operationlog_4.csv");
        assertThat(outcomes).extracting(FileOutcome::status).containsExactly(Status.COMPLETED,
                Status.ALREADY_INGESTED, Status.ALREADY_INGESTED, Status.COMPLETED);
        assertThat(jdbc.queryForObject("select count(*) from operation_log where operator = 'copies@fixture.example'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void overlappingFilesInOneRunLeaveTheSameTablesWhicheverComesFirst() throws IOException {
        // given a details file and a participants file of one meeting, ingested side by side in one run
        Overlap exports = overlappingExports(TestHomes.newHome().resolve("side-by-side"), "91000000031", "03/05/2024");

        // when
        List<FileOutcome> outcomes = ingestion.ingest(List.of(exports.details(), exports.participants())).files();

        // then each session and the meeting are there once, and each file's figures add up
        assertThat(jdbc.queryForObject("select count(*) from participant_join where meeting_id = '91000000031'",
                Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from meeting where meeting_id = '91000000031'", Integer.class))
                .isEqualTo(1);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.rowsRead())
                .isEqualTo(outcome.rowsIngested() + outcome.rowsRejected() + outcome.rowsDuplicate()));
    }

    @Test
    void countsSessionsOnceWhenAParticipantsFileAndADetailsFileOverlap() throws IOException {
        // given
        Overlap exports = overlappingExports(TestHomes.newHome().resolve("exports"), "91000000030", "03/01/2024");

        // when the details file is ingested first (in one run, side by side, either may come first: then which of
        // the two counts a shared row as ingested depends on which got there first; the tables are the same)
        ingestion.ingest(List.of(exports.details()));
        IngestReport report = ingestion.ingest(List.of(exports.participants()));

        // then
        FileOutcome second = report.files().get(0);
        assertThat(second.rowsRead()).isEqualTo(4);
        assertThat(second.rowsIngested()).isEqualTo(1);
        assertThat(second.rowsDuplicate()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from participant_join where meeting_id = '91000000030'",
                Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from meeting where meeting_id = '91000000030'", Integer.class))
                .isEqualTo(1);
    }

    /** Two exports of one meeting that share the host's session and a guest's first one. */
    private record Overlap(Path details, Path participants) {
    }

    /**
     * A meeting list details file (the host and a guest) and a participants file (the meeting line, the host and
     * the guest's two sessions) of the meeting {@code meetingId} held on {@code day} (MM/dd/yyyy) from 9 to 10.
     */
    private static Overlap overlappingExports(Path folder, String meetingId, String day) throws IOException {
        Files.createDirectories(folder);
        String spaced = meetingId.substring(0, 3) + " " + meetingId.substring(3, 7) + " " + meetingId.substring(7);
        Path details = Files.writeString(folder.resolve("meetinglistdetails_" + meetingId + ".csv"), """
                Topic,Meeting ID,User Name,User Email,Department,Group,Has Zoom Rooms,Creation Time,Start Time,End Time,Duration (Minutes),Participants,Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Overlap,{id},Olga Host,olga@fixture.example,,,No,{day} 08:00:00 AM,{day} 09:00:00 AM,{day} 10:00:00 AM,60,2,Olga Host,olga@fixture.example,{day} 09:00:00 AM,{day} 10:00:00 AM,60,No
                Overlap,{id},Olga Host,olga@fixture.example,,,No,{day} 08:00:00 AM,{day} 09:00:00 AM,{day} 10:00:00 AM,60,2,Pavel Guest,,{day} 09:05:00 AM,{day} 09:30:00 AM,25,Yes
                """.replace("{id}", meetingId).replace("{day}", day), StandardCharsets.UTF_8);
        Path participants = Files.writeString(folder.resolve("participants_" + meetingId + ".csv"), """
                Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,
                {spaced},Overlap,{day} 09:00:00 AM,{day} 10:00:00 AM,olga@fixture.example,60,3,

                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Olga Host,olga@fixture.example,{day} 09:00:00 AM,{day} 10:00:00 AM,60,No
                Pavel Guest,,{day} 09:05:00 AM,{day} 09:30:00 AM,25,Yes
                Pavel Guest,,{day} 09:35:00 AM,{day} 09:50:00 AM,15,Yes
                """.replace("{spaced}", spaced).replace("{day}", day), StandardCharsets.UTF_8);
        return new Overlap(details, participants);
    }
}
