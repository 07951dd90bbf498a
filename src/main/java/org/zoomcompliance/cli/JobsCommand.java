package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jobs}: operate job executions. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Operate job executions.",
        subcommands = {JobsCommand.List.class, JobsCommand.Restart.class, JobsCommand.Stop.class, JobsCommand.Abandon.class})
final class JobsCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List recent job executions.")
    static final class List extends PipelineCommand {
        @Override
        protected int run(ConfigurableApplicationContext context) {
            return notAvailable("jobs list");
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart a failed or stopped execution.")
    static final class Restart extends PipelineCommand {
        @Parameters(paramLabel = "ID", description = "The job execution id.")
        long id;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            return notAvailable("jobs restart");
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Ask a running execution to stop.")
    static final class Stop extends PipelineCommand {
        @Parameters(paramLabel = "ID", description = "The job execution id.")
        long id;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            return notAvailable("jobs stop");
        }
    }

    @Command(name = "abandon", mixinStandardHelpOptions = true, description = "Abandon an execution that must never be restarted.")
    static final class Abandon extends PipelineCommand {
        @Parameters(paramLabel = "ID", description = "The job execution id.")
        long id;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            return notAvailable("jobs abandon");
        }
    }
}
