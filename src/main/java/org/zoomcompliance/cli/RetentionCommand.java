package org.zoomcompliance.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.infrastructure.AlreadyCompletedException;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.policy.PolicyEvaluation;
import org.zoomcompliance.retention.Retention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retention}: Flag recordings kept too long and purge the pipeline data that has expired, as the retention
 * job does whoever starts it. A date applied already is said so, exit 0.
 */
@Command(name = "retention", mixinStandardHelpOptions = true, description = "Flag recordings kept too long and purge the pipeline data that has expired.")
final class RetentionCommand extends PipelineCommand {

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Judge retention as of this date (default: today).")
    LocalDate asOf;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        ZoneId zone = context.getBean(Policy.class).zone();
        LocalDate date = asOf != null ? asOf : LocalDate.now(context.getBean(Clock.class).withZone(zone));
        Retention retention = context.getBean(Retention.class);
        JobExecution execution;
        try {
            execution = context.getBean(JobControl.class).run(JobRequest.retention(date), actor());
        } catch (AlreadyCompletedException done) {
            if (done.executionId() == null) {
                throw done;
            }
            execution = context.getBean(JobRepository.class).getJobExecution(done.executionId());
            out().println(text("cli.retention.already-applied", date, execution.getId()));
            print(execution, retention, zone, context);
            return ExitCodes.OK;
        }
        out().println(text("cli.retention.run", date, execution.getId(), execution.getStatus().name().toLowerCase()));
        print(execution, retention, zone, context);
        return exitCodeOf(execution);
    }

    private void print(JobExecution execution, Retention retention, ZoneId zone, ConfigurableApplicationContext context) {
        LocalDate date = LocalDate.parse(execution.getJobParameters().getString(Retention.AS_OF));
        boolean judged = execution.getStepExecutions().stream().anyMatch(step ->
                step.getStepName().equals("retentionJudgeStep") && step.getStatus() == BatchStatus.COMPLETED);
        if (judged) {
            out().println("  " + text("cli.retention.recordings", date, context.getBean(PolicyEvaluation.class)
                    .summary(YearMonth.from(date)).deviations().getOrDefault(Retention.RECORDING_RULE, 0)));
        }
        for (Retention.PurgeRecord purge : retention.purges(execution)) {
            out().println("  " + text("cli.retention.purge", String.format("%-28s", purge.table()),
                    String.format("%10d", purge.rowsRemoved()), purge.cutOff().atZone(zone).toLocalDate()));
        }
        out().flush();
    }
}
