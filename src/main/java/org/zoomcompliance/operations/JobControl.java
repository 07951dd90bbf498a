package org.zoomcompliance.operations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
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
import org.zoomcompliance.infrastructure.Sentence;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.ingest.Ingestion;

/**
 * Job control shared by the command line, the web console and the scheduler: list executions, start, restart,
 * stop and abandon. Every action is written to the audit trail with who asked, and so is every refusal.
 *
 * <p>A launch first passes the {@link JobGuard} (dates and months in range), then {@link JobRunner}'s checks (a
 * job whose subject is already running is refused). Retention and the nightly run, which applies retention, hold
 * a PostgreSQL advisory lock while they run: one at a time across every process sharing the database, another
 * refused with the running one named. The web console launches in the background ({@code ...InBackground});
 * refusals are still given at once.
 */
@Component
public class JobControl implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobControl.class);

    /** The advisory lock key of retention (the audit trail's append lock is the one before it, in V51). */
    private static final long RETENTION_LOCK = 7411893310571790338L;
    private static final Set<String> APPLYING_RETENTION = Set.of(JobRequest.RETENTION_JOB, JobRequest.NIGHTLY_JOB);

    private final JobRunner jobRunner;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final AuditLog audit;
    private final JobGuard guard;
    private final Ingestion ingestion;
    private final SimpleAsyncTaskExecutor background = new SimpleAsyncTaskExecutor("job-");

    public JobControl(JobRunner jobRunner, JobOperator jobOperator, JobRepository jobRepository, JdbcTemplate jdbc,
            DataSource dataSource, AuditLog audit, JobGuard guard, Ingestion ingestion) {
        this.jobRunner = jobRunner;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.audit = audit;
        this.guard = guard;
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

    /**
     * Refuses now, audited, a launch that could not start (out of range, already running): for commands that do
     * other work before the launch.
     */
    public void check(JobRequest request, String actor) {
        admit(request, actor, request.jobName()).close();
    }

    /** Runs a job to its end. */
    public JobExecution run(JobRequest request, String actor) {
        try (Admission admission = admit(request, actor, request.jobName())) {
            audit.record(actor, AuditLog.JOB_START, request.jobName(), null, JobRequest.describe(request.parameters()));
            return launch(request, actor, request.jobName());
        }
    }

    /** Starts a job in the background; refused at once if it cannot start. */
    public void runInBackground(JobRequest request, String actor) {
        Admission admission = admit(request, actor, request.jobName());
        audit.record(actor, AuditLog.JOB_START, request.jobName(), null, JobRequest.describe(request.parameters()));
        inBackground(admission, actor);
    }

    /**
     * Ingests export files or folders, or the inbox when none are given (one ingest job per file); audited
     * without the paths, which are the operator's and may name anything.
     */
    public IngestReport ingest(List<Path> paths, String actor) {
        return ingest(paths, actor, file -> { });
    }

    /** As {@link #ingest(List, String)}, telling {@code ended} of each file as soon as it ends. */
    public IngestReport ingest(List<Path> paths, String actor, Consumer<IngestReport.FileOutcome> ended) {
        audit.record(actor, AuditLog.JOB_START, JobRequest.INGEST_FILE_JOB, null,
                paths.isEmpty() ? "the inbox" : paths.size() + " path(s) given on the command line");
        return paths.isEmpty() ? ingestion.ingestInbox(ended) : ingestion.ingest(paths, ended);
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
        try (Admission admission = admitRestart(id, actor)) {
            JobRequest request = admission.request();
            audit.record(actor, AuditLog.JOB_RESTART, target(id, request.jobName()), null,
                    JobRequest.describe(request.parameters()));
            return launch(request, actor, target(id, request.jobName()));
        }
    }

    /** Restarts a failed or stopped execution in the background; refused at once if it cannot restart. */
    public void restartInBackground(long id, String actor) {
        Admission admission = admitRestart(id, actor);
        JobRequest request = admission.request();
        audit.record(actor, AuditLog.JOB_RESTART, target(id, request.jobName()), null,
                JobRequest.describe(request.parameters()));
        inBackground(admission, actor);
    }

    /** Asks a running execution to stop at its next chunk boundary. */
    public void stop(long id, String actor) {
        JobExecution execution = existing(id, actor);
        String target = target(id, execution.getJobInstance().getJobName());
        try {
            jobRunner.requestStop(execution);
        } catch (JobExecutionNotRunningException e) {
            throw refused(actor, target, new JobRefusedException(
                    Sentence.of("refusal.not-running", String.valueOf(id), execution.getStatus().name()), e));
        }
        audit.record(actor, AuditLog.JOB_STOP, target, null, null);
    }

    /** Marks a stopped or failed execution as never to be restarted. */
    public void abandon(long id, String actor) {
        JobExecution execution = existing(id, actor);
        String target = target(id, execution.getJobInstance().getJobName());
        if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
            throw refused(actor, target, new JobRefusedException(
                    Sentence.of("refusal.nothing-to-abandon", String.valueOf(id), execution.getStatus().name())));
        }
        try {
            jobOperator.abandon(execution);
        } catch (JobExecutionAlreadyRunningException e) {
            throw refused(actor, target, new JobRefusedException(
                    Sentence.of("refusal.stop-first", String.valueOf(id)), e));
        }
        audit.record(actor, AuditLog.JOB_ABANDON, target, null, null);
    }

    /** A launch that passed every check, holding the retention lock when it applies retention. */
    private record Admission(JobRequest request, Connection retentionLock) implements AutoCloseable {
        @Override
        public void close() {
            if (retentionLock == null) {
                return;
            }
            try (retentionLock; PreparedStatement unlock = retentionLock.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, RETENTION_LOCK);
                unlock.execute();
            } catch (SQLException e) {
                log.warn("the retention lock could not be released: {}", e.getMessage());
            }
        }
    }

    /** Checks a launch: range, availability, nothing of the same subject running, one retention at a time. */
    private Admission admit(JobRequest request, String actor, String target) {
        try {
            guard.check(request);
            jobRunner.checkCanStart(request.jobName(), request.parameters());
            return new Admission(request, APPLYING_RETENTION.contains(request.jobName()) ? retentionLock(request) : null);
        } catch (JobRefusedException e) {
            throw refused(actor, target, e);
        }
    }

    private Admission admitRestart(long id, String actor) {
        JobExecution execution = existing(id, actor);
        String jobName = execution.getJobInstance().getJobName();
        String target = target(id, jobName);
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            throw refused(actor, target, new JobRefusedException(Sentence.of("refusal.not-restartable",
                    String.valueOf(id), jobName, execution.getStatus().name())));
        }
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != id) {
            throw refused(actor, target, new JobRefusedException(Sentence.of("refusal.already-restarted",
                    String.valueOf(id), jobName, String.valueOf(last.getId()), last.getStatus().name())));
        }
        return admit(new JobRequest(jobName, execution.getJobParameters()), actor, target);
    }

    /** Takes the retention lock on a connection of its own, held until the run ends (or the process dies). */
    private Connection retentionLock(JobRequest request) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, RETENTION_LOCK);
                try (ResultSet acquired = lock.executeQuery()) {
                    if (acquired.next() && acquired.getBoolean(1)) {
                        return connection;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the retention lock: " + e.getMessage(), e);
        }
        throw new JobRefusedException(Sentence.of("refusal.retention-running", request.subject(), runningRetention()));
    }

    /** The run holding the retention lock, in words. */
    private Sentence runningRetention() {
        return APPLYING_RETENTION.stream()
                .flatMap(name -> jobRepository.findRunningJobExecutions(name).stream())
                .min(Comparator.comparing(JobExecution::getId))
                .map(running -> Sentence.of("refusal.retention-running.which",
                        new JobRequest(running.getJobInstance().getJobName(), running.getJobParameters()).subject(),
                        String.valueOf(running.getId()), String.valueOf(running.getStartTime())))
                .orElse(Sentence.of("refusal.retention-running.starting"));
    }

    /** Launches, auditing a refusal that comes only at launch (two launches of one subject at the same instant). */
    private JobExecution launch(JobRequest request, String actor, String target) {
        try {
            return jobRunner.run(request.jobName(), request.parameters());
        } catch (JobRefusedException e) {
            throw refused(actor, target, e);
        }
    }

    private JobRefusedException refused(String actor, String target, JobRefusedException refusal) {
        audit.record(actor, AuditLog.JOB_REFUSED, target, null, refusal.getMessage());
        return refusal;
    }

    private JobExecution existing(long id, String actor) {
        return lookup(id).orElseThrow(() -> refused(actor, "execution #" + id,
                new JobRefusedException(Sentence.of("refusal.no-execution", String.valueOf(id)))));
    }

    /** The execution, if any: the JDBC repository answers an unknown id with an exception, not null. */
    private Optional<JobExecution> lookup(long id) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(id));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    private void inBackground(Admission admission, String actor) {
        JobRequest request = admission.request();
        background.execute(() -> {
            try (admission) {
                JobExecution execution = launch(request, actor, request.jobName());
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
