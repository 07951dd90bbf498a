package org.zoomcompliance.retention;

import java.sql.Timestamp;
import java.time.ZoneId;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.pseudonymisation.KeyManagement;

/**
 * Destroys the key versions no remaining row was pseudonymised with (after the purges, so that a version whose
 * last rows just expired goes too), recording each as a purge of one key.
 */
final class KeyDestructionTasklet implements Tasklet {

    /** What a destroyed key version is recorded as in {@code retention_purge}, followed by its number. */
    static final String NAME = "pseudonymisation key v";

    private final KeyManagement keys;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    KeyDestructionTasklet(KeyManagement keys, JdbcTemplate jdbc, ZoneId zone) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        Timestamp asOf = Timestamp.from(PurgeTasklet.asOf(step).atStartOfDay(zone).toInstant());
        for (int version : keys.destroyUnused()) {
            jdbc.update("insert into retention_purge (table_name, rows_removed, cut_off, job_execution_id)"
                    + " values (?, 1, ?, ?)", NAME + version, asOf, step.getJobExecutionId());
            contribution.incrementWriteCount(1);
        }
        return RepeatStatus.FINISHED;
    }
}
