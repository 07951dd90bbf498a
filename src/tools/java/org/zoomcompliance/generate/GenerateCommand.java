package org.zoomcompliance.generate;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.zoomcompliance.cli.ExitCodes;
import org.zoomcompliance.cli.ToolCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: Write synthetic exports of every kind, for demos and benchmarks. It needs neither the
 * database nor a home folder, so it does not start the application: a benchmark's data is ready in the time
 * it takes to write it. A tool: in the tools jar, found by the command line when that jar is on the class path.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write synthetic exports of every kind, for demos and benchmarks, with the planted "
                + "deviations listed in " + ExportGenerator.MANIFEST + ".")
public final class GenerateCommand implements Callable<Integer>, ToolCommand {

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
        GenerationSummary written;
        try {
            written = new ExportGenerator().generate(month, meetings, seed, out);
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("zoom-compliance generate: cannot write to " + out + ": "
                    + e.getCause().getMessage());
            return ExitCodes.FAILED;
        }
        PrintWriter summary = spec.commandLine().getOut();
        summary.printf("generated %s into %s (seed %d)%n", month, written.folder(), seed);
        summary.printf("  files               %,d (%,d bytes)%n", written.files(), written.bytes());
        summary.printf("  meetings            %,d%n", written.meetings());
        summary.printf("  participant joins   %,d%n", written.participantJoins());
        summary.printf("  dashboard rows      %,d%n", written.dashboardRows());
        summary.printf("  sign-ins            %,d%n", written.signIns());
        summary.printf("  operation logs      %,d%n", written.operationLogs());
        summary.printf("  users               %,d%n", written.users());
        summary.printf("  recordings          %,d%n", written.recordings());
        summary.printf("  rows                %,d%n", written.rows());
        summary.printf("  planted deviations  %,d (%s)%n", written.plantedDeviations(), ExportGenerator.MANIFEST);
        summary.flush();
        return ExitCodes.OK;
    }
}
