package org.zoomcompliance.ingest;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Last step of {@code ingestFileJob}: marks the file COMPLETED and sums up its rejections by reason, and the values
 * it kept as unknown by field, for the Data quality sheet. A file that yielded nothing because every row was
 * rejected (typically for one structural reason: no meeting ID anywhere, no date to anchor its times, rows shorter
 * than the header) is QUARANTINED as a whole with that summary instead, so it is set aside rather than reported
 * complete. A file the survey quarantined keeps its status and reason. The summary is kept as keys and arguments
 * (zc_rejection_counts, V58) beside its English text (docs/data-quality.md).
 */
final class FinishTasklet implements Tasklet {

    private final JdbcTemplate jdbc;

    FinishTasklet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long sourceFileId = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .getLong(SurveyTasklet.SOURCE_FILE_ID);
        jdbc.update("""
                update source_file f
                set status = case when nothing then 'QUARANTINED' else 'COMPLETED' end,
                    finished_at = now(), job_execution_id = ?,
                    reasons = case when nothing then 'nothing could be ingested, every row was rejected: ' || summary
                                   else summary end,
                    reasons_key = case when summary is null then null
                                       when nothing then 'ingest.reason.nothing-ingested-rejected'
                                       else 'ingest.reason.summary' end,
                    reasons_args = case when summary is not null then jsonb_build_array(counts) end
                from (select f.rows_ingested = 0 and f.rows_duplicate = 0 and f.rows_rejected > 0 as nothing,
                             zc_rejection_counts_text(f.id) as summary, zc_rejection_counts(f.id) as counts
                      from source_file f where f.id = ?) outcome
                where f.id = ? and f.status <> 'QUARANTINED'""",
                chunkContext.getStepContext().getStepExecution().getJobExecutionId(), sourceFileId, sourceFileId);
        return RepeatStatus.FINISHED;
    }
}
