package org.zoomcompliance.policy;

import java.time.Clock;
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
import org.zoomcompliance.month.MonthFacts;
import org.zoomcompliance.month.MonthRegister;
import org.zoomcompliance.month.MonthWindow;
import org.zoomcompliance.config.Policy;

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
                           MonthEvaluator evaluator, EvaluationPolicy evaluationPolicy, MonthRegister register,
                           Policy policy, Clock clock) {
        return new StepBuilder("evaluateMonthStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobParameters parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
                    YearMonth month = YearMonth.parse(parameters.getString(MONTH));
                    Set<String> rules = rules(parameters.getString(RULES));
                    LocalDate asOf = asOf(parameters.getString(AS_OF));
                    MonthFacts facts = evaluator.evaluate(month, rules, asOf);
                    evaluationPolicy.record(month);
                    // A whole evaluation says what the month was judged on; a check of some rules as of a day
                    // (the retention check of recordings) is recorded as such, beside it.
                    if (rules.isEmpty()) {
                        register.record(facts.stamped(clock.instant()), new MonthWindow(month, policy.zone()));
                    } else if (asOf != null) {
                        register.recordRecordingsCheck(month, asOf, facts.inventoryDate());
                    }
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
