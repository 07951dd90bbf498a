package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import java.nio.file.Path;
import java.time.YearMonth;
import picocli.CommandLine.Option;

/** {@code generate}: Write synthetic exports of every kind, for demos and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write synthetic exports of every kind, for demos and benchmarks.")
final class GenerateCommand extends PipelineCommand {

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month the exports cover.")
    YearMonth month;

    @Option(names = "--meetings", required = true, paramLabel = "N", description = "How many meeting occurrences.")
    int meetings;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the exports to.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: 1).")
    long seed;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        return notAvailable("generate");
    }
}
