package org.zoomcompliance.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.retention.Retention;

/** The pipeline's jobs are launched with the names and parameters their configurations expect. */
class JobRequestTest {

    @Test
    void monthlyJobsTakeTheMonthTheirRunNumberComesAtLaunch() {
        // when
        JobParameters evaluate = JobRequest.evaluate(YearMonth.of(2031, 9)).parameters();
        JobRequest report = JobRequest.report(YearMonth.of(2031, 9));

        // then
        assertThat(evaluate.getString("month")).isEqualTo("2031-09");
        assertThat(evaluate.getParameter(JobRunner.RUN_PARAMETER)).isNull();
        assertThat(report.jobName()).isEqualTo("reportJob");
        assertThat(report.parameters().getParameter("month").identifying()).isTrue();
    }

    @Test
    void retentionIsIdentifiedByItsAsOfDateAlone() {
        // when
        JobRequest retention = JobRequest.retention(LocalDate.of(2031, 10, 5));

        // then
        assertThat(retention.jobName()).isEqualTo("retentionJob");
        assertThat(JobRequest.describe(retention.parameters())).isEqualTo("asOf=2031-10-05");
    }

    @Test
    void theNightlyRunIsIdentifiedByItsDateAloneSoItRunsOncePerDay() {
        // when
        JobRequest nightly = JobRequest.nightly(LocalDate.of(2031, 10, 5));

        // then
        assertThat(nightly.jobName()).isEqualTo("nightlyJob");
        assertThat(JobRequest.describe(nightly.parameters())).isEqualTo("date=2031-10-05");
    }

    @Test
    void eachRequestSaysWhatItIsFor() {
        assertThat(JobRequest.evaluate(YearMonth.of(2031, 9)).subject()).isEqualTo("evaluate 2031-09");
        assertThat(JobRequest.report(YearMonth.of(2031, 9)).month()).contains(YearMonth.of(2031, 9));
        assertThat(JobRequest.nightly(LocalDate.of(2031, 10, 5)).subject()).isEqualTo("nightly run of 2031-10-05");
        assertThat(new JobRequest(JobRequest.RETENTION_JOB, Retention.parameters(LocalDate.of(2031, 10, 5))).day())
                .contains(LocalDate.of(2031, 10, 5));
    }
}
