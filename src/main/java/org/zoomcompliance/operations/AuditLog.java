package org.zoomcompliance.operations;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only, hash-chained audit trail ({@code audit_event}): who downloaded which report; who started,
 * restarted, stopped or abandoned which job from the console, the command line or the scheduler; every refused
 * launch; every failed or throttled sign-in. Triggers forbid changing, deleting or truncating rows, and chain each
 * new row to the one before (migration {@code V51}); {@link #verify()} checks the chain.
 */
@Component
public class AuditLog {

    /** Audit actions. */
    public static final String DOWNLOAD = "REPORT_DOWNLOAD";
    public static final String JOB_START = "JOB_START";
    public static final String JOB_RESTART = "JOB_RESTART";
    public static final String JOB_STOP = "JOB_STOP";
    public static final String JOB_ABANDON = "JOB_ABANDON";
    /** A launch, restart, stop or abandon that was refused; the detail says why. */
    public static final String JOB_REFUSED = "JOB_REFUSED";
    /** A sign-in with a wrong user name or password, or one refused while its user or client is throttled. */
    public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    /** A user or client locked out after too many failed sign-ins. */
    public static final String SIGN_IN_LOCKED = "SIGN_IN_LOCKED";

    /** The previous hash of the first row. */
    static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One audit event, as stored. */
    public record Event(long id, OffsetDateTime at, String actor, String action, String target, String sha256,
            String detail) {
    }

    /**
     * What {@link #verify()} found: the rows checked, the first broken one (null when intact) and why, and the
     * newest row's id and hash, which an operator can keep elsewhere to detect a rewrite of the whole chain.
     */
    public record Verification(long rows, Long brokenId, String problem, Long lastId, String lastHash) {

        public boolean intact() {
            return brokenId == null;
        }
    }

    /** Appends an event; {@code sha256} only for downloads. The database chains it to the row before. */
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

    /**
     * Checks the whole chain in one pass of the database: each row's hash must be that of its content and of the
     * hash of the row before it (the first row's "before" is all zeros).
     */
    public Verification verify() {
        List<Verification> broken = jdbc.query("""
                select id, previous_hash <> coalesce(before, ?) as unchained
                from (select id, previous_hash, row_hash, lag(row_hash) over (order by id) as before,
                             audit_event_digest(previous_hash, id, at, actor, action, target, sha256, detail) as digest
                      from audit_event) chain
                where previous_hash <> coalesce(before, ?) or row_hash <> digest
                order by id
                limit 1
                """, (rs, row) -> new Verification(0, rs.getLong("id"), rs.getBoolean("unchained")
                        ? "it does not follow the row before it: a row was removed, inserted or altered before it"
                        : "its content does not match its hash: the row was altered", null, null),
                GENESIS, GENESIS);
        return jdbc.queryForObject("""
                select count(*) as n,
                       (select id from audit_event order by id desc limit 1) as last_id,
                       (select row_hash from audit_event order by id desc limit 1) as last_hash
                from audit_event
                """, (rs, row) -> new Verification(rs.getLong("n"),
                        broken.isEmpty() ? null : broken.get(0).brokenId(),
                        broken.isEmpty() ? null : broken.get(0).problem(),
                        rs.getObject("last_id", Long.class), rs.getString("last_hash")));
    }
}
