package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/** {@code demo}: the whole chain on the bundled sample month. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Ingest sample-data/, evaluate the policy, build the sample month's workbook; print a summary.")
final class DemoCommand extends PipelineCommand {

    @Override
    protected int run(ConfigurableApplicationContext context) {
        return notAvailable("demo");
    }
}
