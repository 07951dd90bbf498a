package org.zoomcompliance.report;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The {@code report} table: every workbook produced, by month and version; earlier versions stay listed. */
final class ReportRegistry {

    private static final String COLUMNS =
            "select id, month, version, path, sha256, size_bytes, generated_at, job_execution_id from report";
    private static final RowMapper<ReportEntry> ENTRY = ReportRegistry::entry;

    private final JdbcTemplate jdbc;

    ReportRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReportEntry> latest(YearMonth month) {
        return jdbc.query(COLUMNS + " where month = ? order by version desc limit 1", ENTRY, month.atDay(1))
                .stream().findFirst();
    }

    /** Every version of a month, newest first. */
    List<ReportEntry> versions(YearMonth month) {
        return jdbc.query(COLUMNS + " where month = ? order by version desc", ENTRY, month.atDay(1));
    }

    /** The versions of a month whose file is kept (not purged by retention), oldest first. */
    List<ReportEntry> kept(YearMonth month) {
        return jdbc.query(COLUMNS + " where month = ? and purged_at is null order by version", ENTRY, month.atDay(1));
    }

    /** Whether some registered version, of any month, has these bytes. */
    boolean isRegistered(String sha256) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from report where sha256 = ?)",
                Boolean.class, sha256));
    }

    /** The newest version of every month, newest month first. */
    List<ReportEntry> latestOfEachMonth() {
        return jdbc.query("select distinct on (month) id, month, version, path, sha256, size_bytes, generated_at,"
                + " job_execution_id from report order by month desc, version desc", ENTRY);
    }

    Optional<ReportEntry> ofExecution(long jobExecutionId) {
        return jdbc.query(COLUMNS + " where job_execution_id = ? order by version desc limit 1", ENTRY,
                jobExecutionId).stream().findFirst();
    }

    ReportEntry register(YearMonth month, Path path, String sha256, long sizeBytes, Long jobExecutionId) {
        // The month's row lock (through the newest version) keeps two concurrent builds from taking one number.
        jdbc.queryForList("select id from report where month = ? for update", Long.class, month.atDay(1));
        return jdbc.queryForObject("insert into report (month, version, path, sha256, size_bytes, job_execution_id)"
                + " values (?, (select coalesce(max(version), 0) + 1 from report where month = ?), ?, ?, ?, ?)"
                + " returning id, month, version, path, sha256, size_bytes, generated_at, job_execution_id",
                ENTRY, month.atDay(1), month.atDay(1), path.toString(), sha256, sizeBytes, jobExecutionId);
    }

    /** Records that an earlier version's file now lives under another name. */
    void moved(long id, Path path) {
        jdbc.update("update report set path = ? where id = ?", path.toString(), id);
    }

    private static ReportEntry entry(ResultSet rs, int row) throws SQLException {
        long execution = rs.getLong(8);
        Long jobExecutionId = rs.wasNull() ? null : execution;
        return new ReportEntry(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getInt(3),
                Path.of(rs.getString(4)), rs.getString(5), rs.getLong(6), rs.getObject(7, OffsetDateTime.class),
                jobExecutionId);
    }
}
