package org.zoomcompliance.ingest;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Last step of {@code ingestFileJob}: marks the file COMPLETED and sums up its rejections by reason, and the values
 * it kept as unknown by field, for the Data quality sheet. A quarantined file keeps its status and reason.
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
                update source_file set status = 'COMPLETED', finished_at = now(), job_execution_id = ?,
                    reasons = (select string_agg(reason || ' (' || n || ')', '; ' order by n desc, reason)
                               from (select reason, count(*) n from quarantined_row
                                     where source_file_id = ? group by reason
                                     union all
                                     select 'unknown value in ' || field || ', row kept as unknown', rows
                                     from unknown_value where source_file_id = ?) r)
                where id = ? and status <> 'QUARANTINED'""",
                chunkContext.getStepContext().getStepExecution().getJobExecutionId(), sourceFileId, sourceFileId,
                sourceFileId);
        return RepeatStatus.FINISHED;
    }
}
