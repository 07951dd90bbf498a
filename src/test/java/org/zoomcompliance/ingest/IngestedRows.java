package org.zoomcompliance.ingest;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.schema.StoredTable;

/**
 * What ingestion stored for one file, as stable text to compare with a fixture's expected rows: every table's
 * rows for the file in line order, times in UTC, pseudonyms (which depend on the test home's key) shown as
 * {@code <pseudonym>}, key versions left out (see {@link #keyVersions}).
 */
final class IngestedRows {

    private static final List<String> TABLES = StoredTable.names();
    /** Not shown: surrogate keys, and the key version, which depends on the rotations other tests made. */
    private static final Set<String> SKIPPED = Set.of("id", "source_file_id", "quarantined_at", "key_version");

    private IngestedRows() {
    }

    static String dump(JdbcTemplate jdbc, String sha256) {
        StringBuilder out = new StringBuilder();
        Long id = jdbc.query("""
                select id, kind, layout, language, inventory_date, status, rows_read, rows_ingested, rows_rejected,
                       rows_duplicate, reasons from source_file where sha256 = ?""", rs -> {
            if (!rs.next()) {
                return null;
            }
            out.append("source_file: ").append(render(rs, Set.of("id"))).append('\n');
            return rs.getLong("id");
        }, sha256);
        if (id == null) {
            return "no source_file\n";
        }
        for (String table : TABLES) {
            // rows with a line in file order; the others by natural key (a chunk is written in key order)
            String order = switch (table) {
                case "meeting", "recording" -> "meeting_id, start_time";
                case "zoom_user", "host_activity" -> "email";
                default -> "line_number";
            };
            jdbc.query("select * from " + table + " where source_file_id = ? order by " + order, rs -> {
                out.append(table).append(": ").append(render(rs, SKIPPED)).append('\n');
            }, id);
        }
        return out.toString();
    }

    /** The key versions the file's pseudonyms were made with. */
    static List<Integer> keyVersions(JdbcTemplate jdbc, String sha256) {
        return jdbc.queryForList("""
                select distinct key_version from (
                    select key_version, source_file_id from participant_join
                    union all select key_version, source_file_id from dashboard_participant
                    union all select key_version, source_file_id from sign_in
                    union all select key_version, source_file_id from webinar_registration) r
                where source_file_id = (select id from source_file where sha256 = ?)""", Integer.class, sha256);
    }

    private static String render(ResultSet rs, Set<String> skipped) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        StringJoiner row = new StringJoiner(", ");
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnName(i);
            if (skipped.contains(name)) {
                continue;
            }
            Object value = rs.getObject(i);
            if (value == null) {
                continue;
            }
            row.add(name + "=" + text(rs, i, value));
        }
        return row.toString();
    }

    private static String text(ResultSet rs, int column, Object value) throws SQLException {
        if (value instanceof java.sql.Timestamp) {
            return rs.getObject(column, OffsetDateTime.class).toInstant().toString();
        }
        if (value instanceof Array array) {
            return Arrays.toString((Object[]) array.getArray());
        }
        String text = value.toString();
        return text.matches("[0-9a-f]{32}") ? "<pseudonym>" : text.replace("\n", "\\n");
    }
}
