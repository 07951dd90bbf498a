package org.zoomcompliance.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
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
        JobExecution judged = context.getBean(PolicyEvaluation.class)
                .evaluate(YearMonth.from(date), Set.of("RECORDING_RETENTION_EXCEEDED"), date);
        if (judged.getStatus() != BatchStatus.COMPLETED) {
            return exitCodeOf(judged);
        }
        out().println("recordings judged as of " + date + ": "
                + context.getBean(PolicyEvaluation.class).summary(YearMonth.from(date)).deviations()
                        .getOrDefault("RECORDING_RETENTION_EXCEEDED", 0) + " kept beyond their profile's limit");
        Retention retention = context.getBean(Retention.class);
        JobExecution execution = retention.apply(date);
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
