package org.zoomcompliance.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.month.MonthRegister;

/**
 * The DPO workbook as other capabilities use it: build a month's workbook (through the {@code reportJob}), find
 * the registered versions of a month, and the month's deviations per rule for a summary line, read from the month
 * facts as the workbook reads them.
 */
@Service
public class MonthlyReport {

    private final JobRunner jobRunner;
    private final ReportRegistry registry;
    private final MonthRegister register;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MonthlyReport(JobRunner jobRunner, ReportRegistry registry, DataSource dataSource, Clock clock) {
        this.jobRunner = jobRunner;
        this.registry = registry;
        this.jdbc = new JdbcTemplate(dataSource);
        this.register = new MonthRegister(jdbc);
        this.clock = clock;
    }

    /**
     * Builds the month's workbook synchronously as its next version, with an extra copy at {@code out} when not
     * null (a folder receives the file under its own name). Returns the job execution, whatever its status.
     */
    public JobExecution build(YearMonth month, Path out) {
        return jobRunner.run(ReportJobConfiguration.JOB_NAME, parameters(month, out));
    }

    /** The parameters of a build, as this service, the console and the scheduler launch it. */
    public static JobParameters parameters(YearMonth month, Path out) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(ReportJobConfiguration.MONTH, month.toString());
        if (out != null) {
            parameters.addString(ReportJobConfiguration.OUT, out.toAbsolutePath().toString(), false);
        }
        return parameters.toJobParameters();
    }

    /** The workbook an execution of the report job produced, if it completed. */
    public Optional<ReportEntry> producedBy(JobExecution execution) {
        return registry.ofExecution(execution.getId());
    }

    /** The newest version of a month's workbook. */
    public Optional<ReportEntry> latest(YearMonth month) {
        return registry.latest(month);
    }

    /** Every registered version of a month's workbook, newest first; earlier files are named {@code .vN.xlsx}. */
    public List<ReportEntry> versions(YearMonth month) {
        return registry.versions(month);
    }

    /** The newest workbook of every month, newest month first. */
    public List<ReportEntry> latestOfEachMonth() {
        return registry.latestOfEachMonth();
    }

    /** The month's open deviations per rule code, in code order (rules without any are left out). */
    public Map<String, Long> deviationsPerRule(YearMonth month) {
        return counts(month).open();
    }

    /** The month's open deviations and those resolved this month, per rule, as the workbook's Summary counts them. */
    public MonthRegister.Counts counts(YearMonth month) {
        return register.counts(month);
    }

    /** Whether the month was evaluated with some input; a workbook of another month says "not evaluated". */
    public boolean evaluated(YearMonth month) {
        return register.evaluated(month);
    }

    /** The versions of a month whose file is kept (not purged, not superseded), oldest first. */
    public List<ReportEntry> kept(YearMonth month) {
        return registry.kept(month);
    }

    /**
     * After an erasure rebuilt the month as {@code newest}: deletes the files of its earlier kept versions, which
     * still hold the person, and marks their registry rows (kept as evidence) purged and superseded, and why.
     *
     * @return the versions whose file was deleted
     */
    public List<ReportEntry> supersede(YearMonth month, ReportEntry newest, String reason) {
        List<ReportEntry> superseded = new java.util.ArrayList<>();
        for (ReportEntry entry : registry.kept(month)) {
            if (entry.version() >= newest.version()) {
                continue;
            }
            try {
                java.nio.file.Files.deleteIfExists(entry.path());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot delete the superseded workbook "
                        + entry.path().getFileName() + ": " + e.getMessage(), e);
            }
            jdbc.update("update report set purged_at = ?, superseded_reason = ? where id = ?",
                    java.sql.Timestamp.from(clock.instant()), reason + " (replaced by version " + newest.version() + ")",
                    entry.id());
            superseded.add(entry);
        }
        return superseded;
    }
}
