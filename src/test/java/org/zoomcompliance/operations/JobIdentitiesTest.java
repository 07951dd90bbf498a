package org.zoomcompliance.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.infrastructure.AlreadyCompletedException;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.retention.Retention;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * The jobs' identities as {@link JobIdentities} declares them: a re-runnable job's runs are numbered apart, a job
 * identified by its business key runs once.
 */
class JobIdentitiesTest extends PipelineIntegrationTest {

    @Autowired
    JobRunner jobRunner;

    @Autowired
    Retention retention;

    @Test
    void evaluatingAMonthTwiceRunsTwoInstancesNumberedApart() {
        // given a month of this test's own
        YearMonth month = YearMonth.of(1976, 3);

        // when it is evaluated twice with the same parameters
        JobExecution first = jobRunner.run(JobRequest.EVALUATE_JOB, JobRequest.evaluate(month).parameters());
        JobExecution second = jobRunner.run(JobRequest.EVALUATE_JOB, JobRequest.evaluate(month).parameters());

        // then both completed, as two instances whose run numbers come from the sequence
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getJobInstance().getInstanceId()).isNotEqualTo(first.getJobInstance().getInstanceId());
        assertThat(second.getJobParameters().getLong(JobRunner.RUN_PARAMETER))
                .isGreaterThan(first.getJobParameters().getLong(JobRunner.RUN_PARAMETER));
        assertThat(second.getJobParameters().getString("month")).isEqualTo("1976-03");
    }

    @Test
    void aRetentionDateIsOneRunAppliedOnce() {
        // given retention applied as of a day of this test's own
        LocalDate asOf = LocalDate.of(1976, 6, 1);
        JobExecution applied = retention.apply(asOf);
        assertThat(applied.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // when the same date is applied again
        JobExecution again = retention.apply(asOf);

        // then it is the same execution: nothing ran again; a launch of the date says which execution applied it
        assertThat(again.getId()).isEqualTo(applied.getId());
        assertThat(applied.getJobParameters().parameters()).hasSize(1);
        assertThatThrownBy(() -> jobRunner.run(JobRequest.RETENTION_JOB, Retention.parameters(asOf)))
                .isInstanceOf(AlreadyCompletedException.class)
                .hasMessageContaining("has already completed (execution " + applied.getId())
                .satisfies(e -> assertThat(((AlreadyCompletedException) e).executionId()).isEqualTo(applied.getId()));
    }
}
