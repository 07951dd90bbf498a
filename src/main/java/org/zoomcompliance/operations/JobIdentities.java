package org.zoomcompliance.operations;

import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.core.job.parameters.DataFieldMaxValueJobParametersIncrementer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.infrastructure.JobRuns;

/**
 * How each of the pipeline's jobs is identified: the one place that says which are deliberately re-runnable. The
 * command line, the console and the scheduler launch through {@link JobControl} and {@link JobRequest}, the nightly
 * run through the capabilities' services; all of them reach {@link JobRunner}, which applies this.
 * <ul>
 * <li>{@code evaluateJob} (a month) and {@code reportJob} (a month) are re-runnable: evaluating a month again
 *     replaces its results, building it again writes the next version of the workbook. Each new run gets the next
 *     number of the database sequence {@code job_run_seq} as its {@code run} parameter (Spring Batch's
 *     {@link DataFieldMaxValueJobParametersIncrementer}: unique across processes); a restart keeps its own.</li>
 * <li>{@code retentionJob} is its as-of date, {@code nightlyJob} its date, {@code ingestFileJob} its file's SHA-256:
 *     each runs once. A failed or stopped run is restarted by launching the same key again; a completed one is
 *     refused as {@link org.zoomcompliance.infrastructure.AlreadyCompletedException}, which the retention command
 *     and the console report as done, naming the execution.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class JobIdentities {

    /** The jobs a subject may be run again of, each run a new instance. */
    static final Set<String> RE_RUNNABLE = Set.of(JobRequest.EVALUATE_JOB, JobRequest.REPORT_JOB);

    @Bean
    JobRuns jobRuns(DataSource dataSource) {
        DataFieldMaxValueJobParametersIncrementer incrementer = new DataFieldMaxValueJobParametersIncrementer(
                new PostgresSequenceMaxValueIncrementer(dataSource, "job_run_seq"));
        incrementer.setKey(JobRunner.RUN_PARAMETER);
        return new JobRuns(RE_RUNNABLE, incrementer);
    }
}
