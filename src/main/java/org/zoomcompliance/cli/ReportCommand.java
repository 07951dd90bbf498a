package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import java.nio.file.Path;
import java.time.YearMonth;
import picocli.CommandLine.Option;

/** {@code report}: Build the DPO workbook for a month. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Build the DPO workbook for a month.")
final class ReportCommand extends PipelineCommand {

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month to report on.")
    YearMonth month;

    @Option(names = "--out", paramLabel = "FILE", description = "Also copy the workbook here.")
    Path out;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        return notAvailable("report");
    }
}
