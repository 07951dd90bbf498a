package org.zoomcompliance.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.month.MonthRegister;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;
import org.zoomcompliance.report.MonthlyReport;
import org.zoomcompliance.report.ReportEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: Build the DPO workbook for a month. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Build the DPO workbook for a month.")
final class ReportCommand extends PipelineCommand {

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month to report on.")
    YearMonth month;

    @Option(names = "--out", paramLabel = "FILE", description = "Also copy the workbook here.")
    Path out;

    @Option(names = "--anyway", description = "Build the workbook of a month that was not evaluated (or had no data);"
            + " it then says \"not evaluated\" wherever a count would be.")
    boolean anyway;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        MonthlyReport report = context.getBean(MonthlyReport.class);
        JobControl jobControl = context.getBean(JobControl.class);
        JobRequest request = JobRequest.report(month, out);
        // A month out of range is refused as such first; a month not evaluated is refused unless asked.
        jobControl.check(request, actor());
        boolean evaluated = report.evaluated(month);
        if (!evaluated && !anyway) {
            return fail(ExitCodes.FAILED, month + " was not evaluated (never, or no export covers it): evaluate it"
                    + " first, or build its workbook anyway with --anyway");
        }
        JobExecution execution = jobControl.run(request, actor());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            report.producedBy(execution).ifPresent(this::print);
            if (!evaluated) {
                out().println(text("cli.report.not-evaluated", month));
            } else {
                MonthRegister.Counts counts = report.counts(month);
                out().println(text("cli.report.open", counts.openTotal()));
                counts.open().forEach((rule, count) -> out().printf("  %-36s %d%n", rule, count));
                out().println(text("cli.report.resolved", counts.resolvedTotal()));
                counts.resolved().forEach((rule, count) -> out().printf("  %-36s %d%n", rule, count));
            }
            out().flush();
        }
        return exitCodeOf(execution);
    }

    private void print(ReportEntry entry) {
        out().println(text("cli.report.workbook", entry.path()));
        if (out != null) {
            Path copy = Files.isDirectory(out) ? out.resolve(entry.path().getFileName()) : out;
            out().println(text("cli.report.copy", copy.toAbsolutePath()));
        }
        out().println(text("cli.report.version", entry.version()));
        out().println("SHA-256:  " + entry.sha256());
    }
}
