package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/** {@code keys}: the pseudonymisation key. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Show or rotate the pseudonymisation key.",
        subcommands = {KeysCommand.Status.class, KeysCommand.Rotate.class})
final class KeysCommand extends CommandGroup {

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show key versions (never the secret).")
    static final class Status extends PipelineCommand {
        @Override
        protected int run(ConfigurableApplicationContext context) {
            return notAvailable("keys status");
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, description = "Start a new key version.")
    static final class Rotate extends PipelineCommand {
        @Override
        protected int run(ConfigurableApplicationContext context) {
            return notAvailable("keys rotate");
        }
    }
}
