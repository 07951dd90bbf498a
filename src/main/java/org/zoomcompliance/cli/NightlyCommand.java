package org.zoomcompliance.cli;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.ingest.IngestProgress;
import org.zoomcompliance.nightly.NightlySummary;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;
import org.zoomcompliance.config.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nightly}: the scheduler's nightly run, on demand. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Ingest the inbox, evaluate the policy and apply retention, as the scheduler runs it.")
final class NightlyCommand extends PipelineCommand {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The night's date (default: today); it processes the exports up to the day before.")
    LocalDate date;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        LocalDate night = date != null ? date
                : LocalDate.now(context.getBean(Clock.class).withZone(context.getBean(Policy.class).zone()));
        context.getBean(IngestProgress.class).listen(this::print);
        JobExecution execution = context.getBean(JobControl.class).run(JobRequest.nightly(night), actor());
        out().println(text("cli.nightly.run", night, execution.getId(), execution.getStatus().name().toLowerCase()));
        for (StepExecution step : execution.getStepExecutions()) {
            out().printf("  %-24s %s%n", step.getStepName(), step.getStatus().name().toLowerCase());
        }
        NightlySummary.of(execution, messages()).forEach(out()::println);
        out().flush();
        return exitCodeOf(execution);
    }

    /** A progress line of the night's ingest, when it is long. */
    private synchronized void print(String progress) {
        out().println(progress);
        out().flush();
    }
}
