package org.zoomcompliance.operations;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.zoomcompliance.ingest.IngestFileJobConfiguration;
import org.zoomcompliance.nightly.NightlyJobConfiguration;
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
 * date, as-of) are ISO strings; which jobs may run again for one subject, and how each such run is numbered, is
 * {@link JobIdentities}'.
 */
public record JobRequest(String jobName, JobParameters parameters) {

    public static final String NIGHTLY_JOB = NightlyRun.JOB_NAME;
    public static final String EVALUATE_JOB = PolicyEvaluation.JOB_NAME;
    public static final String REPORT_JOB = ReportJobConfiguration.JOB_NAME;
    public static final String RETENTION_JOB = Retention.JOB_NAME;
    public static final String INGEST_FILE_JOB = IngestFileJobConfiguration.JOB_NAME;

    /** Evaluate the policy for a month (a re-run replaces the month's results). */
    public static JobRequest evaluate(YearMonth month) {
        return new JobRequest(EVALUATE_JOB, PolicyEvaluation.parameters(month, Set.of(), null));
    }

    /** Build the DPO workbook of a month (a re-run writes a new version). */
    public static JobRequest report(YearMonth month) {
        return report(month, null);
    }

    /** Build the DPO workbook of a month, and copy it to {@code out} (a file or a folder) when not null. */
    public static JobRequest report(YearMonth month, Path out) {
        return new JobRequest(REPORT_JOB, MonthlyReport.parameters(month, out));
    }

    /**
     * Apply retention as of a day (judge recordings, purge, destroy unused keys): the day is the run's identity, so
     * the day's failed or stopped run is restarted, to finish with exact totals, and a completed one is not run again.
     */
    public static JobRequest retention(LocalDate asOf) {
        return new JobRequest(RETENTION_JOB, Retention.parameters(asOf));
    }

    /** The nightly run (ingest, evaluate, retention) of a day: one per day, restartable if it fails. */
    public static JobRequest nightly(LocalDate date) {
        return new JobRequest(NIGHTLY_JOB, NightlyRun.parameters(date));
    }

    /** The month an evaluation or a workbook is for; empty for other jobs. */
    public Optional<YearMonth> month() {
        String month = switch (jobName) {
            case EVALUATE_JOB -> parameters.getString(PolicyEvaluation.MONTH);
            case REPORT_JOB -> parameters.getString(ReportJobConfiguration.MONTH);
            default -> null;
        };
        return Optional.ofNullable(month).map(YearMonth::parse);
    }

    /** The day a retention run judges as of, or the night a nightly run is for; empty for other jobs. */
    public Optional<LocalDate> day() {
        String day = switch (jobName) {
            case RETENTION_JOB -> parameters.getString(Retention.AS_OF);
            case NIGHTLY_JOB -> parameters.getString(NightlyJobConfiguration.DATE);
            default -> null;
        };
        return Optional.ofNullable(day).map(LocalDate::parse);
    }

    /** What the request is for, in words: {@code evaluate 2026-10}, {@code retention as of 2026-11-30}. */
    public String subject() {
        String what = switch (jobName) {
            case EVALUATE_JOB -> "evaluate";
            case REPORT_JOB -> "report";
            case RETENTION_JOB -> "retention as of";
            case NIGHTLY_JOB -> "nightly run of";
            default -> jobName;
        };
        return what + month().map(month -> " " + month).or(() -> day().map(day -> " " + day)).orElse("");
    }

    /** The parameters as {@code name=value, ...}, identifying ones first, for lists and audit lines. */
    public static String describe(JobParameters parameters) {
        return parameters.parameters().stream()
                .sorted((a, b) -> Boolean.compare(b.identifying(), a.identifying()))
                .map(p -> p.name() + "=" + p.value())
                .collect(Collectors.joining(", "));
    }
}
