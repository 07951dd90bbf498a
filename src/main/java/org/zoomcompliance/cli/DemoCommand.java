package org.zoomcompliance.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.ingest.IngestProgress;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.report.MonthlyReport;
import org.zoomcompliance.report.ReportEntry;
import picocli.CommandLine.Command;

/** {@code demo}: the whole chain on the bundled sample month. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Ingest sample-data/, evaluate the policy, build the sample month's workbook; print a summary.")
final class DemoCommand extends PipelineCommand {

    private static final String SAMPLE_DATA = "sample-data";

    /**
     * The sample month goes with the sample institution's policy: installed as the home's policy when the home has
     * none, so that every later command (evaluate, report, serve) runs under the same one.
     */
    @Override
    protected void prepare(HomeFolder home) throws IOException {
        Optional<Path> sample = sampleData().map(folder -> folder.resolve("policy.yml"));
        if (sample.isPresent() && !Files.exists(home.policyFile())) {
            Files.copy(sample.get(), home.policyFile());
            out().println("installed the sample policy as " + home.policyFile());
        }
    }

    @Override
    protected int run(ConfigurableApplicationContext context) {
        Optional<Path> folder = sampleData();
        if (folder.isEmpty()) {
            return fail(ExitCodes.FAILED, "no sample-data/ folder here nor beside the jar's folder; run the demo from the"
                    + " project's folder");
        }
        JobControl jobControl = context.getBean(JobControl.class);
        context.getBean(IngestProgress.class).listen(line -> {
            out().println(line);
            out().flush();
        });
        IngestReport ingested = jobControl.ingest(List.of(folder.get()), actor());
        out().println(text("cli.demo.ingested", ingested.files().size(), folder.get(),
                count(ingested, IngestReport.Status.COMPLETED),
                count(ingested, IngestReport.Status.ALREADY_INGESTED), count(ingested, IngestReport.Status.QUARANTINED),
                count(ingested, IngestReport.Status.FAILED), ingested.rowsIngested(), ingested.rowsRejected(),
                ingested.rowsDuplicate()));

        YearMonth month = busiestMonth(context);
        JobExecution evaluation = jobControl.run(JobRequest.evaluate(month), actor());
        if (evaluation.getStatus() != BatchStatus.COMPLETED) {
            return exitCodeOf(evaluation);
        }
        MonthlyReport reports = context.getBean(MonthlyReport.class);
        JobExecution report = jobControl.run(JobRequest.report(month), actor());
        if (report.getStatus() != BatchStatus.COMPLETED) {
            return exitCodeOf(report);
        }
        ReportEntry entry = reports.producedBy(report).orElseThrow();
        out().println(text("cli.demo.evaluated", month, entry.version(), entry.path()));
        out().println(text("cli.demo.per-rule"));
        Map<String, Long> perRule = reports.deviationsPerRule(month);
        perRule.forEach((rule, count) -> out().printf("  %-36s %5d%n", rule, count));
        out().printf("  %-36s %5d%n", text("cli.demo.total"), perRule.values().stream().mapToLong(Long::longValue).sum());
        out().flush();
        return ingested.allCompleted() ? ExitCodes.OK : fail(ExitCodes.FAILED, "some sample files did not finish ingesting");
    }

    private static long count(IngestReport report, IngestReport.Status status) {
        return report.files().stream().filter(file -> file.status() == status).count();
    }

    /** The month most of the ingested meetings fall in: the sample month. */
    private static YearMonth busiestMonth(ConfigurableApplicationContext context) {
        String month = context.getBean(JdbcTemplate.class).queryForObject(
                "select to_char(start_time at time zone ?, 'YYYY-MM') from meeting group by 1 order by count(*) desc, 1 desc limit 1",
                String.class, context.getBean(Policy.class).zone().getId());
        return YearMonth.parse(month);
    }

    /** sample-data/ in the working folder, else beside the folder of the jar (target/../sample-data). */
    private static Optional<Path> sampleData() {
        Path here = Path.of(SAMPLE_DATA);
        if (Files.isDirectory(here)) {
            return Optional.of(here.toAbsolutePath());
        }
        try {
            Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent().getParent().resolve(SAMPLE_DATA);
            return Files.isDirectory(beside) ? Optional.of(beside) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
