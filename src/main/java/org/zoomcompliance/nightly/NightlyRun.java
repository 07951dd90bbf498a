package org.zoomcompliance.nightly;

import java.time.LocalDate;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Service;
import org.zoomcompliance.infrastructure.JobRunner;

/** Launches the nightly run for a date; a date that completed is refused, a failed one is restarted. */
@Service
public class NightlyRun {

    /** The name of the job a night runs as. */
    public static final String JOB_NAME = "nightlyJob";

    private final JobRunner jobRunner;

    public NightlyRun(JobRunner jobRunner) {
        this.jobRunner = jobRunner;
    }

    public JobExecution run(LocalDate date) {
        return jobRunner.run(JOB_NAME, parameters(date));
    }

    /** The parameters of a night: its date alone, so that a date runs once. */
    public static JobParameters parameters(LocalDate date) {
        return new JobParametersBuilder().addString(NightlyJobConfiguration.DATE, date.toString()).toJobParameters();
    }
}
