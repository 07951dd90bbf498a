package org.zoomcompliance.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.operations.AuditLog;
import org.zoomcompliance.pull.Pull;
import org.zoomcompliance.pull.PullConfigurationException;
import org.zoomcompliance.pull.PullKind;
import org.zoomcompliance.pull.PullRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pull}: fetch days of data from Zoom's API (Server-to-Server OAuth) into the pipeline. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Pull days from Zoom's API (Server-to-Server OAuth) into the pipeline, as ingest does with exports.")
final class PullCommand extends PipelineCommand {

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day (UTC, as Zoom counts).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day, before today.")
    LocalDate to;

    @Option(names = "--kinds", split = ",", paramLabel = "KIND",
            description = "participants,dashboard,signins,operations,users,recordings (default: all of them).")
    List<String> kinds = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print what would be called and what the daily cap allows; call nothing.")
    boolean dryRun;

    private Set<PullKind> parsed = EnumSet.noneOf(PullKind.class);

    @Override
    protected String argumentProblem() {
        if (from.isAfter(to)) {
            return "--from " + from + " is after --to " + to;
        }
        try {
            parsed = kinds.stream().map(PullKind::of).collect(Collectors.toCollection(() -> EnumSet.noneOf(PullKind.class)));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    @Override
    protected int run(ConfigurableApplicationContext context) {
        Pull pull = context.getBean(Pull.class);
        AuditLog audit = context.getBean(AuditLog.class);
        PullRequest request = new PullRequest(from, to, parsed);
        String problem = request.problem(pull.today());
        if (problem != null) {
            audit.record(actor(), AuditLog.JOB_REFUSED, "pull", null, problem);
            return fail(ExitCodes.USAGE, problem);
        }
        if (!pull.configured()) {
            return fail(ExitCodes.CONFIGURATION, "Zoom's API is not configured: set zoom.api.account-id and"
                    + " zoom.api.client-id (ZOOM_API_ACCOUNT_ID, ZOOM_API_CLIENT_ID); see the README");
        }
        String kindsText = request.kinds().stream().map(PullKind::label).sorted().collect(Collectors.joining(","));
        if (dryRun) {
            out().println("dry run: kinds " + kindsText);
            pull.plan(request).forEach(out()::println);
            out().flush();
            return ExitCodes.OK;
        }
        audit.record(actor(), AuditLog.JOB_START, "pull", null, "from " + from + " to " + to + ", kinds " + kindsText);
        Pull.PullReport pulled;
        try {
            pulled = pull.pull(request, this::print);
        } catch (PullConfigurationException e) {
            return fail(ExitCodes.CONFIGURATION, e.getMessage());
        }
        IngestReport report = pulled.report();
        out().println(text("cli.pull.total", report.files().size(), report.rowsRead(), report.rowsIngested(),
                report.rowsRejected(), report.rowsDuplicate()));
        out().flush();
        if (pulled.stopped() != null) {
            return fail(ExitCodes.FAILED, "pull stopped: " + pulled.stopped());
        }
        if (!report.allCompleted()) {
            return fail(ExitCodes.FAILED, report.files().stream().filter(f -> f.status() == IngestReport.Status.FAILED)
                    .count() + " window(s) failed; run the same pull again to resume them");
        }
        return ExitCodes.OK;
    }

    /** One window's line, as ingest prints a file's. */
    private void print(IngestReport.FileOutcome window) {
        out().println(IngestCommand.fileLine(this, window));
        out().flush();
    }
}
