package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import java.time.YearMonth;
import picocli.CommandLine.Option;

/** {@code evaluate}: Evaluate the policy for a month; re-running replaces that month's results. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate the policy for a month; re-running replaces that month's results.")
final class EvaluateCommand extends PipelineCommand {

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month to evaluate.")
    YearMonth month;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        return notAvailable("evaluate");
    }
}
