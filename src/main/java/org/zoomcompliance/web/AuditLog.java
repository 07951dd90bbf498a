package org.zoomcompliance.web;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only audit trail ({@code audit_event}; a trigger forbids changing or deleting a row): who downloaded
 * which report, who started, restarted, stopped or abandoned which job, from the web, the command line or the
 * scheduler.
 */
@Component
public class AuditLog {

    /** Audit actions. */
    public static final String DOWNLOAD = "REPORT_DOWNLOAD";
    public static final String JOB_START = "JOB_START";
    public static final String JOB_RESTART = "JOB_RESTART";
    public static final String JOB_STOP = "JOB_STOP";
    public static final String JOB_ABANDON = "JOB_ABANDON";

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One audit event, as stored. */
    public record Event(long id, OffsetDateTime at, String actor, String action, String target, String sha256,
            String detail) {
    }

    /** Appends an event; {@code sha256} only for downloads. */
    public void record(String actor, String action, String target, String sha256, String detail) {
        jdbc.update("insert into audit_event (actor, action, target, sha256, detail) values (?, ?, ?, ?, ?)",
                actor, action, target, sha256, detail);
    }

    /** The newest events first. */
    public List<Event> recent(int limit) {
        return jdbc.query("select id, at, actor, action, target, sha256, detail from audit_event"
                        + " order by id desc limit ?",
                (rs, row) -> new Event(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("sha256"), rs.getString("detail")),
                limit);
    }
}
