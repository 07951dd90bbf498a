package org.zoomcompliance.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.retention.Retention;

/** The pipeline's jobs are launched with the names and parameters their configurations expect. */
class JobRequestTest {

    private final Clock clock = Clock.fixed(Instant.parse("2031-10-05T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void monthlyJobsTakeTheMonthAndARunCounter() {
        // when
        JobParameters evaluate = JobRequest.evaluate(YearMonth.of(2031, 9), clock).parameters();
        JobRequest report = JobRequest.report(YearMonth.of(2031, 9), clock);

        // then
        assertThat(evaluate.getString("month")).isEqualTo("2031-09");
        assertThat(evaluate.getLong(JobRunner.RUN_PARAMETER)).isEqualTo(clock.millis());
        assertThat(report.jobName()).isEqualTo("reportJob");
        assertThat(report.parameters().getParameter("month").identifying()).isTrue();
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
        assertThat(JobRequest.evaluate(YearMonth.of(2031, 9), clock).subject()).isEqualTo("evaluate 2031-09");
        assertThat(JobRequest.report(YearMonth.of(2031, 9), clock).month()).contains(YearMonth.of(2031, 9));
        assertThat(JobRequest.nightly(LocalDate.of(2031, 10, 5)).subject()).isEqualTo("nightly run of 2031-10-05");
        assertThat(new JobRequest(JobRequest.RETENTION_JOB, Retention.parameters(LocalDate.of(2031, 10, 5), 1)).day())
                .contains(LocalDate.of(2031, 10, 5));
    }
}
