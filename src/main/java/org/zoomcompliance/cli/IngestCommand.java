package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/** {@code ingest}: Ingest Zoom export files or folders (default: the home's inbox/). */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingest Zoom export files or folders (default: the home's inbox/).")
final class IngestCommand extends PipelineCommand {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Export files or folders; default: the inbox.")
    List<Path> paths = new ArrayList<>();

    @Override
    protected int run(ConfigurableApplicationContext context) {
        return notAvailable("ingest");
    }
}
