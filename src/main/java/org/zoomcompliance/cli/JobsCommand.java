package org.zoomcompliance.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.ingest.normalise.Sanitiser;
import org.zoomcompliance.operations.ExecutionView;
import org.zoomcompliance.operations.JobControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs}: operate job executions (the same job control as the web console, audited as {@code cli:USER}). */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Operate job executions.",
        subcommands = {JobsCommand.List.class, JobsCommand.Restart.class, JobsCommand.Stop.class, JobsCommand.Abandon.class})
final class JobsCommand extends CommandGroup {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List recent job executions, newest first.")
    static final class List extends PipelineCommand {
        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            java.util.List<ExecutionView> executions = context.getBean(JobControl.class).recent(Math.max(1, limit));
            if (executions.isEmpty()) {
                out().println(text("cli.jobs.none"));
            }
            for (ExecutionView e : executions) {
                out().println(text("cli.jobs.execution", String.format("%6d  %-14s %-10s %-19s  %-19s", e.id(),
                                e.jobName(), e.status(), time(e.start()), time(e.end())), e.readCount(), e.writeCount(),
                        e.skipCount(), Sanitiser.redact(e.parameters()),
                        e.exitMessage().isEmpty() ? "" : "  " + Sanitiser.redact(e.exitMessage()),
                        e.restartedAs() == null ? "" : "  " + text("cli.jobs.restarted-as", e.restartedAs())));
            }
            return ExitCodes.OK;
        }

        private static String time(LocalDateTime time) {
            return time == null ? "-" : TIME.format(time);
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = "Restart a failed or stopped execution from its last committed chunk, and wait for its end.")
    static final class Restart extends PipelineCommand {
        @Parameters(paramLabel = "ID", description = "The job execution id.")
        long id;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            JobExecution execution = context.getBean(JobControl.class).restart(id, actor());
            out().println(text("cli.jobs.restarted", id, execution.getId(), execution.getStatus()));
            return exitCodeOf(execution);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Ask a running execution to stop at its next chunk boundary (restart it later).")
    static final class Stop extends PipelineCommand {
        @Parameters(paramLabel = "ID", description = "The job execution id.")
        long id;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            context.getBean(JobControl.class).stop(id, actor());
            out().println(text("cli.jobs.stopping", id));
            return ExitCodes.OK;
        }
    }

    @Command(name = "abandon", mixinStandardHelpOptions = true,
            description = "Abandon a failed or stopped execution: it will never be restarted.")
    static final class Abandon extends PipelineCommand {
        @Parameters(paramLabel = "ID", description = "The job execution id.")
        long id;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            context.getBean(JobControl.class).abandon(id, actor());
            out().println(text("cli.jobs.abandoned", id));
            return ExitCodes.OK;
        }
    }
}
