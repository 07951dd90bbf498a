package org.zoomcompliance.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.schema.StoredTable;
import org.zoomcompliance.pseudonymisation.KeyManagement;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * {@code retentionJob} against the shared database. Its rows are dated 1980-1990 and its runs judged as of 1982
 * and 1991, so that the purges only ever reach this class's own data; the default limits of the policy apply.
 */
class RetentionJobTest extends PipelineIntegrationTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    Retention retention;

    @Autowired
    KeyManagement keys;

    @Autowired
    PseudonymKeyStore keyStore;

    private long sourceFile;

    @BeforeEach
    void sourceFile() {
        sourceFile = jdbc.queryForObject("insert into source_file (sha256, file_name, kind, status)"
                + " values (?, 'retention-test.csv', 'SIGN_IN', 'COMPLETED') returning id", Long.class,
                (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""));
    }

    @AfterEach
    void clean() {
        jdbc.execute("drop trigger if exists retention_test_crash on sign_in");
        jdbc.execute("drop function if exists retention_test_crash()");
        for (String table : List.of("participant_join", "dashboard_participant", "meeting", "sign_in", "operation_log",
                "quarantined_row", "webinar_registration")) {
            jdbc.update("delete from " + table + " where source_file_id = ?", sourceFile);
        }
        jdbc.update("delete from source_file where id = ?", sourceFile);
        jdbc.update("delete from deviation where subject = 'retention-test'");
        jdbc.update("delete from report where month < date '1990-01-01'");
    }

    @Test
    void purgesWhatIsPastItsLimitKeepsTheRestAndRecordsEachPurge() throws Exception {
        // given a key version used only by rows that will expire, and a newer current one
        int expiring = keys.rotate().version();
        int current = keys.rotate().version();
        // and, as of 1991-01-01, rows past their limits and rows within them in every table
        participant("9913000001", "1990-03-01T10:00:00Z", "Old One", expiring, 1);
        participant("9913000001", "1990-03-01T10:05:00Z", "Old Two", expiring, 2);
        participant("9913000002", "1990-12-01T10:00:00Z", "Recent", current, 3);
        participant("9913000003", null, "Undated", current, 4);
        meeting("9913000001", "1990-03-01T10:00:00Z");
        meeting("9913000002", "1990-12-01T10:00:00Z");
        meeting("9913000003", "1990-03-02T10:00:00Z");
        // a recurring meeting ID: its old occurrence goes although a recent one keeps participants
        meeting("9913000004", "1990-03-05T10:00:00Z");
        meeting("9913000004", "1990-12-05T10:00:00Z");
        jdbc.update("insert into participant_join (meeting_id, meeting_start, name, join_time, key_version,"
                + " source_file_id, line_number) values ('9913000004', '1990-12-05T10:00:00Z', 'Weekly', "
                + " '1990-12-05T10:00:00Z', ?, ?, 5)", current, sourceFile);
        dashboard("9913000001", "1990-03-01T10:00:00Z", "Old One", expiring, 1);
        dashboard("9913000001", "1990-03-01T10:05:00Z", "Old Two", expiring, 2);
        dashboard("9913000002", "1990-12-01T10:00:00Z", "Recent", current, 3);
        // webinar registrants: an old webinar's (whose key then goes too), and an undated recent registration
        jdbc.update("insert into webinar_registration (webinar_id, webinar_start, name, registration_time, key_version,"
                + " source_file_id, line_number) values ('9913000005', '1990-03-01T10:00:00Z', 'Old Registrant',"
                + " '1990-02-01T10:00:00Z', ?, ?, 1), ('9913000006', null, 'Recent Registrant',"
                + " '1990-12-01T10:00:00Z', ?, ?, 2)", expiring, sourceFile, current, sourceFile);
        signIn("1989-06-01T08:00:00Z", expiring, 1);
        signIn("1990-06-01T08:00:00Z", current, 2);
        jdbc.update("insert into operation_log (event_time, operator, action, source_file_id, line_number)"
                + " values ('1989-06-01T08:00:00Z', 'admin@exemple.fr', 'old', ?, 1),"
                + " ('1990-06-01T08:00:00Z', 'admin@exemple.fr', 'recent', ?, 2)", sourceFile, sourceFile);
        jdbc.update("insert into quarantined_row (source_file_id, line_number, reason, quarantined_at)"
                + " values (?, 1, 'old', '1990-03-01T00:00:00Z'), (?, 2, 'recent', '1990-12-01T00:00:00Z')",
                sourceFile, sourceFile);
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, evidence) values"
                + " ('1987-06-01', 'SENSITIVE_TOPIC', 'retention-test', 'MEDIUM', 'NEW', 'old'),"
                + " ('1988-01-01', 'SENSITIVE_TOPIC', 'retention-test', 'MEDIUM', 'NEW', 'recent')");
        Path oldExport = file(home.processed().resolve("retention-test/old.csv"), "1990-12-01T00:00:00Z");
        Path recentExport = file(home.processed().resolve("retention-test/recent.csv"), "1990-12-30T00:00:00Z");
        Path oldReport = file(home.reports().resolve("1985-01/zoom-compliance-1985-01.xlsx"), "1985-02-01T00:00:00Z");
        Path recentReport = file(home.reports().resolve("1986-06/zoom-compliance-1986-06.xlsx"), "1986-07-01T00:00:00Z");
        report("1985-01-01", home.root().relativize(oldReport).toString(), "1985-02-01T00:00:00Z");
        report("1986-06-01", recentReport.toString(), "1986-07-01T00:00:00Z");
        assertThat(keys.status()).filteredOn(key -> key.version() == expiring).singleElement()
                .satisfies(key -> assertThat(key.usage().rows()).isEqualTo(Map.of(StoredTable.PARTICIPANT_JOIN, 2L,
                        StoredTable.DASHBOARD_PARTICIPANT, 2L, StoredTable.SIGN_IN, 1L,
                        StoredTable.WEBINAR_REGISTRATION, 1L)));

        // when retention is applied as of 1991-01-01
        JobExecution execution = retention.apply(LocalDate.of(1991, 1, 1));

        // then it completed every step of the one retention flow, and each purge is recorded with its count and
        // cut-off
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName, StepExecution::getStatus)
                .containsExactly(tuple("retentionJudgeStep", BatchStatus.COMPLETED),
                        tuple("retentionPurgeStep", BatchStatus.COMPLETED),
                        tuple("retentionKeysStep", BatchStatus.COMPLETED));
        assertThat(retention.purges(execution))
                .extracting(Retention.PurgeRecord::table, Retention.PurgeRecord::rowsRemoved, Retention.PurgeRecord::cutOff)
                .contains(tuple("participant_join", 2L, paris("1990-07-05")),
                        tuple("dashboard_participant", 2L, paris("1990-07-05")),
                        tuple("webinar_registration", 1L, paris("1990-07-05")),
                        tuple("meeting", 2L, paris("1990-07-05")),
                        tuple("sign_in", 1L, paris("1990-01-01")),
                        tuple("operation_log", 1L, paris("1990-01-01")),
                        tuple("quarantined_row", 1L, paris("1990-07-05")),
                        tuple("deviation", 1L, paris("1988-01-02")),
                        tuple(ProcessedFilePurge.NAME, 1L, paris("1990-12-25")),
                        tuple(ReportPurge.NAME, 1L, paris("1986-01-02")),
                        tuple(KeyDestructionTasklet.NAME + expiring, 1L, paris("1991-01-01")));
        // and what was past its limit is gone while the rest is kept
        assertThat(names("participant_join")).containsExactlyInAnyOrder("Recent", "Undated", "Weekly");
        assertThat(names("dashboard_participant")).containsExactly("Recent");
        assertThat(jdbc.queryForList("select meeting_id || ' ' || start_time::date from meeting"
                + " where source_file_id = ? order by 1", String.class, sourceFile))
                .containsExactly("9913000002 1990-12-01", "9913000003 1990-03-02", "9913000004 1990-12-05");
        assertThat(count("sign_in")).isEqualTo(1);
        assertThat(jdbc.queryForList("select name from webinar_registration where source_file_id = ?", String.class,
                sourceFile)).containsExactly("Recent Registrant");
        assertThat(count("operation_log")).isEqualTo(1);
        assertThat(count("quarantined_row")).isEqualTo(1);
        assertThat(jdbc.queryForList("select evidence from deviation where subject = 'retention-test'", String.class))
                .containsExactly("recent");
        assertThat(oldExport).doesNotExist();
        assertThat(recentExport).exists();
        assertThat(oldReport).doesNotExist();
        assertThat(recentReport).exists();
        assertThat(jdbc.queryForList("select month::text from report where month < date '1990-01-01'"
                + " and purged_at is not null", String.class)).containsExactly("1985-01-01");
        // and the key version no remaining row uses is destroyed, the current one kept
        assertThat(keyStore.version(expiring)).isEmpty();
        assertThat(keyStore.current().version()).isEqualTo(current);
    }

    @Test
    void aPurgeKilledMidwayIsFinishedByTheRerunWithExactTotals() {
        // given 25,000 sign-ins past their limit as of 1982-01-01, the last of which makes the database fail when
        // deleted: the third batch of 10,000 crashes after two were committed
        jdbc.update("""
                insert into sign_in (event_time, email, event_type, source_file_id, line_number)
                select timestamptz '1980-01-01T00:00:00Z' + make_interval(secs => n), 'restart-' || n || '@exemple.fr',
                       'SIGN_IN', ?, n
                from generate_series(1, 24999) n
                """, sourceFile);
        jdbc.update("insert into sign_in (event_time, email, event_type, source_file_id, line_number)"
                + " values ('1980-06-01T00:00:00Z', 'crash@exemple.fr', 'SIGN_IN', ?, 25000)", sourceFile);
        jdbc.execute("create function retention_test_crash() returns trigger language plpgsql as $$"
                + " begin raise exception 'simulated crash in the middle of a purge'; end $$");
        jdbc.execute("create trigger retention_test_crash before delete on sign_in for each row"
                + " when (old.email = 'crash@exemple.fr') execute function retention_test_crash()");
        LocalDate asOf = LocalDate.of(1982, 1, 1);

        // when retention runs and fails mid-purge
        JobExecution failed = retention.apply(asOf);

        // then what it committed is recorded exactly
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(count("sign_in")).isEqualTo(5_000);
        assertThat(signInPurges(failed)).containsExactly(20_000L);

        // when the cause is gone and retention is applied again for the same date
        jdbc.execute("drop trigger retention_test_crash on sign_in");
        JobExecution rerun = retention.apply(asOf);

        // then it restarts the same run, finishes the purge, and the one record holds the exact total
        assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rerun.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(count("sign_in")).isZero();
        assertThat(signInPurges(rerun)).containsExactly(25_000L);
        assertThat(retention.purges(rerun)).extracting(Retention.PurgeRecord::table).doesNotHaveDuplicates();
    }

    private List<Long> signInPurges(JobExecution execution) {
        return retention.purges(execution).stream().filter(purge -> purge.table().equals("sign_in"))
                .map(Retention.PurgeRecord::rowsRemoved).toList();
    }

    private static Instant paris(String date) {
        return LocalDate.parse(date).atStartOfDay(PARIS).toInstant();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table + " where source_file_id = ?", Long.class, sourceFile);
    }

    private List<String> names(String table) {
        return jdbc.queryForList("select name from " + table + " where source_file_id = ?", String.class, sourceFile);
    }

    private static Path file(Path path, String modified) throws Exception {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "retention test");
        Files.setLastModifiedTime(path, FileTime.from(Instant.parse(modified)));
        return path;
    }

    private void meeting(String id, String start) {
        jdbc.update("insert into meeting (meeting_id, start_time, topic, source_file_id) values (?, ?::timestamptz,"
                + " 'retention test', ?)", id, start, sourceFile);
    }

    private void participant(String meeting, String join, String name, int keyVersion, int line) {
        jdbc.update("insert into participant_join (meeting_id, name, join_time, key_version, source_file_id,"
                + " line_number) values (?, ?, ?::timestamptz, ?, ?, ?)", meeting, name, join, keyVersion, sourceFile,
                line);
    }

    private void dashboard(String meeting, String join, String name, int keyVersion, int line) {
        jdbc.update("insert into dashboard_participant (meeting_id, name, join_time, ip_pseudonym, key_version,"
                + " source_file_id, line_number) values (?, ?, ?::timestamptz, ?, ?, ?, ?)", meeting, name, join,
                "retention-test-" + line, keyVersion, sourceFile, line);
    }

    private void signIn(String time, int keyVersion, int line) {
        jdbc.update("insert into sign_in (event_time, email, event_type, ip_pseudonym, key_version, source_file_id,"
                + " line_number) values (?::timestamptz, 'retention@exemple.fr', 'SIGN_IN', ?, ?, ?, ?)", time,
                "retention-test-" + line, keyVersion, sourceFile, line);
    }

    private void report(String month, String path, String generated) {
        jdbc.update("insert into report (month, version, path, sha256, size_bytes, generated_at)"
                + " values (?::date, 1, ?, ?, 14, ?::timestamptz)", month, path, "0".repeat(64), generated);
    }
}
