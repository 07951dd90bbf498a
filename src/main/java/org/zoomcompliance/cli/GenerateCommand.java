package org.zoomcompliance.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.zoomcompliance.generate.ExportGenerator;
import org.zoomcompliance.generate.GenerationSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: Write synthetic exports of every kind, for demos and benchmarks. It needs neither the
 * database nor a home folder, so it does not start the application: a benchmark's data is ready in the time
 * it takes to write it.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write synthetic exports of every kind, for demos and benchmarks, with the planted "
                + "deviations listed in " + ExportGenerator.MANIFEST + ".")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month the exports cover.")
    YearMonth month;

    @Option(names = "--meetings", required = true, paramLabel = "N",
            description = "How many meeting occurrences (at least " + ExportGenerator.MINIMUM_MEETINGS
                    + "; about 36 joins and 17 sign-ins each).")
    int meetings;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the exports to.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: 1).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (meetings < ExportGenerator.MINIMUM_MEETINGS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--meetings must be at least " + ExportGenerator.MINIMUM_MEETINGS);
        }
        GenerationSummary summary = new ExportGenerator().generate(month, meetings, seed, out);
        var out = spec.commandLine().getOut();
        out.printf("generated %s into %s (seed %d)%n", month, summary.folder(), seed);
        out.printf("  files               %,d (%,d bytes)%n", summary.files(), summary.bytes());
        out.printf("  meetings            %,d%n", summary.meetings());
        out.printf("  participant joins   %,d%n", summary.participantJoins());
        out.printf("  dashboard rows      %,d%n", summary.dashboardRows());
        out.printf("  sign-ins            %,d%n", summary.signIns());
        out.printf("  operation logs      %,d%n", summary.operationLogs());
        out.printf("  users               %,d%n", summary.users());
        out.printf("  recordings          %,d%n", summary.recordings());
        out.printf("  rows                %,d%n", summary.rows());
        out.printf("  planted deviations  %,d (%s)%n", summary.plantedDeviations(), ExportGenerator.MANIFEST);
        out.flush();
        return ExitCodes.OK;
    }
}
