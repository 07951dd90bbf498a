package org.zoomcompliance.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes DPO workbooks older than the limit and marks their registry rows purged; the registry keeps month,
 * version and SHA-256 as evidence of what existed. A relative path in the registry is relative to the home.
 */
record ReportPurge(JdbcTemplate jdbc, Path home, ZoneId zone, int days) implements Purge {

    static final String NAME = "report";

    private record Registered(long id, String path) {
    }

    @Override
    public String name() {
        return NAME;
    }


    @Override
    public Batch deleteBatch(Instant cutOff, long after, int limit) {
        List<Registered> expired = jdbc.query("""
                select id, path from report
                where id > ? and purged_at is null and generated_at < ?
                order by id limit ?
                """, (row, n) -> new Registered(row.getLong(1), row.getString(2)), after, Timestamp.from(cutOff), limit);
        long position = after;
        for (Registered report : expired) {
            Path file = home.resolve(report.path());
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the report " + file, e);
            }
            jdbc.update("update report set purged_at = now() where id = ?", report.id());
            position = report.id();
        }
        return new Batch(expired.size(), position);
    }
}
