package org.zoomcompliance.nightly;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.infrastructure.Sentence;
import org.zoomcompliance.policy.PolicyEvaluation;
import org.zoomcompliance.pull.Pull;
import org.zoomcompliance.pull.PullRequest;
import org.zoomcompliance.retention.Retention;

/**
 * {@code nightlyJob}: the scheduler's nightly run as one job identified by its date, so a date runs once: the day
 * before pulled from Zoom's API when an app is configured, the inbox ingested, the months touched evaluated,
 * retention applied.
 *
 * <p>Each step launches the capability's own job (one ingest job per file, the evaluate job per month, the
 * retention job). Those jobs commit on their own, so the steps run outside any transaction: a step joining
 * its inner jobs' chunks into one transaction would break their restart points.
 *
 * <p>A bad night still does its work: a file quarantined is an outcome, not a failure; a file whose ingest failed
 * (it stays in the inbox) or a month whose evaluation failed does not stop the steps after it. A file that failed
 * past the rejected-rows limit fails its first night only: later nights leave it in the inbox untried while the
 * limit is unchanged, and name it in their summary ({@link Ingestion#ingestInboxUnattended()}). The night ends with
 * a summary naming what was quarantined ({@link NightlySummary}) and is FAILED only when something did not run. A
 * failed night restarts by ingesting the inbox and evaluating again (both are safe to repeat); retention, once
 * applied for the date, is not applied again.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NightlyJobConfiguration.class);

    /** The identifying parameter: the date the night runs on (exports up to the day before). */
    public static final String DATE = "date";

    private static final String MONTHS = "nightly.months";
    /** Files quarantined by any attempt of the night, one {@code name: reason} per line. */
    static final String QUARANTINED = "nightly.quarantined";
    /** What the last attempt's pull from Zoom's API did not do, one per line. */
    static final String PULL_PROBLEMS = "nightly.pullProblems";
    /**
     * Files the last attempt left in the inbox without trying them: they failed past the rejected-rows limit on an
     * earlier night, which does not fail this one; one {@code name: reason} per line.
     */
    static final String SKIPPED = "nightly.skipped";
    /** What the last attempt's ingest did not do, one per line. */
    static final String INGEST_PROBLEMS = "nightly.ingestProblems";
    /** The months the last attempt could not evaluate, one per line. */
    static final String EVALUATE_PROBLEMS = "nightly.evaluateProblems";

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step nightlyPullStep, Step nightlyIngestStep, Step nightlyEvaluateStep,
                   Step nightlyRetentionStep) {
        return new JobBuilder(NightlyRun.JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] {DATE}, new String[0]))
                .listener(new NightlySummary.Verdict())
                .start(nightlyPullStep)
                .next(nightlyIngestStep)
                .next(nightlyEvaluateStep)
                .next(nightlyRetentionStep)
                .build();
    }

    /**
     * Pulls the day before from Zoom's API when an app is configured (README, Pulling from Zoom's API); nothing
     * otherwise. A window that fails, or a pull that cannot run, does not stop the inbox, the evaluation or retention:
     * the night's end says what did not run, and the next attempt (or night) pulls it again.
     */
    @Bean
    Step nightlyPullStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Pull pull,
                         NightlyMonths months) {
        return outsideTransaction("nightlyPullStep", jobRepository, transactionManager, (contribution, chunk) -> {
            ExecutionContext context = jobContext(chunk);
            if (!pull.configured()) {
                context.putString(PULL_PROBLEMS, "");
                return RepeatStatus.FINISHED;
            }
            LocalDate day = date(chunk).minusDays(1);
            List<String> problems = new ArrayList<>();
            try {
                PullRequest request = new PullRequest(day, day, Set.of());
                String refused = request.problem(pull.today());
                if (refused != null) {
                    problems.add("pull of " + day + " did not run: " + refused);
                } else {
                    Pull.PullReport pulled = pull.pull(request, window -> { });
                    Set<String> touched = new TreeSet<>(lines(context.getString(MONTHS, ""), ","));
                    months.toEvaluate(date(chunk), pulled.report()).forEach(month -> touched.add(month.toString()));
                    context.putString(MONTHS, String.join(",", touched));
                    for (IngestReport.FileOutcome window : pulled.report().files()) {
                        if (window.status() == IngestReport.Status.FAILED) {
                            problems.add(NightlySummary.line(window.fileName(),
                                    Sentence.of("ingest.reason.pull-failed", window.reason())));
                        }
                    }
                    if (pulled.stopped() != null) {
                        problems.add("pull of " + day + " stopped: " + pulled.stopped());
                    }
                }
            } catch (RuntimeException e) {
                log.warn("the night's pull could not run", e);
                problems.add("pull of " + day + " could not run: " + JobRunner.rootMessage(e));
            }
            context.putString(PULL_PROBLEMS, String.join("\n", problems));
            return RepeatStatus.FINISHED;
        }, true);
    }

    @Bean
    Step nightlyIngestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Ingestion ingestion,
                           NightlyMonths months) {
        return outsideTransaction("nightlyIngestStep", jobRepository, transactionManager, (contribution, chunk) -> {
            ExecutionContext context = jobContext(chunk);
            IngestReport report;
            try {
                report = ingestion.ingestInboxUnattended();
            } catch (RuntimeException e) {
                // the night still evaluates and applies retention; its end says ingest did not run
                log.warn("the night's ingest could not run", e);
                context.putString(INGEST_PROBLEMS, "ingest could not run: " + JobRunner.rootMessage(e));
                return RepeatStatus.FINISHED;
            }
            // A restarted night keeps the months and quarantined files found by the attempt before (its files have
            // left the inbox).
            Set<String> touched = new TreeSet<>(lines(context.getString(MONTHS, ""), ","));
            months.toEvaluate(date(chunk), report).forEach(month -> touched.add(month.toString()));
            context.putString(MONTHS, String.join(",", touched));
            Set<String> quarantined = new LinkedHashSet<>(lines(context.getString(QUARANTINED, ""), "\n"));
            List<String> failed = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (IngestReport.FileOutcome file : report.files()) {
                if (file.status() == IngestReport.Status.QUARANTINED) {
                    quarantined.add(NightlySummary.line(file.fileName(), file.reason()));
                } else if (file.status() == IngestReport.Status.SKIPPED) {
                    skipped.add(NightlySummary.line(file.fileName(), file.reason()));
                } else if (file.status() == IngestReport.Status.FAILED) {
                    failed.add(NightlySummary.line(file.fileName(),
                            Sentence.of("ingest.reason.ingest-failed", file.reason())));
                }
            }
            context.putString(QUARANTINED, String.join("\n", quarantined));
            context.putString(INGEST_PROBLEMS, String.join("\n", failed));
            context.putString(SKIPPED, String.join("\n", skipped));
            return RepeatStatus.FINISHED;
        }, true);
    }

    @Bean
    Step nightlyEvaluateStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             PolicyEvaluation evaluation) {
        return outsideTransaction("nightlyEvaluateStep", jobRepository, transactionManager, (contribution, chunk) -> {
            String months = jobContext(chunk).getString(MONTHS, YearMonth.from(date(chunk).minusDays(1)).toString());
            List<String> failed = new ArrayList<>();
            for (String month : new TreeSet<>(Arrays.asList(months.split(",")))) {
                // a month that fails or is refused does not stop the other months, nor retention after them
                try {
                    JobExecution execution = evaluation.evaluate(YearMonth.parse(month), Set.of(), null);
                    if (execution.getStatus() != BatchStatus.COMPLETED) {
                        failed.add(month + " not evaluated: " + JobRunner.reason(execution));
                    }
                } catch (JobRefusedException e) {
                    failed.add(month + " not evaluated: " + e.getMessage());
                }
            }
            jobContext(chunk).putString(EVALUATE_PROBLEMS, String.join("\n", failed));
            return RepeatStatus.FINISHED;
        }, true);
    }

    /** The retention job of the date, as the command line and the console launch it (it judges recordings first). */
    @Bean
    Step nightlyRetentionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              Retention retention) {
        return outsideTransaction("nightlyRetentionStep", jobRepository, transactionManager, (contribution, chunk) -> {
            requireCompleted(retention.apply(date(chunk)));
            return RepeatStatus.FINISHED;
        }, false);
    }

    private static Step outsideTransaction(String name, JobRepository jobRepository,
                                           PlatformTransactionManager transactionManager, Tasklet tasklet,
                                           boolean repeatedOnRestart) {
        return new StepBuilder(name, jobRepository)
                .tasklet(tasklet, transactionManager)
                .transactionAttribute(new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED))
                .allowStartIfComplete(repeatedOnRestart)
                .build();
    }

    private static List<String> lines(String joined, String separator) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator));
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
