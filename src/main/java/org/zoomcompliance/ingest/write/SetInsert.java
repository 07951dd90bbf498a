package org.zoomcompliance.ingest.write;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A chunk of rows inserted by one statement: each column travels as one text array and {@code unnest} turns them
 * back into rows, so a chunk costs one round trip whatever its size. Natural keys decide duplicates
 * ({@code ON CONFLICT}); the statement reports how many rows it added.
 */
final class SetInsert<T> {

    private final String sql;
    private final List<Column<T>> columns;

    private SetInsert(String sql, List<Column<T>> columns) {
        this.sql = sql;
        this.columns = columns;
    }

    /** {@code insert ... on conflict <conflict>} with the source file id as last column. */
    static <T> SetInsert<T> of(String table, List<Column<T>> columns, String conflict) {
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
        return new SetInsert<>(sql, List.copyOf(columns));
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

    /** Inserts the rows of a statement ending in {@code returning meeting_id, start_time}; returns those keys. */
    Set<String> insertReturningKeys(JdbcTemplate jdbc, List<T> rows, long sourceFileId) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
            Set<String> keys = new HashSet<>();
            try (PreparedStatement statement = prepare(connection, rows, sourceFileId);
                    ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    keys.add(result.getString(1) + "@" + result.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
            return keys;
        });
    }

    private PreparedStatement prepare(Connection connection, List<T> rows, long sourceFileId) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, sourceFileId);
        for (int c = 0; c < columns.size(); c++) {
            Column<T> column = columns.get(c);
            String[] values = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = column.textOf(rows.get(r));
            }
            Array array = connection.createArrayOf("text", values);
            statement.setArray(c + 2, array);
        }
        return statement;
    }
}
