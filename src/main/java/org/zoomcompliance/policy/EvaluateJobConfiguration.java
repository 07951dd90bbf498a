package org.zoomcompliance.policy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code evaluateJob}: one step that evaluates a month in a single transaction, so a re-run replaces the
 * month's results atomically. Parameters: {@code month} (YYYY-MM, identifying), {@code run} (identifying, makes
 * a re-run distinct), {@code rules} (comma-separated codes, optional) and {@code asOf} (yyyy-MM-dd, optional).
 */
@Configuration(proxyBeanMethods = false)
class EvaluateJobConfiguration {

    static final String JOB = "evaluateJob";
    static final String MONTH = "month";
    static final String RULES = "rules";
    static final String AS_OF = "asOf";

    @Bean
    Job evaluateJob(JobRepository jobRepository, Step evaluateMonthStep) {
        return new JobBuilder(JOB, jobRepository).start(evaluateMonthStep).build();
    }

    @Bean
    Step evaluateMonthStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           MonthEvaluator evaluator, EvaluationPolicy evaluationPolicy) {
        return new StepBuilder("evaluateMonthStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobParameters parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
                    YearMonth month = YearMonth.parse(parameters.getString(MONTH));
                    evaluator.evaluate(month, rules(parameters.getString(RULES)), asOf(parameters.getString(AS_OF)));
                    evaluationPolicy.record(month);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    private static Set<String> rules(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(code -> !code.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static LocalDate asOf(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value);
    }
}
