package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/** {@code serve}: Web console for the DPO and operators, with the built-in scheduler. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Web console for the DPO and operators, with the built-in scheduler.")
final class ServeCommand extends PipelineCommand {

    @Override
    protected boolean web() {
        return true;
    }

    @Override
    protected int run(ConfigurableApplicationContext context) {
        return notAvailable("serve");
    }
}
