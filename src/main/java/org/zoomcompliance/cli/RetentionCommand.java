package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code retention}: Flag recordings kept too long and purge the pipeline data that has expired. */
@Command(name = "retention", mixinStandardHelpOptions = true, description = "Flag recordings kept too long and purge the pipeline data that has expired.")
final class RetentionCommand extends PipelineCommand {

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Judge retention as of this date (default: today).")
    LocalDate asOf;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        return notAvailable("retention");
    }
}
