package org.zoomcompliance.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.zoomcompliance.infrastructure.JobRunner;

/**
 * A job to launch with its parameters: the names and parameters of the pipeline's jobs, built in one place so the
 * web console, the command line and the scheduler launch them alike.
 *
 * <p>Subjects (month, date, as-of) are ISO strings; {@link JobRunner#RUN_PARAMETER} makes a re-run distinct.
 */
public record JobRequest(String jobName, JobParameters parameters) {

    public static final String NIGHTLY_JOB = "nightlyJob";
    public static final String EVALUATE_JOB = "evaluateJob";
    public static final String REPORT_JOB = "reportJob";
    public static final String RETENTION_JOB = "retentionJob";
    public static final String INGEST_FILE_JOB = "ingestFileJob";

    /** Evaluate the policy for a month (a re-run replaces the month's results). */
    public static JobRequest evaluate(YearMonth month, Clock clock) {
        return new JobRequest(EVALUATE_JOB, withRun(new JobParametersBuilder().addString("month", month.toString()), clock));
    }

    /** Build the DPO workbook of a month (a re-run writes a new version). */
    public static JobRequest report(YearMonth month, Clock clock) {
        return new JobRequest(REPORT_JOB, withRun(new JobParametersBuilder().addString("month", month.toString()), clock));
    }

    /** Apply retention as of a day. */
    public static JobRequest retention(LocalDate asOf, Clock clock) {
        return new JobRequest(RETENTION_JOB, withRun(new JobParametersBuilder().addString("asOf", asOf.toString()), clock));
    }

    /** The nightly run (ingest, evaluate, retention) of a day: one per day, restartable if it fails. */
    public static JobRequest nightly(LocalDate date) {
        return new JobRequest(NIGHTLY_JOB, new JobParametersBuilder().addString("date", date.toString()).toJobParameters());
    }

    /** Ingest one export file, identified by its content: a file already taken is refused as complete. */
    public static JobRequest ingestFile(String sha256, String path) {
        return new JobRequest(INGEST_FILE_JOB, new JobParametersBuilder()
                .addString("sha256", sha256)
                .addString("path", path, false)
                .toJobParameters());
    }

    private static JobParameters withRun(JobParametersBuilder builder, Clock clock) {
        return builder.addLong(JobRunner.RUN_PARAMETER, clock.millis()).toJobParameters();
    }

    /** The parameters as {@code name=value, ...}, identifying ones first, for lists and audit lines. */
    public static String describe(JobParameters parameters) {
        return parameters.parameters().stream()
                .sorted((a, b) -> Boolean.compare(b.identifying(), a.identifying()))
                .map(p -> p.name() + "=" + p.value())
                .collect(Collectors.joining(", "));
    }
}
