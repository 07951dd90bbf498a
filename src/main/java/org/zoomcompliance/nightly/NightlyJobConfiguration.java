package org.zoomcompliance.nightly;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.policy.PolicyEvaluation;
import org.zoomcompliance.retention.Retention;

/**
 * {@code nightlyJob}: the scheduler's nightly run as one job identified by its date, so a date runs once and a
 * failed night restarts where it stopped (completed steps are not run again).
 *
 * <p>Each step launches the capability's own job (one ingest job per file, the evaluate job per month, the
 * retention job). Those jobs commit on their own, so the steps run outside any transaction: a step joining
 * its inner jobs' chunks into one transaction would break their restart points.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    /** The identifying parameter: the date the night runs on (exports up to the day before). */
    public static final String DATE = "date";

    private static final String MONTHS = "nightly.months";
    private static final String RECORDING_RETENTION = "RECORDING_RETENTION_EXCEEDED";

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step nightlyIngestStep, Step nightlyEvaluateStep, Step nightlyRetentionStep) {
        return new JobBuilder(NightlyRun.JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] {DATE}, new String[0]))
                .start(nightlyIngestStep)
                .next(nightlyEvaluateStep)
                .next(nightlyRetentionStep)
                .build();
    }

    @Bean
    Step nightlyIngestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Ingestion ingestion,
                           NightlyMonths months) {
        return outsideTransaction("nightlyIngestStep", jobRepository, transactionManager, (contribution, chunk) -> {
            IngestReport report = ingestion.ingestInbox();
            // A restarted night keeps the months found by the attempt before (its files have left the inbox).
            Set<String> touched = new TreeSet<>();
            String before = jobContext(chunk).getString(MONTHS, "");
            if (!before.isEmpty()) {
                touched.addAll(Arrays.asList(before.split(",")));
            }
            months.toEvaluate(date(chunk), report).forEach(month -> touched.add(month.toString()));
            jobContext(chunk).putString(MONTHS, String.join(",", touched));
            if (!report.allCompleted()) {
                throw new NightlyStepException(report.files().stream().filter(f -> f.status() == IngestReport.Status.FAILED).count()
                        + " inbox file(s) did not finish ingesting; see `jobs list`, fix and run the night again");
            }
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step nightlyEvaluateStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             PolicyEvaluation evaluation) {
        return outsideTransaction("nightlyEvaluateStep", jobRepository, transactionManager, (contribution, chunk) -> {
            String months = jobContext(chunk).getString(MONTHS, YearMonth.from(date(chunk).minusDays(1)).toString());
            for (String month : new TreeSet<>(Arrays.asList(months.split(",")))) {
                requireCompleted(evaluation.evaluate(YearMonth.parse(month), Set.of(), null));
            }
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step nightlyRetentionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              PolicyEvaluation evaluation, Retention retention) {
        return outsideTransaction("nightlyRetentionStep", jobRepository, transactionManager, (contribution, chunk) -> {
            LocalDate date = date(chunk);
            requireCompleted(evaluation.evaluate(YearMonth.from(date), Set.of(RECORDING_RETENTION), date));
            requireCompleted(retention.apply(date));
            return RepeatStatus.FINISHED;
        });
    }

    private static Step outsideTransaction(String name, JobRepository jobRepository,
                                           PlatformTransactionManager transactionManager, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository)
                .tasklet(tasklet, transactionManager)
                .transactionAttribute(new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED))
                .build();
    }

    private static LocalDate date(ChunkContext chunk) {
        return LocalDate.parse(String.valueOf(chunk.getStepContext().getJobParameters().get(DATE)));
    }

    private static ExecutionContext jobContext(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    }

    private static void requireCompleted(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new NightlyStepException(JobRunner.reason(execution));
        }
    }

    /** A nightly step whose inner job did not complete; the message is the inner job's one-line reason. */
    static final class NightlyStepException extends RuntimeException {
        NightlyStepException(String message) {
            super(message);
        }
    }
}
