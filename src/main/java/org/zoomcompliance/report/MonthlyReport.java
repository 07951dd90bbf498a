package org.zoomcompliance.report;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
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

/**
 * The DPO workbook as other capabilities use it: build a month's workbook (through the {@code reportJob}), find
 * the registered versions of a month, and the month's deviations per rule for a summary line.
 */
@Service
public class MonthlyReport {

    private final JobRunner jobRunner;
    private final ReportRegistry registry;
    private final JdbcTemplate jdbc;

    public MonthlyReport(JobRunner jobRunner, ReportRegistry registry, DataSource dataSource) {
        this.jobRunner = jobRunner;
        this.registry = registry;
        this.jdbc = new JdbcTemplate(dataSource);
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

    /** The month's deviations per rule code, in code order (rules without deviations are left out). */
    public Map<String, Long> deviationsPerRule(YearMonth month) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select rule_code, count(*) from deviation where month = ? group by rule_code order by rule_code",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, month.atDay(1));
        return counts;
    }
}
