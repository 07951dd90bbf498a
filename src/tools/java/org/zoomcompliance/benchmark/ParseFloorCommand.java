package org.zoomcompliance.benchmark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.zoomcompliance.cli.ExitCodes;
import org.zoomcompliance.cli.ToolCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parse-floor}: the benchmark's floor, a plain commons-csv parse of export files. Hidden: it is a
 * yardstick for {@code jobs/benchmark.sh}, not an operator's command, and it starts no application. A tool: in
 * the tools jar, found by the command line when that jar is on the class path.
 */
@Command(name = "parse-floor", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmark floor: parse export files with commons-csv only and print the rate.")
public final class ParseFloorCommand implements Callable<Integer>, ToolCommand {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Export files or folders.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        ParseFloor.Result result = new ParseFloor().parse(paths);
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("files %d%n", result.files());
        out.printf("records %d%n", result.records());
        out.printf("bytes %d%n", result.bytes());
        out.printf("characters %d%n", result.characters());
        out.printf("seconds %.3f%n", seconds);
        out.printf("records/s %.0f%n", result.records() / Math.max(seconds, 1e-9));
        out.flush();
        return ExitCodes.OK;
    }
}
