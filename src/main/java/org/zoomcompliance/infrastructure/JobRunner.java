package org.zoomcompliance.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Launches the pipeline's jobs by name, the one way the command line, the web console and the scheduler do it.
 *
 * <p>A launch is refused with a clear message when the job does not exist in this build or when an execution with
 * the same subject (the same identifying parameters, a run counter aside) is still running, or when the subject's run
 * completed ({@link AlreadyCompletedException}; a re-runnable job's new run gets a number of its own, see
 * {@link JobRuns}). Starting the parameters of a failed or stopped execution restarts it from its last committed
 * chunk.
 *
 * <p>Every launch either starts an execution or leaves nothing: Spring Batch creates a job instance, validates the
 * parameters, then creates its execution, each in a transaction of its own, so an instance whose launch failed
 * in between (a validator that threw, the database lost, a kill) would be left without an execution, and every
 * later launch of that subject would fail on it ("Cannot find any job execution for job instance"). The
 * parameters are therefore validated before Spring Batch is asked to start, and an instance left without an
 * execution is removed, before a launch and after one that failed. Instances are created under READ COMMITTED
 * ({@code spring.batch.jdbc.isolation-level-for-create}, see {@code application.properties}), so launches side
 * by side do not fail on each other.
 */
@Component
public class JobRunner {

    /**
     * The identifying parameter that only makes a re-run of a deliberately re-runnable job distinct, not a different
     * subject: added at launch as {@link JobRuns} declares.
     */
    public static final String RUN_PARAMETER = "run";

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final int STOP_ATTEMPTS = 10;

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    /** Looked up on use: jobs whose steps launch other jobs (the nightly run) depend on this runner. */
    private final ObjectProvider<Job> jobs;
    private final JobRuns runs;
    /**
     * Launches under way in this process, by job name and subject: one per subject at a time (two clicks, or the
     * schedule and an operator, at the same instant would otherwise both pass the repository check before either
     * had created its execution), and what a graceful shutdown asks to stop.
     */
    private final Set<Launch> launches = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;
    /** Callers' work around launches (recording a job's outcome) that a graceful shutdown lets finish. */
    private final AtomicInteger work = new AtomicInteger();

    /** Work that uses the database around a launch, held open until closed; see {@link #begin()}. */
    public interface Work extends AutoCloseable {
        @Override
        void close();
    }

    /** A launch under way in this process. */
    record Launch(String jobName, Map<String, Object> subject) {
    }

    /** A runner of the given jobs, the re-runnable ones and their run numbers as {@code runs} declares. */
    @Autowired
    public JobRunner(JobOperator jobOperator, JobRepository jobRepository, ObjectProvider<Job> jobs, JobRuns runs) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.runs = runs;
    }

    /** A runner of jobs that are all identified by their parameters alone (none re-runnable). */
    public JobRunner(JobOperator jobOperator, JobRepository jobRepository, ObjectProvider<Job> jobs) {
        this(jobOperator, jobRepository, jobs, new JobRuns(Set.of(), previous -> previous));
    }

    private Job job(String jobName) {
        return jobs.stream().filter(job -> job.getName().equals(jobName)).findFirst().orElse(null);
    }

    /**
     * Refuses now, with the message {@link #run} would give, a launch that cannot start: for callers that run the
     * job in the background and must answer the person who asked.
     */
    public void checkCanStart(String jobName, JobParameters parameters) {
        if (job(jobName) == null) {
            throw new JobRefusedException(Sentence.of("refusal.not-available", jobName));
        }
        if (shuttingDown) {
            throw new JobRefusedException(Sentence.of("refusal.shutting-down", jobName, describe(parameters)));
        }
        refuseIfRunning(jobName, parameters);
        refuseIfCompleted(jobName, parameters);
    }

    /** Runs the job to its end (synchronously) and returns its execution, whatever its status. */
    public JobExecution run(String jobName, JobParameters requested) {
        JobParameters parameters = runs.forLaunch(jobName, requested);
        checkCanStart(jobName, parameters);
        Job job = job(jobName);
        Launch launch = new Launch(jobName, subject(parameters));
        if (!launches.add(launch)) {
            throw new JobRefusedException(Sentence.of("refusal.starting", jobName, describe(parameters)));
        }
        try {
            job.getJobParametersValidator().validate(parameters);
            removeInstanceWithoutExecution(jobName, parameters);
            return startOrLeaveNothing(job, parameters);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new JobRefusedException(Sentence.of("refusal.running", jobName, describe(parameters)), e);
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new AlreadyCompletedException(Sentence.of("refusal.completed", jobName, describe(parameters)), e);
        } catch (JobRestartException | InvalidJobParametersException e) {
            throw new JobRefusedException(Sentence.of("refusal.cannot-start", jobName, describe(parameters),
                    String.valueOf(e.getMessage())), e);
        } finally {
            launches.remove(launch);
            synchronized (launches) {
                launches.notifyAll();
            }
        }
    }

    /** Starts the job; when the launch fails before its execution exists, removes the instance it created. */
    private JobExecution startOrLeaveNothing(Job job, JobParameters parameters)
            throws JobExecutionAlreadyRunningException, JobRestartException, JobInstanceAlreadyCompleteException,
            InvalidJobParametersException {
        try {
            return jobOperator.start(job, parameters);
        } catch (InvalidJobParametersException | RuntimeException e) {
            try {
                removeInstanceWithoutExecution(job.getName(), parameters);
            } catch (RuntimeException cleanUp) {
                e.addSuppressed(cleanUp);
            }
            throw e;
        }
    }

    /**
     * Removes the instance of these parameters if it has no execution: what a launch that failed half way, in this
     * process or an older version of it, left. Only called for a subject this process is launching (see
     * {@link #launches}), so no launch of this process is between the two steps.
     */
    private void removeInstanceWithoutExecution(String jobName, JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(jobName, parameters);
        if (instance != null && jobRepository.getLastJobExecution(instance) == null) {
            log.warn("removing {} instance {}, left without an execution by a launch that failed", jobName,
                    instance.getInstanceId());
            jobRepository.deleteJobInstance(instance);
        }
    }

    /**
     * Asks a running execution to stop at its next chunk boundary, where the step itself saves its position and
     * ends STOPPED. Only the execution's status is changed, to STOPPING: Spring Batch 6's {@code JobOperator.stop}
     * also records the execution as ended and updates its running steps from the caller's thread, which races the
     * step's own updates (the step then fails on an optimistic lock and is left UNKNOWN, not restartable, or its
     * context is overwritten with a position a chunk behind what it committed). An execution this process does not
     * run is stopped through Spring Batch, which records it as ended, so that a run its dead process left STARTED can
     * be run again.
     */
    public void requestStop(JobExecution execution) throws JobExecutionNotRunningException {
        for (int attempt = 1; ; attempt++) {
            JobExecution current = jobRepository.getJobExecution(execution.getId());
            if (current == null || (current.getStatus() != BatchStatus.STARTED
                    && current.getStatus() != BatchStatus.STARTING)) {
                throw new JobExecutionNotRunningException("execution " + execution.getId() + " is not running"
                        + (current == null ? "" : " (" + current.getStatus() + ")"));
            }
            if (!launches.contains(new Launch(current.getJobInstance().getJobName(), subject(current.getJobParameters())))) {
                // Not run by this process: it may be gone (a server lost mid-step left the execution STARTED), and
                // nothing here would end a STOPPING execution; Spring Batch's stop records it as ended.
                jobOperator.stop(current);
                return;
            }
            current.setStatus(BatchStatus.STOPPING);
            try {
                jobRepository.update(current);
                return;
            } catch (OptimisticLockingFailureException updatedMeanwhile) {
                // the job updated its execution between the read and this update: read it again
                if (attempt == STOP_ATTEMPTS) {
                    throw updatedMeanwhile;
                }
            }
        }
    }

    /**
     * Marks the start of work around a launch, such as recording its outcome once it ends: a graceful shutdown
     * waits for it, as for the launch, before the database closes. Use in try-with-resources.
     */
    public Work begin() {
        work.incrementAndGet();
        return () -> {
            work.decrementAndGet();
            synchronized (launches) {
                launches.notifyAll();
            }
        };
    }

    /** Refuses new launches from now on: the application is shutting down. */
    void refuseNewLaunches() {
        shuttingDown = true;
    }

    /** The running executions this process launched and has not seen end yet. */
    List<JobExecution> runningHere() {
        List<JobExecution> running = new ArrayList<>();
        for (Launch launch : launches) {
            for (JobExecution execution : jobRepository.findRunningJobExecutions(launch.jobName())) {
                if (subject(execution.getJobParameters()).equals(launch.subject())) {
                    running.add(execution);
                }
            }
        }
        return running;
    }

    /** Waits until no launch or work of this process is under way, or the deadline passes; true if none is. */
    boolean awaitNoLaunch(Instant deadline) throws InterruptedException {
        synchronized (launches) {
            while (!launches.isEmpty() || work.get() > 0) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    return false;
                }
                launches.wait(Math.min(left, 1000));
            }
            return true;
        }
    }

    private void refuseIfRunning(String jobName, JobParameters parameters) {
        Map<String, Object> subject = subject(parameters);
        Set<JobExecution> running = jobRepository.findRunningJobExecutions(jobName);
        for (JobExecution execution : running) {
            if (subject(execution.getJobParameters()).equals(subject)) {
                throw new JobRefusedException(Sentence.of("refusal.running-execution", jobName, describe(parameters),
                        String.valueOf(execution.getId()), String.valueOf(execution.getStartTime())));
            }
        }
    }

    /**
     * Refuses a launch of a subject whose run completed: a job identified by its business key (a retention as-of
     * date, a night, a file's content) runs once. Said before the launch, so that a caller can tell the person who
     * asked that it was done already, and by which execution.
     */
    private void refuseIfCompleted(String jobName, JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(jobName, parameters);
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            throw new AlreadyCompletedException(Sentence.of("refusal.completed-execution", jobName, describe(parameters),
                    String.valueOf(last.getId()), String.valueOf(last.getEndTime())), last.getId());
        }
    }

    private static Map<String, Object> subject(JobParameters parameters) {
        Map<String, Object> subject = new java.util.TreeMap<>();
        parameters.parameters().stream()
                .filter(p -> p.identifying() && !p.name().equals(RUN_PARAMETER))
                .forEach(p -> subject.put(p.name(), Objects.toString(p.value())));
        return subject;
    }

    private static String describe(JobParameters parameters) {
        Map<String, Object> subject = subject(parameters);
        return subject.isEmpty() ? "" : subject.toString();
    }

    /** One line that says why an execution did not complete, for stderr and the console. */
    public static String reason(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return "completed";
        }
        String cause = execution.getAllFailureExceptions().stream()
                .map(JobRunner::rootMessage)
                .findFirst()
                .orElseGet(() -> execution.getExitStatus().getExitDescription());
        String line = cause == null || cause.isBlank() ? "" : ": " + cause.lines().findFirst().orElse("");
        return execution.getJobInstance().getJobName() + " " + execution.getStatus().name().toLowerCase() + line;
    }

    /** The innermost message of a failure, which is the one that names the problem. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
