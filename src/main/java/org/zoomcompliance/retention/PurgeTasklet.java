package org.zoomcompliance.retention;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Runs the purges one batch per transaction. Each transaction deletes a batch, adds its count to the purge's
 * {@code retention_purge} row and saves the position in the step's execution context, all committed together: a
 * run killed mid-purge has recorded exactly what it deleted, and its restart continues the same record from the
 * same position.
 */
final class PurgeTasklet implements Tasklet {

    private static final String INDEX = "retention.purge.index";
    private static final String RECORD = "retention.purge.record";
    private static final String POSITION = "retention.purge.position";

    private final List<Purge> purges;
    private final JdbcTemplate jdbc;
    private final int batchSize;

    PurgeTasklet(List<Purge> purges, JdbcTemplate jdbc, int batchSize) {
        this.purges = List.copyOf(purges);
        this.jdbc = jdbc;
        this.batchSize = batchSize;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext state = step.getExecutionContext();
        int index = state.getInt(INDEX, 0);
        if (index >= purges.size()) {
            return RepeatStatus.FINISHED;
        }
        Purge purge = purges.get(index);
        Instant cutOff = purge.cutOff(asOf(step));
        long record = state.containsKey(RECORD) ? state.getLong(RECORD) : record(purge, cutOff, step.getJobExecutionId());
        Purge.Batch batch = purge.deleteBatch(cutOff, state.getLong(POSITION, 0L), batchSize);
        jdbc.update("update retention_purge set rows_removed = rows_removed + ? where id = ?", batch.removed(), record);
        contribution.incrementWriteCount(batch.removed());
        if (batch.removed() < batchSize) {
            state.putInt(INDEX, index + 1);
            state.remove(RECORD);
            state.remove(POSITION);
            return index + 1 < purges.size() ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
        }
        state.putLong(RECORD, record);
        state.putLong(POSITION, batch.position());
        return RepeatStatus.CONTINUABLE;
    }

    static LocalDate asOf(StepExecution step) {
        return LocalDate.parse(Objects.requireNonNull(step.getJobParameters().getString(Retention.AS_OF),
                "the job parameter " + Retention.AS_OF + " is required"));
    }

    private long record(Purge purge, Instant cutOff, long jobExecutionId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into retention_purge"
                    + " (table_name, rows_removed, cut_off, job_execution_id) values (?, 0, ?, ?)", new String[] {"id"});
            insert.setString(1, purge.name());
            insert.setTimestamp(2, Timestamp.from(cutOff));
            insert.setLong(3, jobExecutionId);
            return insert;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }
}
