package org.zoomcompliance.operations;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * The guards against one mistyped date, with today fixed: 2030-06-15 in Paris (23:30 UTC is already the 16th
 * there, so the zone is the institution's, not the server's).
 */
class JobGuardTest extends PipelineIntegrationTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2030-06-15T23:30:00Z"), ZoneOffset.UTC);

    @Autowired
    Policy policy;

    private JobGuard guard() {
        return new JobGuard(jdbc, policy, TODAY);
    }

    @AfterEach
    void removeTheOldRows() {
        jdbc.update("delete from deviation where subject = 'guard-test'");
        jdbc.update("delete from operation_log where detail = 'guard-test'");
        jdbc.update("delete from source_file where file_name = 'guard-test.csv'");
    }

    @Test
    void aDayAfterTodayIsRefusedTodayIsNot() {
        // given today in the institution's zone
        LocalDate today = LocalDate.of(2030, 6, 16);

        // when / then
        assertThatThrownBy(() -> guard().check(JobRequest.nightly(today.plusDays(1))))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessage("nightly run of 2030-06-17 refused: the date is after today (2030-06-16 in Europe/Paris);"
                        + " a date in the future would purge what the policy keeps until then");
        assertThatThrownBy(() -> guard().check(new JobRequest(JobRequest.RETENTION_JOB,
                org.zoomcompliance.retention.Retention.parameters(LocalDate.of(9999, 12, 31)))))
                .isInstanceOf(OutOfRangeException.class).hasMessageContaining("retention as of 9999-12-31 refused");
        assertThatCode(() -> guard().check(JobRequest.nightly(today))).doesNotThrowAnyException();
    }

    @Test
    void aMonthMustLieBetweenTheEarliestDataHeldAndTheCurrentMonth() {
        // given a deviation of a month older than anything else held
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, evidence) values"
                + " ('1990-03-01', 'MEETING_ON_PMI', 'guard-test', 'LOW', 'NEW', 'guard test')");

        // when / then
        assertThatCode(() -> guard().check(JobRequest.evaluate(YearMonth.of(1990, 3)))).doesNotThrowAnyException();
        assertThatCode(() -> guard().check(JobRequest.report(YearMonth.of(2030, 6)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard().check(JobRequest.evaluate(YearMonth.of(1990, 2))))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessage("evaluate 1990-02 refused: the month must lie between 1990-03 (the earliest month of the"
                        + " data held) and 2030-06 (the current month in Europe/Paris)");
        assertThatThrownBy(() -> guard().check(JobRequest.report(YearMonth.of(2030, 7))))
                .isInstanceOf(OutOfRangeException.class).hasMessageStartingWith("report 2030-07 refused");
        assertThatThrownBy(() -> guard().check(JobRequest.evaluate(YearMonth.of(0, 1))))
                .isInstanceOf(OutOfRangeException.class);
        assertThatThrownBy(() -> guard().check(JobRequest.evaluate(YearMonth.of(9999, 12))))
                .isInstanceOf(OutOfRangeException.class);
    }

    @Test
    void theEarliestMonthIsThatOfARowsOwnMomentInTheInstitutionsZone() {
        // given an operation log entry of 31 December 1989 at 23:30 UTC, which is 1 January 1990 in Paris, from a
        // file that arrived much later
        long file = jdbc.queryForObject("insert into source_file (sha256, file_name, kind, status, ingested_at)"
                + " values (repeat('9', 64), 'guard-test.csv', 'OPERATION_LOG', 'COMPLETED', '2030-01-02T08:00:00Z')"
                + " returning id", Long.class);
        jdbc.update("insert into operation_log (event_time, operator, action, detail, source_file_id, line_number)"
                + " values ('1989-12-31T23:30:00Z', 'admin', 'Update', 'guard-test', ?, 2)", file);

        // when / then January 1990 is held, December 1989 is not
        assertThatCode(() -> guard().check(JobRequest.evaluate(YearMonth.of(1990, 1)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard().check(JobRequest.evaluate(YearMonth.of(1989, 12))))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessageContaining("between 1990-01 (the earliest month of the data held)");
    }

    @Test
    void aRetentionOrANightEarlierThanTheNewestRetentionAppliedIsRefused() {
        // given a retention recorded as applied as of 1995-01-10 (other tests may have applied later ones)
        jdbc.update("insert into batch_job_instance (job_instance_id, version, job_name, job_key)"
                + " values (987650001, 0, 'retentionJob', 'guard-test')");
        jdbc.update("insert into batch_job_execution (job_execution_id, version, job_instance_id, create_time, status)"
                + " values (987650001, 0, 987650001, now(), 'COMPLETED')");
        jdbc.update("insert into batch_job_execution_params (job_execution_id, parameter_name, parameter_type,"
                + " parameter_value, identifying) values (987650001, 'asOf', 'java.lang.String', '1995-01-10', 'Y')");
        try {
            // when / then
            assertThatThrownBy(() -> guard().check(new JobRequest(JobRequest.RETENTION_JOB,
                    org.zoomcompliance.retention.Retention.parameters(LocalDate.of(1995, 1, 9)))))
                    .isInstanceOf(JobRefusedException.class).isNotInstanceOf(OutOfRangeException.class)
                    .hasMessageStartingWith("retention as of 1995-01-09 refused: retention was already applied as of")
                    .hasMessageEndingWith("an earlier date would remove nothing that run left");
            assertThatThrownBy(() -> guard().check(JobRequest.nightly(LocalDate.of(1995, 1, 9))))
                    .isInstanceOf(JobRefusedException.class).isNotInstanceOf(OutOfRangeException.class)
                    .hasMessageStartingWith("nightly of 1995-01-09 refused: a night applies retention as of its date,"
                            + " and retention was already applied as of")
                    .hasMessageEndingWith("(ingest and evaluate run on their own for an earlier night's files)");
        } finally {
            jdbc.update("delete from batch_job_execution_params where job_execution_id = 987650001");
            jdbc.update("delete from batch_job_execution where job_execution_id = 987650001");
            jdbc.update("delete from batch_job_instance where job_instance_id = 987650001");
        }
    }
}
