package org.zoomcompliance.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.zoomcompliance.config.PipelineSettings;
import org.zoomcompliance.ingest.normalise.FileContext;
import org.zoomcompliance.ingest.normalise.RowNormaliser;
import org.zoomcompliance.ingest.normalise.SubjectDenyList;
import org.zoomcompliance.ingest.normalise.Rows.NormalisedRow;
import org.zoomcompliance.ingest.read.DateShapes;
import org.zoomcompliance.ingest.read.ExportItemReader;
import org.zoomcompliance.ingest.read.FileSurvey;
import org.zoomcompliance.ingest.read.HeaderAliases;
import org.zoomcompliance.ingest.write.IngestWriter;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/**
 * {@code ingestFileJob}: one job instance per file content (identifying parameter {@code sha256}; {@code path}
 * is not identifying, and recorded masked: the run opens its file through {@link FileLocations}). Steps: {@code ingestSurveyStep} (key first, then the survey and the file's
 * {@code source_file} record), {@code ingestRowsStep} (chunks of rows, restartable), {@code ingestFinishStep}.
 * A completed run of an inbox file moves it out of the inbox ({@link SettleInboxFile}), however it was launched.
 */
@Configuration(proxyBeanMethods = false)
public class IngestFileJobConfiguration {

    public static final String JOB_NAME = "ingestFileJob";
    public static final String SHA256 = "sha256";
    /** The file, in the lossless text form of {@link FileNames#parameter}. */
    public static final String PATH = "path";

    @Bean
    HeaderAliases headerAliases() {
        return HeaderAliases.load();
    }

    @Bean
    DateShapes dateShapes() {
        return DateShapes.load();
    }

    @Bean
    Job ingestFileJob(JobRepository jobRepository, Step ingestSurveyStep, Step ingestRowsStep, Step ingestFinishStep,
            InboxFiles inboxFiles, JdbcTemplate jdbc, FileLocations locations) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new SameContentValidator(locations))
                .listener(new SettleInboxFile(inboxFiles, jdbc))
                .start(ingestSurveyStep)
                .next(ingestRowsStep)
                .next(ingestFinishStep)
                .build();
    }

    @Bean
    Step ingestSurveyStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            PseudonymKeyStore keyStore, HeaderAliases aliases, DateShapes shapes, JdbcTemplate jdbc, Policy policy,
            Clock clock, FileLocations locations, PipelineSettings settings) {
        return new StepBuilder("ingestSurveyStep", jobRepository)
                .tasklet(new SurveyTasklet(keyStore, new FileSurvey(aliases, shapes,
                        settings.ingest().maxRecordLength()), shapes, jdbc,
                        policy, clock, locations), transactionManager)
                .build();
    }

    @Bean
    Step ingestRowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ExportItemReader<NormalisedRow> ingestRowsReader, IngestWriter ingestRowsWriter,
            PipelineSettings settings) {
        return new StepBuilder("ingestRowsStep", jobRepository)
                .<NormalisedRow, NormalisedRow>chunk(settings.ingest().chunkSize())
                .transactionManager(transactionManager)
                .reader(ingestRowsReader)
                .writer(ingestRowsWriter)
                .build();
    }

    @Bean
    Step ingestFinishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        return new StepBuilder("ingestFinishStep", jobRepository)
                .tasklet(new FinishTasklet(jdbc), transactionManager)
                .build();
    }

    /** Reads the file's rows and normalises them, read ahead of the writer (see {@link ExportItemReader}). */
    @Bean
    @StepScope
    ExportItemReader<NormalisedRow> ingestRowsReader(@Value("#{jobParameters['" + SHA256 + "']}") String sha256,
            @Value("#{jobParameters['" + PATH + "']}") String recordedPath,
            @Value("#{jobExecutionContext['" + SurveyTasklet.QUARANTINED + "']}") Boolean quarantined,
            @Value("#{jobExecutionContext['" + SurveyTasklet.ORDER + "']}") String order,
            @Value("#{jobExecutionContext['" + SurveyTasklet.INVENTORY_DATE + "']}") String inventoryDate,
            HeaderAliases aliases, DateShapes shapes, PseudonymKeyStore keyStore, Policy policy, Clock clock,
            FileLocations locations, PipelineSettings settings, JdbcTemplate jdbc) {
        Path path = locations.resolve(sha256, recordedPath);
        String fileName = FileNames.display(path);
        LocalDate inventory = inventoryDate == null || inventoryDate.isEmpty()
                ? LocalDate.now(clock.withZone(policy.zone())) : LocalDate.parse(inventoryDate);
        // a quarantined file was given no order: its reader reads nothing
        DateShapes.Order dateOrder = order == null || order.isEmpty()
                ? DateShapes.Order.MONTH_FIRST : DateShapes.Order.valueOf(order);
        FileContext file = new FileContext(fileName, policy.zone(), dateOrder, inventory,
                FileContext.meetingIdIn(fileName), policy.participants().pseudonymiseEmails());
        RowNormaliser normaliser = new RowNormaliser(file, shapes, new Pseudonymiser(keyStore.current()),
                SubjectDenyList.load(jdbc, keyStore));
        return new ExportItemReader<>(path, aliases, settings.ingest().maxRecordLength(), Boolean.TRUE.equals(quarantined),
                normaliser::normalise);
    }

    @Bean
    @StepScope
    IngestWriter ingestRowsWriter(@Value("#{jobExecutionContext['" + SurveyTasklet.SOURCE_FILE_ID + "']}") Long sourceFileId,
            JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Policy policy,
            PipelineSettings settings) {
        return new IngestWriter(jdbc, transactionManager, sourceFileId, settings.ingest().maxRejectedRows(),
                policy.zone());
    }
}
