package org.zoomcompliance.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
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

    @Override
    protected int run(ConfigurableApplicationContext context) {
        MonthlyReport report = context.getBean(MonthlyReport.class);
        JobExecution execution = context.getBean(JobControl.class)
                .run(JobRequest.report(month, out), actor());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            report.producedBy(execution).ifPresent(this::print);
            Map<String, Long> perRule = report.deviationsPerRule(month);
            out().println("Deviations per rule:" + (perRule.isEmpty() ? " none" : ""));
            perRule.forEach((rule, count) -> out().printf("  %-36s %d%n", rule, count));
            out().flush();
        }
        return exitCodeOf(execution);
    }

    private void print(ReportEntry entry) {
        out().println("Workbook: " + entry.path());
        if (out != null) {
            Path copy = Files.isDirectory(out) ? out.resolve(entry.path().getFileName()) : out;
            out().println("Copy:     " + copy.toAbsolutePath());
        }
        out().println("Version:  " + entry.version());
        out().println("SHA-256:  " + entry.sha256());
    }
}
