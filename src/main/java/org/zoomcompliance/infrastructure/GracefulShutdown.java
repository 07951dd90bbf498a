package org.zoomcompliance.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;
import org.zoomcompliance.config.PipelineSettings;

/**
 * Stops this process's jobs cleanly when the application is asked to shut down ({@code SIGTERM}, a service
 * stop, Ctrl-C): Spring closes the context from its shutdown hook, and on that close, before any bean is stopped
 * or the database goes away, every running execution launched here is asked to stop and awaited. (The close
 * event, not a lifecycle stop: a lifecycle stop may be followed by a start, as when tests pause a context.) A chunk step ends at its next chunk boundary as
 * STOPPED, with everything committed so far kept, and starting the same parameters again restarts it there.
 *
 * <p>An execution still running after {@code zoom-compliance.shutdown-timeout} (default 60 s, under systemd's
 * usual 90 s) is left to fail when the database closes; the next start-up recovers it.
 */
@Component
public class GracefulShutdown implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final JobRunner jobRunner;
    private final Duration timeout;

    public GracefulShutdown(JobRunner jobRunner, PipelineSettings settings) {
        this.jobRunner = jobRunner;
        this.timeout = settings.shutdownTimeout();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        jobRunner.refuseNewLaunches();
        Instant deadline = Instant.now().plus(timeout);
        Set<Long> asked = new HashSet<>();
        try {
            // Looked at again each second: a launch may create its execution after the first look.
            boolean idle = false;
            while (!idle && Instant.now().isBefore(deadline)) {
                for (JobExecution execution : jobRunner.runningHere()) {
                    if (asked.add(execution.getId())) {
                        requestStop(execution);
                    }
                }
                Instant nextLook = Instant.now().plusSeconds(1);
                idle = jobRunner.awaitNoLaunch(nextLook.isBefore(deadline) ? nextLook : deadline);
            }
            if (!idle) {
                log.warn("shutdown: executions {} still running after {}; they will be recovered at the next start",
                        asked, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requestStop(JobExecution execution) {
        try {
            log.warn("shutdown requested: stopping {} execution {} at its next chunk boundary",
                    execution.getJobInstance().getJobName(), execution.getId());
            jobRunner.requestStop(execution);
        } catch (JobExecutionNotRunningException endedMeanwhile) {
            log.info("execution {} ended before it could be asked to stop", execution.getId());
        }
    }
}
