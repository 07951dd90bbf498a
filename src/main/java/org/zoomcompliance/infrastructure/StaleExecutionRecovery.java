package org.zoomcompliance.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Marks executions left STARTED or STOPPING by a crash as failed, so an operator can restart them, and removes job
 * instances left without any execution (by a launch that failed half way in an older version, or a kill between
 * Spring Batch's creation of an instance and of its execution): no list shows them, and every later launch of the
 * same subject would fail on them.
 *
 * <p>With the embedded database, a process that started the server with no other process using it admits none
 * until it is ready (see {@link EmbeddedPostgresServer}), so no other process can be running a job: every execution
 * still marked running was abandoned by a dead process. A process that joined a server already running, or one using
 * an external server, cannot tell that from here, and recovery is left to {@code jobs abandon ID} or the web console.
 * A launch of a subject still removes its own instance left without an execution (see {@link JobRunner}).
 */
@Component
public class StaleExecutionRecovery {

    private static final Logger log = LoggerFactory.getLogger(StaleExecutionRecovery.class);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final ObjectProvider<EmbeddedPostgresServer> embedded;
    private final JdbcTemplate jdbc;

    public StaleExecutionRecovery(JobRepository jobRepository, JobOperator jobOperator,
            ObjectProvider<EmbeddedPostgresServer> embedded, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.embedded = embedded;
        this.jdbc = jdbc;
    }

    /** Runs before other start-up listeners (the schedule's catch-up among them) so they find nothing stale. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void recoverAfterCrash() {
        EmbeddedPostgresServer server = embedded.getIfAvailable();
        if (server == null || !server.startedHere()) {
            return;
        }
        for (String jobName : jobRepository.getJobNames()) {
            for (JobExecution execution : jobRepository.findRunningJobExecutions(jobName)) {
                log.warn("recovering {} execution {} left {} by a process that stopped without finishing it",
                        jobName, execution.getId(), execution.getStatus());
                jobOperator.recover(execution);
            }
        }
        for (long id : jdbc.queryForList("""
                select i.job_instance_id from batch_job_instance i
                where not exists (select 1 from batch_job_execution e where e.job_instance_id = i.job_instance_id)
                order by i.job_instance_id""", Long.class)) {
            JobInstance instance = jobRepository.getJobInstance(id);
            log.warn("removing {} instance {}, left without an execution by a launch that failed",
                    instance.getJobName(), id);
            jobRepository.deleteJobInstance(instance);
        }
    }
}
