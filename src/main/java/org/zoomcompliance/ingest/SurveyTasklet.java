package org.zoomcompliance.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ingest.normalise.FileContext;
import org.zoomcompliance.ingest.normalise.Sanitiser;
import org.zoomcompliance.ingest.read.DateShapes;
import org.zoomcompliance.ingest.read.FileSurvey;
import org.zoomcompliance.infrastructure.Sentence;
import org.zoomcompliance.ingest.read.Survey;
import org.zoomcompliance.ingest.write.DataPeriod;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/**
 * First step of {@code ingestFileJob}: takes the pseudonymisation key before anything else (no key, no row
 * written), surveys the file and records it in {@code source_file}, as INGESTING or, for a file rejected as a
 * whole, QUARANTINED with the reason. Hands the survey to the next steps through the job's context.
 */
final class SurveyTasklet implements Tasklet {

    static final String SOURCE_FILE_ID = "sourceFileId";
    static final String QUARANTINED = "quarantined";
    static final String ORDER = "dateOrder";
    static final String INVENTORY_DATE = "inventoryDate";

    private static final Set<ExportKind> DATED_BY_NAME =
            Set.of(ExportKind.RECORDINGS, ExportKind.USERS, ExportKind.HOST_ACTIVITY);

    private final PseudonymKeyStore keyStore;
    private final FileSurvey survey;
    private final DateShapes shapes;
    private final JdbcTemplate jdbc;
    private final Policy policy;
    private final Clock clock;
    private final FileLocations locations;

    SurveyTasklet(PseudonymKeyStore keyStore, FileSurvey survey, DateShapes shapes, JdbcTemplate jdbc, Policy policy,
            Clock clock, FileLocations locations) {
        this.keyStore = keyStore;
        this.survey = survey;
        this.shapes = shapes;
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
        this.locations = locations;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Sanitiser sanitiser = new Sanitiser(new Pseudonymiser(keyStore.current()));
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        JobParameters parameters = job.getJobParameters();
        Path path = locations.resolve(parameters);
        String fileName = FileNames.display(path);
        Survey found = survey.survey(path);
        LocalDate today = LocalDate.now(clock.withZone(policy.zone()));
        LocalDate inventoryDate = DATED_BY_NAME.contains(found.kind()) ? FileContext.inventoryDate(fileName, today) : null;
        String status = found.quarantined() ? "QUARANTINED" : "INGESTING";
        // the rows widen this period as they are written; a file rejected whole keeps what its name and text show
        DataPeriod period = FileDates.ofName(fileName, policy.zone());
        if (found.quarantined()) {
            try {
                period = DataPeriod.union(period, FileDates.ofText(path, shapes, policy.zone(), today));
            } catch (IOException unreadable) {
                // the survey said so already: the file is quarantined with its name's dates only
            }
        }
        Sentence reason = found.quarantined() ? found.quarantineReason().sanitised(sanitiser::sanitise) : null;
        Long id = jdbc.queryForObject("""
                insert into source_file (sha256, file_name, kind, layout, language, inventory_date, status, reasons,
                                         reasons_key, reasons_args, job_execution_id, finished_at, ingested_at,
                                         data_from, data_to)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, case when ? = 'QUARANTINED' then now() end, ?, ?, ?)
                on conflict (sha256) do update set file_name = excluded.file_name, kind = excluded.kind,
                    layout = excluded.layout, language = excluded.language, inventory_date = excluded.inventory_date,
                    status = excluded.status, reasons = excluded.reasons, reasons_key = excluded.reasons_key,
                    reasons_args = excluded.reasons_args, job_execution_id = excluded.job_execution_id,
                    finished_at = excluded.finished_at, data_from = excluded.data_from, data_to = excluded.data_to
                returning id""", Long.class,
                parameters.getString(IngestFileJobConfiguration.SHA256), Sanitiser.fileName(fileName),
                found.kind().name(), found.layout(),
                found.language(), inventoryDate, status, reason == null ? null : reason.english(),
                reason == null ? null : reason.key(), reason == null ? null : reason.arguments(), job.getId(),
                status, Timestamp.from(clock.instant()), period == null ? null : Timestamp.from(period.from()),
                period == null ? null : Timestamp.from(period.to()));
        ExecutionContext context = job.getExecutionContext();
        context.putLong(SOURCE_FILE_ID, id);
        context.put(QUARANTINED, found.quarantined());
        context.putString(ORDER, found.order() == null ? "" : found.order().name());
        context.putString(INVENTORY_DATE, inventoryDate == null ? "" : inventoryDate.toString());
        return RepeatStatus.FINISHED;
    }
}
