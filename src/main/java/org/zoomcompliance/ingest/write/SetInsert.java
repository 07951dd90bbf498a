package org.zoomcompliance.ingest.write;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.schema.StoredTable;

/**
 * A chunk of rows inserted by one statement: each column travels as one text array and {@code unnest} turns them
 * back into rows, so a chunk costs one round trip whatever its size. Natural keys decide duplicates
 * ({@code ON CONFLICT}); the statement reports how many rows it added. Rows are sent in the order of their natural
 * key: files are ingested side by side, and two chunks that insert some of the same keys then take them in the
 * same order, so one waits for the other instead of both waiting for each other.
 */
final class SetInsert<T> {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private final String sql;
    private final List<Column<T>> columns;
    /** The positions, in {@code columns}, of the natural key's columns. */
    private final int[] key;

    private SetInsert(String sql, List<Column<T>> columns, int[] key) {
        this.sql = sql;
        this.columns = columns;
        this.key = key;
    }

    /**
     * {@code insert ... on conflict <conflict>} with the source file id as last column; {@code key} names the
     * columns of the table's natural key.
     */
    static <T> SetInsert<T> of(StoredTable stored, List<Column<T>> columns, List<String> key, String conflict) {
        String table = stored.sqlName();
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        StringJoiner arrays = new StringJoiner(", ");
        StringJoiner aliases = new StringJoiner(", ");
        for (Column<T> column : columns) {
            names.add(column.name());
            values.add(column.expression().formatted("u." + column.name()));
            arrays.add("?::text[]");
            aliases.add(column.name());
        }
        String sql = "insert into " + table + " (" + names + ", source_file_id) select " + values + ", ? from unnest("
                + arrays + ") as u(" + aliases + ") " + conflict;
        int[] positions = key.stream().mapToInt(name -> {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("no column " + name + " in " + table + " for its natural key");
        }).toArray();
        return new SetInsert<>(sql, List.copyOf(columns), positions);
    }

    /** Inserts the rows; returns how many were added. */
    int insert(JdbcTemplate jdbc, List<T> rows, long sourceFileId) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = prepare(connection, rows, sourceFileId)) {
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Runs a statement ending in {@code returning meeting_id, start_time, <inserted>}; returns the keys of the rows
     * it inserted (not those it updated).
     */
    Set<String> insertReturningKeys(JdbcTemplate jdbc, List<T> rows, long sourceFileId) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
            Set<String> keys = new HashSet<>();
            try (PreparedStatement statement = prepare(connection, rows, sourceFileId);
                    ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    if (!result.getBoolean(3)) {
                        continue;
                    }
                    keys.add(result.getString(1) + "@" + result.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
            return keys;
        });
    }

    private PreparedStatement prepare(Connection connection, List<T> rows, long sourceFileId) throws SQLException {
        String[][] values = new String[columns.size()][rows.size()];
        for (int c = 0; c < columns.size(); c++) {
            for (int r = 0; r < rows.size(); r++) {
                values[c][r] = columns.get(c).textOf(rows.get(r));
            }
        }
        Integer[] order = new Integer[rows.size()];
        Arrays.setAll(order, r -> r);
        Arrays.sort(order, (a, b) -> {
            for (int c : key) {
                int compared = NULLS_FIRST.compare(values[c][a], values[c][b]);
                if (compared != 0) {
                    return compared;
                }
            }
            return 0;
        });
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, sourceFileId);
        for (int c = 0; c < columns.size(); c++) {
            String[] column = new String[rows.size()];
            for (int r = 0; r < order.length; r++) {
                column[r] = values[c][order[r]];
            }
            Array array = connection.createArrayOf("text", column);
            statement.setArray(c + 2, array);
        }
        return statement;
    }
}
