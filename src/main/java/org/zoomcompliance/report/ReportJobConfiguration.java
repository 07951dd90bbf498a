package org.zoomcompliance.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.config.PipelineSettings;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.pseudonymisation.KeyManagement;

/**
 * The {@code reportJob}: one step that builds a month's DPO workbook, publishes it atomically and registers it.
 * Parameters: {@code month} (YYYY-MM, identifying), {@link JobRunner#RUN_PARAMETER} (identifying, makes a re-run
 * a new version), {@code out} (optional extra copy, not identifying).
 */
@Configuration(proxyBeanMethods = false)
public class ReportJobConfiguration {

    public static final String JOB_NAME = "reportJob";
    public static final String MONTH = "month";
    public static final String OUT = "out";

    /** Keys of the job's execution context that name the workbook it produced. */
    public static final String PATH_KEY = "report.path";
    public static final String VERSION_KEY = "report.version";
    public static final String SHA256_KEY = "report.sha256";

    @Bean
    DpoWorkbook dpoWorkbook(DataSource dataSource, PlatformTransactionManager transactionManager, Policy policy,
            KeyManagement keyManagement, Clock clock, PipelineSettings settings) {
        return new DpoWorkbook(dataSource, transactionManager, policy, keyManagement, clock,
                settings.report().maxRowsPerSheet());
    }

    @Bean
    ReportRegistry reportRegistry(DataSource dataSource) {
        return new ReportRegistry(new JdbcTemplate(dataSource));
    }

    @Bean
    ReportPublisher reportPublisher(HomeFolder home, DpoWorkbook dpoWorkbook, ReportRegistry reportRegistry,
            PlatformTransactionManager transactionManager) {
        return new ReportPublisher(home, dpoWorkbook, reportRegistry, transactionManager);
    }

    /** At start-up, puts in place a workbook a build killed between its registration and its publication left. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> reportReconciliation(ReportPublisher reportPublisher) {
        return event -> reportPublisher.reconcileLeftovers();
    }

    @Bean
    Step reportWorkbookStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReportPublisher reportPublisher) {
        // One tasklet call in one transaction: the workbook is read through cursors of that transaction; its
        // registration commits on its own before the file is published (see ReportPublisher). A restart builds the
        // whole workbook again.
        return new StepBuilder("reportWorkbookStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    Map<String, Object> parameters = chunkContext.getStepContext().getJobParameters();
                    YearMonth month = YearMonth.parse(String.valueOf(parameters.get(MONTH)));
                    Object out = parameters.get(OUT);
                    JobExecution execution = contribution.getStepExecution().getJobExecution();
                    ReportPublisher.Published published = reportPublisher.publish(month,
                            out == null || out.toString().isBlank() ? null : Path.of(out.toString()),
                            execution.getId());
                    contribution.incrementWriteCount(published.rows());
                    ReportEntry entry = published.entry();
                    execution.getExecutionContext().putString(PATH_KEY, entry.path().toString());
                    execution.getExecutionContext().putInt(VERSION_KEY, entry.version());
                    execution.getExecutionContext().putString(SHA256_KEY, entry.sha256());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Job reportJob(JobRepository jobRepository, Step reportWorkbookStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] {MONTH},
                        new String[] {JobRunner.RUN_PARAMETER, OUT}))
                .start(reportWorkbookStep)
                .build();
    }
}
