package org.zoomcompliance.operations;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.web.AuditLog;

/**
 * Job control shared by {@code jobs ...}, the web console and the scheduler: list executions, start, restart,
 * stop and abandon, each accepted action written to the audit trail with who asked.
 *
 * <p>Launches go through {@link JobRunner}, so a job whose subject is already running is refused with a clear
 * message. The web console launches in the background ({@code ...InBackground}); refusals are still given at once.
 */
@Component
public class JobControl implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobControl.class);

    private final JobRunner jobRunner;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Ingestion ingestion;
    private final SimpleAsyncTaskExecutor background = new SimpleAsyncTaskExecutor("job-");

    public JobControl(JobRunner jobRunner, JobOperator jobOperator, JobRepository jobRepository, JdbcTemplate jdbc,
            AuditLog audit, Ingestion ingestion) {
        this.jobRunner = jobRunner;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.audit = audit;
        this.ingestion = ingestion;
    }

    /** The newest executions of every job, newest first. */
    public List<ExecutionView> recent(int limit) {
        List<Long> ids = jdbc.queryForList(
                "select JOB_EXECUTION_ID from BATCH_JOB_EXECUTION order by JOB_EXECUTION_ID desc limit ?", Long.class, limit);
        return ids.stream().map(this::lookup).flatMap(Optional::stream).map(this::view).toList();
    }

    /** One execution with its steps. */
    public Optional<ExecutionView> find(long id) {
        return lookup(id).map(this::view);
    }

    /** The execution as shown, with the later execution of its instance that restarted it, if any. */
    private ExecutionView view(JobExecution execution) {
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        return ExecutionView.of(execution, last == null || last.getId() == execution.getId() ? null : last.getId());
    }

    /** Runs a job to its end. */
    public JobExecution run(JobRequest request, String actor) {
        jobRunner.checkCanStart(request.jobName(), request.parameters());
        audit.record(actor, AuditLog.JOB_START, request.jobName(), null, JobRequest.describe(request.parameters()));
        return jobRunner.run(request.jobName(), request.parameters());
    }

    /** Starts a job in the background; refused at once if it cannot start. */
    public void runInBackground(JobRequest request, String actor) {
        jobRunner.checkCanStart(request.jobName(), request.parameters());
        audit.record(actor, AuditLog.JOB_START, request.jobName(), null, JobRequest.describe(request.parameters()));
        inBackground(request);
    }

    /**
     * Ingests the inbox in the background as the nightly run does (one ingest job per file, files moved to
     * {@code processed/} or {@code quarantine/} once handled).
     */
    public void ingestInboxInBackground(String actor) {
        audit.record(actor, AuditLog.JOB_START, JobRequest.INGEST_FILE_JOB, null, "the inbox");
        background.execute(() -> {
            try {
                IngestReport report = ingestion.ingestInbox();
                log.info("inbox ingested: {} file(s), {} row(s), {} rejected", report.files().size(),
                        report.rowsIngested(), report.rowsRejected());
            } catch (RuntimeException e) {
                log.warn("the inbox could not be ingested: {}", JobRunner.rootMessage(e));
            }
        });
    }

    /** Restarts a failed or stopped execution from its last committed chunk, to its end. */
    public JobExecution restart(long id, String actor) {
        JobRequest request = restartRequest(id);
        audit.record(actor, AuditLog.JOB_RESTART, target(id, request.jobName()), null, JobRequest.describe(request.parameters()));
        return jobRunner.run(request.jobName(), request.parameters());
    }

    /** Restarts a failed or stopped execution in the background; refused at once if it cannot restart. */
    public void restartInBackground(long id, String actor) {
        JobRequest request = restartRequest(id);
        audit.record(actor, AuditLog.JOB_RESTART, target(id, request.jobName()), null, JobRequest.describe(request.parameters()));
        inBackground(request);
    }

    /** Asks a running execution to stop at its next chunk boundary. */
    public void stop(long id, String actor) {
        JobExecution execution = existing(id);
        try {
            jobRunner.requestStop(execution);
        } catch (JobExecutionNotRunningException e) {
            throw new JobRefusedException("execution " + id + " is not running (" + execution.getStatus() + ")", e);
        }
        audit.record(actor, AuditLog.JOB_STOP, target(id, execution.getJobInstance().getJobName()), null, null);
    }

    /** Marks a stopped or failed execution as never to be restarted. */
    public void abandon(long id, String actor) {
        JobExecution execution = existing(id);
        if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
            throw new JobRefusedException("execution " + id + " is " + execution.getStatus() + "; nothing to abandon");
        }
        try {
            jobOperator.abandon(execution);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new JobRefusedException("execution " + id + " is still running; stop it first with `jobs stop " + id + "`", e);
        }
        audit.record(actor, AuditLog.JOB_ABANDON, target(id, execution.getJobInstance().getJobName()), null, null);
    }

    private JobRequest restartRequest(long id) {
        JobExecution execution = existing(id);
        String jobName = execution.getJobInstance().getJobName();
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            throw new JobRefusedException("execution " + id + " of " + jobName + " is " + execution.getStatus()
                    + "; only a failed or stopped execution can be restarted");
        }
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != id) {
            throw new JobRefusedException("execution " + id + " of " + jobName + " was already restarted as execution "
                    + last.getId() + " (" + last.getStatus() + ")");
        }
        jobRunner.checkCanStart(jobName, execution.getJobParameters());
        return new JobRequest(jobName, execution.getJobParameters());
    }

    private JobExecution existing(long id) {
        return lookup(id).orElseThrow(() -> new JobRefusedException("there is no job execution " + id));
    }

    /** The execution, if any: the JDBC repository answers an unknown id with an exception, not null. */
    private Optional<JobExecution> lookup(long id) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(id));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    private void inBackground(JobRequest request) {
        background.execute(() -> {
            try {
                JobExecution execution = jobRunner.run(request.jobName(), request.parameters());
                log.info("{} (execution {}) ended {}", request.jobName(), execution.getId(), execution.getStatus());
            } catch (RuntimeException e) {
                log.warn("{} did not start: {}", request.jobName(), JobRunner.rootMessage(e));
            }
        });
    }

    private static String target(long id, String jobName) {
        return jobName + " #" + id;
    }

    @Override
    public void destroy() {
        background.close();
    }
}
