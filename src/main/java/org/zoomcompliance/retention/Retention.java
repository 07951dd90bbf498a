package org.zoomcompliance.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.infrastructure.AlreadyCompletedException;
import org.zoomcompliance.infrastructure.JobRunner;

/**
 * Applies retention as of a date: {@code retentionJob} judges the recordings held against their profile's limit,
 * purges the pipeline's own data past the policy's limits, then destroys the key versions no row uses. The command
 * line and the console launch that job through {@code operations/JobControl}, the nightly run through
 * {@link #apply}. The date is the run's identity: a run of the date that failed or was stopped is restarted, so that
 * its purge records end with the exact totals, and a date applied already is not applied again.
 */
@Component
public class Retention {

    public static final String JOB_NAME = "retentionJob";
    public static final String AS_OF = "asOf";
    /** The rule the job judges recordings by before it purges. */
    public static final String RECORDING_RULE = "RECORDING_RETENTION_EXCEEDED";

    private final JobRunner jobRunner;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;

    public Retention(JobRunner jobRunner, JobRepository jobRepository, JdbcTemplate jdbc) {
        this.jobRunner = jobRunner;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /** One purge as recorded for the workbook's Register sheet. */
    public record PurgeRecord(String table, long rowsRemoved, Instant cutOff) {
    }

    /**
     * Runs (or restarts) {@code retentionJob} for the date, synchronously; returns the execution that applied it
     * already when the date's run completed before.
     */
    public JobExecution apply(LocalDate asOf) {
        try {
            return jobRunner.run(JOB_NAME, parameters(asOf));
        } catch (AlreadyCompletedException done) {
            if (done.executionId() == null) {
                throw done;
            }
            return jobRepository.getJobExecution(done.executionId());
        }
    }

    /** The parameters of the date's retention run: the date alone, its identity. */
    public static JobParameters parameters(LocalDate asOf) {
        return new JobParametersBuilder().addString(AS_OF, asOf.toString()).toJobParameters();
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
}
