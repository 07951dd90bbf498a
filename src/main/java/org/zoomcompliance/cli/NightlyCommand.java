package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code nightly}: Ingest the inbox, evaluate the policy and apply retention, as the scheduler runs it. */
@Command(name = "nightly", mixinStandardHelpOptions = true, description = "Ingest the inbox, evaluate the policy and apply retention, as the scheduler runs it.")
final class NightlyCommand extends PipelineCommand {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day being processed (default: today).")
    LocalDate date;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        return notAvailable("nightly");
    }
}
