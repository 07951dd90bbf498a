package org.zoomcompliance.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.ingest.IngestFileJobConfiguration;
import org.zoomcompliance.nightly.NightlyRun;
import org.zoomcompliance.policy.PolicyEvaluation;
import org.zoomcompliance.report.MonthlyReport;
import org.zoomcompliance.report.ReportJobConfiguration;
import org.zoomcompliance.retention.Retention;

/**
 * A job to launch with its parameters: the names and parameters of the pipeline's jobs, built in one place so the
 * web console, the command line and the scheduler launch them alike.
 *
 * <p>Each capability's service owns its job's parameters; this record only names what to launch. Subjects (month,
 * date, as-of) are ISO strings; {@link JobRunner#RUN_PARAMETER} makes a re-run distinct.
 */
public record JobRequest(String jobName, JobParameters parameters) {

    public static final String NIGHTLY_JOB = NightlyRun.JOB_NAME;
    public static final String EVALUATE_JOB = PolicyEvaluation.JOB_NAME;
    public static final String REPORT_JOB = ReportJobConfiguration.JOB_NAME;
    public static final String RETENTION_JOB = Retention.JOB_NAME;
    public static final String INGEST_FILE_JOB = IngestFileJobConfiguration.JOB_NAME;

    /** Evaluate the policy for a month (a re-run replaces the month's results). */
    public static JobRequest evaluate(YearMonth month, Clock clock) {
        return new JobRequest(EVALUATE_JOB, PolicyEvaluation.parameters(month, Set.of(), null, clock.millis()));
    }

    /** Build the DPO workbook of a month (a re-run writes a new version). */
    public static JobRequest report(YearMonth month, Clock clock) {
        return new JobRequest(REPORT_JOB, MonthlyReport.parameters(month, null, clock.millis()));
    }

    /** Apply retention as of a day. */
    public static JobRequest retention(LocalDate asOf, Clock clock) {
        return new JobRequest(RETENTION_JOB, Retention.parameters(asOf, clock.millis()));
    }

    /** The nightly run (ingest, evaluate, retention) of a day: one per day, restartable if it fails. */
    public static JobRequest nightly(LocalDate date) {
        return new JobRequest(NIGHTLY_JOB, NightlyRun.parameters(date));
    }

    /** The parameters as {@code name=value, ...}, identifying ones first, for lists and audit lines. */
    public static String describe(JobParameters parameters) {
        return parameters.parameters().stream()
                .sorted((a, b) -> Boolean.compare(b.identifying(), a.identifying()))
                .map(p -> p.name() + "=" + p.value())
                .collect(Collectors.joining(", "));
    }
}
