package org.zoomcompliance.subject;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.ingest.normalise.Sanitiser;
import org.zoomcompliance.operations.AuditLog;

/**
 * What the DPO records on a deviation: a rectification note (GDPR art. 16: what the pipeline derived was wrong,
 * say a name judged unidentified), shown beside its evidence in the workbook; and a legal hold, which keeps the
 * deviation and the records it rests on through an erasure. Both are kept by the deviation's month, rule and
 * subject, so a re-evaluation keeps them. The text given is sanitised: an address in it never reaches a table.
 */
@Component
public class DeviationNotes {

    public static final String NOTE_ACTION = "DEVIATION_NOTE";
    public static final String HOLD_ACTION = "LEGAL_HOLD";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public DeviationNotes(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a note to a deviation (by its id, as the workbook and console list it). */
    public void note(long deviationId, String text, String actor) {
        record("deviation_note", "note", deviationId, text, actor);
        audit.record(actor, NOTE_ACTION, "deviation:" + deviationId, null, null);
    }

    /** Places a legal hold on a deviation: an erasure keeps it and the person's records of its meeting. */
    public void hold(long deviationId, String reason, String actor) {
        record("legal_hold", "reason", deviationId, reason, actor);
        audit.record(actor, HOLD_ACTION, "deviation:" + deviationId, null, null);
    }

    private void record(String table, String column, long deviationId, String text, String actor) {
        List<Map<String, Object>> found = jdbc.queryForList(
                "select month, rule_code, subject from deviation where id = ?", deviationId);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no deviation " + deviationId);
        }
        String clean = Sanitiser.redact(text == null ? "" : text.strip());
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("the text is empty");
        }
        Map<String, Object> d = found.get(0);
        String by = table.equals("legal_hold") ? "placed" : "noted";
        jdbc.update("insert into " + table + " (month, rule_code, subject, " + column + ", " + by + "_at, " + by
                + "_by) values (?, ?, ?, ?, ?, ?) on conflict do nothing", d.get("month"), d.get("rule_code"),
                d.get("subject"), clean, Timestamp.from(clock.instant()), actor);
    }
}
