package org.zoomcompliance.infrastructure;

import java.util.Set;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersIncrementer;

/**
 * Which jobs are deliberately re-runnable for one subject, and how a new run of one gets an identity of its own:
 * {@link JobRunner} adds the incrementer's {@link JobRunner#RUN_PARAMETER} to a launch of such a job that does not
 * carry one (a restart carries its own). Every other job is identified by its business key alone. Declared once,
 * in {@code operations/JobIdentities}.
 */
public record JobRuns(Set<String> reRunnable, JobParametersIncrementer incrementer) {

    public JobRuns {
        reRunnable = Set.copyOf(reRunnable);
    }

    /** The parameters to launch with: a new run's identity added for a re-runnable job's new run. */
    JobParameters forLaunch(String jobName, JobParameters parameters) {
        if (!reRunnable.contains(jobName) || parameters.getParameter(JobRunner.RUN_PARAMETER) != null) {
            return parameters;
        }
        JobParameters next = incrementer.getNext(new JobParameters());
        return new JobParametersBuilder(parameters)
                .addLong(JobRunner.RUN_PARAMETER, next.getLong(JobRunner.RUN_PARAMETER))
                .toJobParameters();
    }
}
