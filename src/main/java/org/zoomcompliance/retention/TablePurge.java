package org.zoomcompliance.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes a table's expired rows in id order, one batch per call: walking the primary key from the last id
 * deleted keeps every batch cheap however large the table, and makes the position a plain number to restart from.
 *
 * @param table        the table rows are deleted from
 * @param from         the {@code from} clause selecting candidates, the table aliased {@code t}
 * @param expired      the condition of an expired row, with one parameter: the cut-off
 * @param cutOffValue  the cut-off as the condition compares it (an instant, or a date in the institution's zone)
 * @param days         the limit in days
 */
record TablePurge(JdbcTemplate jdbc, ZoneId zone, String table, String from, String expired,
        Function<Instant, Object> cutOffValue, int days) implements Purge {

    @Override
    public String name() {
        return table;
    }


    @Override
    public Batch deleteBatch(Instant cutOff, long after, int limit) {
        String sql = """
                with doomed as (select t.id from %s where t.id > ? and %s order by t.id limit ?),
                     gone as (delete from %s where id in (select id from doomed) returning id)
                select count(*), coalesce(max(id), ?) from gone
                """.formatted(from, expired, table);
        return jdbc.queryForObject(sql, (row, n) -> new Batch(row.getLong(1), row.getLong(2)),
                after, cutOffValue.apply(cutOff), limit, after);
    }
}
