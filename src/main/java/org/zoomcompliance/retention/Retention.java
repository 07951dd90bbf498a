package org.zoomcompliance.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.infrastructure.JobRunner;

/**
 * Applies the retention of the pipeline's own data as of a date: the one entry point of the command line, the
 * nightly run and the web console. A run of the same date that failed or was stopped is restarted rather than
 * started afresh, so that its purge records end with the exact totals.
 */
@Component
public class Retention {

    public static final String JOB_NAME = "retentionJob";
    public static final String AS_OF = "asOf";

    private final JobRunner jobRunner;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Retention(JobRunner jobRunner, JobRepository jobRepository, JdbcTemplate jdbc, Clock clock) {
        this.jobRunner = jobRunner;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One purge as recorded for the workbook's Register sheet. */
    public record PurgeRecord(String table, long rowsRemoved, Instant cutOff) {
    }

    /** Runs (or restarts) {@code retentionJob} for the date, synchronously. */
    public JobExecution apply(LocalDate asOf) {
        return jobRunner.run(JOB_NAME, nextRun(asOf));
    }

    /** The parameters of the date's run: those of its failed or stopped run, to restart it, else a new run's. */
    public JobParameters nextRun(LocalDate asOf) {
        return unfinished(asOf).orElseGet(() -> parameters(asOf, clock.millis()));
    }

    /** The parameters of a new retention run, as this service, the console and the scheduler launch it. */
    public static JobParameters parameters(LocalDate asOf, long run) {
        return new JobParametersBuilder()
                .addString(AS_OF, asOf.toString())
                .addLong(JobRunner.RUN_PARAMETER, run)
                .toJobParameters();
    }

    /** The purges a run recorded, including those of earlier executions of the same run (restarts). */
    public List<PurgeRecord> purges(JobExecution execution) {
        return jdbc.query("""
                select p.table_name, p.rows_removed, p.cut_off
                from retention_purge p
                join batch_job_execution e on e.job_execution_id = p.job_execution_id
                where e.job_instance_id = ?
                order by p.id
                """, (row, n) -> new PurgeRecord(row.getString(1), row.getLong(2), row.getTimestamp(3).toInstant()),
                execution.getJobInstance().getInstanceId());
    }

    /** The parameters of the newest run for the date, if it failed or was stopped and can be restarted. */
    private Optional<JobParameters> unfinished(LocalDate asOf) {
        List<Long> newest = jdbc.queryForList("""
                select e.job_execution_id
                from batch_job_execution e
                join batch_job_instance i on i.job_instance_id = e.job_instance_id
                join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
                where i.job_name = ? and p.parameter_name = ? and p.parameter_value = ?
                order by e.job_execution_id desc
                limit 1
                """, Long.class, JOB_NAME, AS_OF, asOf.toString());
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        JobExecution execution = jobRepository.getJobExecution(newest.get(0));
        if (execution == null
                || (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED)) {
            return Optional.empty();
        }
        return Optional.of(execution.getJobParameters());
    }
}
