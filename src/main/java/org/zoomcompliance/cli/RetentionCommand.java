package org.zoomcompliance.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;
import org.zoomcompliance.policy.Policy;
import org.zoomcompliance.policy.PolicyEvaluation;
import org.zoomcompliance.retention.Retention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retention}: Flag recordings kept too long and purge the pipeline data that has expired. */
@Command(name = "retention", mixinStandardHelpOptions = true, description = "Flag recordings kept too long and purge the pipeline data that has expired.")
final class RetentionCommand extends PipelineCommand {

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Judge retention as of this date (default: today).")
    LocalDate asOf;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        ZoneId zone = context.getBean(Policy.class).zone();
        LocalDate date = asOf != null ? asOf : LocalDate.now(context.getBean(Clock.class).withZone(zone));
        JobControl jobControl = context.getBean(JobControl.class);
        Retention retention = context.getBean(Retention.class);
        // The date is checked before the recordings are judged as of it, not only once they were.
        jobControl.check(JobRequest.retention(date, retention), actor());
        JobExecution judged = jobControl.run(JobRequest.evaluate(YearMonth.from(date),
                Set.of("RECORDING_RETENTION_EXCEEDED"), date, context.getBean(Clock.class)), actor());
        if (judged.getStatus() != BatchStatus.COMPLETED) {
            return exitCodeOf(judged);
        }
        out().println("recordings judged as of " + date + ": "
                + context.getBean(PolicyEvaluation.class).summary(YearMonth.from(date)).deviations()
                        .getOrDefault("RECORDING_RETENTION_EXCEEDED", 0) + " kept beyond their profile's limit");
        JobExecution execution = jobControl.run(JobRequest.retention(date, retention), actor());
        out().println("retention as of " + date + " (execution " + execution.getId() + ", "
                + execution.getStatus().name().toLowerCase() + ")");
        for (Retention.PurgeRecord purge : retention.purges(execution)) {
            out().printf("  %-28s %10d removed, older than %s%n", purge.table(), purge.rowsRemoved(),
                    purge.cutOff().atZone(zone).toLocalDate());
        }
        out().flush();
        return exitCodeOf(execution);
    }
}
