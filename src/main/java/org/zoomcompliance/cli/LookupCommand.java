package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import java.time.YearMonth;
import picocli.CommandLine.Option;

/** {@code lookup}: Investigation: list the meetings an IP address appears in, without storing it. */
@Command(name = "lookup", mixinStandardHelpOptions = true, description = "Investigation: list the meetings an IP address appears in, without storing it.")
final class LookupCommand extends PipelineCommand {

    @Option(names = "--ip", required = true, paramLabel = "ADDRESS", description = "The address to look up.")
    String ip;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "Only this month.")
    YearMonth month;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        return notAvailable("lookup");
    }
}
