package org.zoomcompliance.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.config.PipelineSettings;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.schema.StoredTable;
import org.zoomcompliance.policy.PolicyEvaluation;
import org.zoomcompliance.pseudonymisation.KeyManagement;

/**
 * {@code retentionJob}, the one retention flow whoever starts it (the command line, the console, the nightly run):
 * judges the recordings held against their profile's limit as of the date ({@code retentionJudgeStep}, the evaluate
 * job of {@code RECORDING_RETENTION_EXCEEDED} for the date's month), purges the pipeline's own data past the
 * policy's limits ({@code retentionPurgeStep}), then destroys the key versions no remaining row uses
 * ({@code retentionKeysStep}). Identified by {@code asOf} (yyyy-MM-dd) alone: a date runs once, a failed run of it
 * restarts at the step that failed.
 */
@Configuration(proxyBeanMethods = false)
class RetentionJobConfiguration {

    @Bean
    Job retentionJob(JobRepository jobRepository, Step retentionJudgeStep, Step retentionPurgeStep,
            Step retentionKeysStep) {
        return new JobBuilder(Retention.JOB_NAME, jobRepository)
                .validator(asOfValidator())
                .start(retentionJudgeStep)
                .next(retentionPurgeStep)
                .next(retentionKeysStep)
                .build();
    }

    /**
     * Runs the evaluate job of the recording-retention rule as of the date; outside any transaction, since that job
     * commits on its own. Its write count is the number of recordings found kept beyond their limit.
     */
    @Bean
    Step retentionJudgeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            PolicyEvaluation evaluation) {
        return new StepBuilder("retentionJudgeStep", jobRepository)
                .tasklet((contribution, chunk) -> {
                    LocalDate asOf = LocalDate.parse(chunk.getStepContext().getStepExecution().getJobParameters()
                            .getString(Retention.AS_OF));
                    YearMonth month = YearMonth.from(asOf);
                    JobExecution judged = evaluation.evaluate(month, Set.of(Retention.RECORDING_RULE), asOf);
                    if (judged.getStatus() != BatchStatus.COMPLETED) {
                        throw new IllegalStateException("recordings not judged: " + JobRunner.reason(judged));
                    }
                    contribution.incrementWriteCount(evaluation.summary(month).deviations()
                            .getOrDefault(Retention.RECORDING_RULE, 0));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .transactionAttribute(new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED))
                .build();
    }

    @Bean
    Step retentionPurgeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc, Policy policy, HomeFolder home,
            PipelineSettings settings) {
        return new StepBuilder("retentionPurgeStep", jobRepository)
                .tasklet(new PurgeTasklet(purges(jdbc, policy, home), jdbc, settings.retention().batchSize()),
                        transactionManager)
                .build();
    }

    @Bean
    Step retentionKeysStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            KeyManagement keys, JdbcTemplate jdbc, Policy policy) {
        return new StepBuilder("retentionKeysStep", jobRepository)
                .tasklet(new KeyDestructionTasklet(keys, jdbc, policy.zone()), transactionManager)
                .build();
    }

    /**
     * A remaining participant row {@code p} that may belong to the meeting occurrence {@code t}. The participant
     * purges ran first, so dated rows that remain joined after the cut-off: one of an old occurrence can only be a
     * join near its end (a meeting running across the cut-off). Rows of later occurrences of a recurring meeting
     * ID do not keep an old occurrence alive.
     */
    private static final String OF_THIS_OCCURRENCE = """
            p.meeting_id = t.meeting_id
            and (p.meeting_start = t.start_time
                 or p.meeting_start is null
                    and (p.join_time is null or p.join_time < coalesce(t.end_time, t.start_time) + interval '1 day'))""";

    /**
     * Every purge in the order it runs: the tables whose limit {@link StoredTable} declares, participant rows
     * before the meetings they keep alive (docs/policy.md, "Keys"), then deviations, processed files and reports.
     */
    static List<Purge> purges(JdbcTemplate jdbc, Policy policy, HomeFolder home) {
        ZoneId zone = policy.zone();
        Policy.Retention limits = policy.retention();
        Function<Instant, Object> instant = Timestamp::from;
        Function<Instant, Object> date = cutOff -> LocalDate.ofInstant(cutOff, zone);
        List<Purge> purges = new ArrayList<>();
        for (StoredTable table : StoredTable.values()) {
            if (table != StoredTable.MEETING) {
                table.retentionDays(limits).ifPresent(days -> purges.add(rowPurge(jdbc, zone, table, days)));
            }
        }
        purges.add(new TablePurge(jdbc, zone, StoredTable.MEETING.sqlName(), "meeting t", """
                t.start_time < ?
                and not exists (select 1 from participant_join p where %s)
                and not exists (select 1 from dashboard_participant p where %s)"""
                .formatted(OF_THIS_OCCURRENCE, OF_THIS_OCCURRENCE), instant,
                StoredTable.MEETING.retentionDays(limits).orElseThrow()));
        // A month of deviations goes as a whole, once its last day is past the limit.
        purges.add(new TablePurge(jdbc, zone, "deviation", "deviation t", "(t.month + interval '1 month')::date <= ?",
                date, limits.deviationDays()));
        purges.add(new ProcessedFilePurge(home.processed(), zone, limits.processedFileDays()));
        purges.add(new ReportPurge(jdbc, home.root(), zone, limits.reportDays()));
        return List.copyOf(purges);
    }

    /**
     * A table's rows older than {@code days} by the moment that places them in their month (docs/months.md), else,
     * for a row whose export gave no time, by its file's arrival. The moment names the table's own columns, so it is
     * written unqualified here, the table being the only one in scope outside the file's lookup.
     */
    private static TablePurge rowPurge(JdbcTemplate jdbc, ZoneId zone, StoredTable table, int days) {
        String expired = "coalesce(%s, (select f.ingested_at from source_file f where f.id = t.source_file_id)) < ?"
                .formatted(table.moment());
        return new TablePurge(jdbc, zone, table.sqlName(), table.sqlName() + " t", expired, Timestamp::from, days);
    }

    private static JobParametersValidator asOfValidator() {
        return parameters -> {
            String asOf = parameters.getString(Retention.AS_OF);
            if (asOf == null) {
                throw new InvalidJobParametersException("retentionJob needs the parameter " + Retention.AS_OF
                        + " (yyyy-MM-dd)");
            }
            try {
                LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new InvalidJobParametersException(Retention.AS_OF + " must be a date yyyy-MM-dd, not " + asOf);
            }
        };
    }
}
