package org.zoomcompliance.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.ingest.IngestProgress;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.operations.JobControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ingest}: Ingest Zoom export files or folders (default: the home's inbox/). */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingest Zoom export files or folders (default: the home's inbox/).")
final class IngestCommand extends PipelineCommand {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Export files or folders; default: the inbox.")
    List<Path> paths = new ArrayList<>();

    @Override
    protected String argumentProblem() {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                return "no such file or folder: " + path;
            }
            if (!Files.isReadable(path)) {
                return "cannot read " + path;
            }
        }
        return null;
    }

    @Override
    protected int run(ConfigurableApplicationContext context) {
        context.getBean(IngestProgress.class).listen(this::print);
        IngestReport report = context.getBean(JobControl.class).ingest(paths, actor(), this::print);
        out().println(text("cli.ingest.total", report.files().size(), report.rowsRead(), report.rowsIngested(),
                report.rowsRejected(), report.rowsDuplicate()));
        out().flush();
        if (report.allCompleted()) {
            return ExitCodes.OK;
        }
        return fail(ExitCodes.FAILED, report.files().stream().filter(f -> f.status() == IngestReport.Status.FAILED)
                .count() + " file(s) failed; run ingest again to resume them");
    }

    /** A file's line: name, kind and status in columns, then its counts and any reason (pull prints windows so). */
    static String fileLine(PipelineCommand command, IngestReport.FileOutcome file) {
        // the reason in the institution's language, from the key ingest recorded (docs/data-quality.md)
        String reason = file.reason() == null ? null : file.reason().in(EvidenceText.of(command.messages().locale().getLanguage()));
        return command.text("cli.ingest.file", String.format("%-45s %-22s %-16s", file.fileName(),
                        file.kind() == null ? "-" : file.kind(), file.status()), file.rowsRead(), file.rowsIngested(),
                file.rowsRejected(), file.rowsDuplicate(), reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }

    /** A progress line of a long run. */
    private synchronized void print(String progress) {
        out().println(progress);
        out().flush();
    }

    /** One file's line, printed as soon as the file ends (files end on several threads). */
    private synchronized void print(IngestReport.FileOutcome file) {
        out().println(fileLine(this, file));
        out().flush();
    }
}
