package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.ingest.IngestFileJobConfiguration;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * Rows the database rejects (a trigger stands for a constraint or an outage on one row), next to rows the
 * processor quarantines, and a file replaced before its restart: the failing file stops with its reason and the
 * others go on, the restart quarantines each bad row once and writes each good row once, and a changed file is
 * never resumed as if it were the old one.
 */
class IngestRowFaultsTest extends PipelineIntegrationTest {

    private static final String HEADER = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),"
            + "Guest,Recording Consent,In Waiting Room\r\n";

    @Autowired
    Ingestion ingestion;

    @Autowired
    JobRunner jobRunner;

    @AfterEach
    void dropTheFault() {
        jdbc.execute("drop trigger if exists faults_reject_row on participant_join");
        jdbc.execute("drop function if exists faults_reject_row()");
    }

    @Test
    void aProcessorFailureThenAWriterOutageInOneChunkFailTheFileAloneAndTheRerunCountsEachRowOnce() throws IOException {
        // given a file whose rows 3 and 4 cannot be read (quarantined by the processor) and whose row 6 meets an
        // outage of the database (disk full), all in one chunk, and a healthy file beside it
        Path folder = Files.createDirectories(home.root().resolve("row-faults"));
        Path faulty = Files.writeString(folder.resolve("participants_97100000001.csv"), HEADER
                + row("Good One", 0) + row("Good Two", 1)
                + "Nul\0Byte,x@exemple.fr,11/05/2026 10:02:00 AM,11/05/2026 11:00:00 AM,58,No,,No\r\n"
                + "Too,Few\r\n"
                + row("Good Three", 4) + row("Rejected By The Database", 5) + row("Good Four", 6),
                StandardCharsets.UTF_8);
        Path healthy = Files.writeString(folder.resolve("participants_97100000002.csv"), HEADER
                + row("Healthy One", 0) + row("Healthy Two", 1), StandardCharsets.UTF_8);
        rejectRowsNamed("Rejected By The Database", OUTAGE);

        // when both are ingested
        List<FileOutcome> first = ingestion.ingest(List.of(faulty, healthy)).files();

        // then the faulty file failed with the database's reason, alone, and nothing of its chunk was kept
        assertThat(first.get(0).status()).isEqualTo(Status.FAILED);
        assertThat(first.get(0).reasonText()).contains("rejected by the fault test");
        assertThat(first.get(1).status()).isEqualTo(Status.COMPLETED);
        assertThat(first.get(1).rowsIngested()).isEqualTo(2);
        assertThat(names("97100000001")).isEmpty();
        assertThat(quarantined(first.get(0).sha256())).isZero();

        // when the cause is removed and the file is ingested again
        dropTheFault();
        FileOutcome rerun = ingestion.ingest(List.of(faulty)).files().get(0);

        // then each bad row is quarantined once, each good row written once, and read = written + rejected
        assertThat(rerun.status()).isEqualTo(Status.COMPLETED);
        assertThat(names("97100000001")).containsExactly("Good One", "Good Two", "Good Three",
                "Rejected By The Database", "Good Four");
        assertThat(quarantined(rerun.sha256())).isEqualTo(2);
        assertThat(rerun.rowsRead()).isEqualTo(7);
        assertThat(rerun.rowsIngested()).isEqualTo(5);
        assertThat(rerun.rowsRejected()).isEqualTo(2);
        assertThat(rerun.rowsDuplicate()).isZero();
    }

    @Test
    void aRowWhoseDataTheDatabaseRefusesIsQuarantinedOnceAndTheRestOfItsChunkIsWrittenOnce() throws IOException {
        // given a file whose rows 3 and 4 cannot be read (quarantined by the processor) and whose row 6 breaks a
        // constraint of the database, all in one chunk
        Path faulty = Files.writeString(Files.createDirectories(home.root().resolve("refused-row"))
                .resolve("participants_97100000004.csv"), HEADER
                + row("Good One", 0) + row("Good Two", 1)
                + "Nul\0Byte,x@exemple.fr,11/05/2026 10:02:00 AM,11/05/2026 11:00:00 AM,58,No,,No\r\n"
                + "Too,Few\r\n"
                + row("Good Three", 4) + row("Refused By The Database", 5) + row("Good Four", 6),
                StandardCharsets.UTF_8);
        rejectRowsNamed("Refused By The Database", REFUSED_DATA);

        // when it is ingested
        FileOutcome outcome = ingestion.ingest(List.of(faulty)).files().get(0);

        // then the file completes: each bad row quarantined once with its reason, each good row written once
        assertThat(outcome.status()).isEqualTo(Status.COMPLETED);
        assertThat(names("97100000004")).containsExactly("Good One", "Good Two", "Good Three", "Good Four");
        assertThat(quarantined(outcome.sha256())).isEqualTo(3);
        assertThat(jdbc.queryForObject("select q.reason from quarantined_row q join source_file f on f.id = q.source_file_id"
                + " where f.sha256 = ? and q.line_number = 7", String.class, outcome.sha256()))
                .isEqualTo("the database refused the row: row rejected by the fault test");
        assertThat(outcome.rowsRead()).isEqualTo(7);
        assertThat(outcome.rowsIngested()).isEqualTo(4);
        assertThat(outcome.rowsRejected()).isEqualTo(3);
        assertThat(outcome.rowsDuplicate()).isZero();
    }

    @Test
    void aFileReplacedBetweenAFailureAndItsRestartIsRefusedAndItsNewContentIsANewRun() throws IOException {
        // given a file whose ingest failed
        Path file = Files.writeString(Files.createDirectories(home.root().resolve("replaced"))
                .resolve("participants_97100000003.csv"), HEADER + row("First Version", 0)
                + row("Rejected By The Database", 1), StandardCharsets.UTF_8);
        rejectRowsNamed("Rejected By The Database", OUTAGE);
        FileOutcome failed = ingestion.ingest(List.of(file)).files().get(0);
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        dropTheFault();

        // when the file is replaced by another content and the failed run is restarted (as `jobs restart` does)
        Files.writeString(file, HEADER + row("Second Version", 0), StandardCharsets.UTF_8);

        // then the restart is refused, because the file's SHA-256 identifies the run
        assertThatThrownBy(() -> jobRunner.run(IngestFileJobConfiguration.JOB_NAME, new JobParametersBuilder()
                .addString(IngestFileJobConfiguration.SHA256, failed.sha256())
                .addString(IngestFileJobConfiguration.PATH, file.toString(), false).toJobParameters()))
                .isInstanceOf(JobRefusedException.class)
                .hasMessageContaining("has changed since this run began");
        assertThat(names("97100000003")).isEmpty();

        // and ingesting the file ingests its new content as a run of its own, the old run staying failed
        FileOutcome replaced = ingestion.ingest(List.of(file)).files().get(0);
        assertThat(replaced.status()).isEqualTo(Status.COMPLETED);
        assertThat(replaced.sha256()).isNotEqualTo(failed.sha256());
        assertThat(names("97100000003")).containsExactly("Second Version");
        assertThat(jdbc.queryForObject("select status from source_file where sha256 = ?", String.class,
                failed.sha256())).isEqualTo("FAILED");
    }

    /** Disk full on one row: an outage, not the row's fault. */
    private static final String OUTAGE = "53100";
    /** A check constraint violated: the row's own data is refused. */
    private static final String REFUSED_DATA = "23514";

    private void rejectRowsNamed(String name, String sqlState) {
        jdbc.execute("""
                create function faults_reject_row() returns trigger language plpgsql as $$
                begin
                    if new.name = '%s' then
                        raise exception 'row rejected by the fault test' using errcode = '%s';
                    end if;
                    return new;
                end $$""".formatted(name, sqlState));
        jdbc.execute("create trigger faults_reject_row before insert on participant_join"
                + " for each row execute function faults_reject_row()");
    }

    private List<String> names(String meetingId) {
        return jdbc.queryForList("select name from participant_join where meeting_id = ? order by line_number",
                String.class, meetingId);
    }

    private int quarantined(String sha256) {
        return jdbc.queryForObject("select count(*) from quarantined_row q join source_file f on f.id = q.source_file_id"
                + " where f.sha256 = ?", Integer.class, sha256);
    }

    private static String row(String name, int minute) {
        return String.format("%s,%s@exemple.fr,11/05/2026 10:%02d:00 AM,11/05/2026 11:00:00 AM,%d,No,,No\r\n", name,
                name.toLowerCase().replace(' ', '.'), minute, 60 - minute);
    }
}
