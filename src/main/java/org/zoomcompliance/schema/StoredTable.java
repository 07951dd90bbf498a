package org.zoomcompliance.schema;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.zoomcompliance.config.Policy;

/**
 * The tables ingestion writes export rows to, each declared once with what the other capabilities need to know of
 * it (docs/guide-export-kind.md): the moment a row belongs to, whether its rows carry pseudonyms made with a key
 * version (key management, the Register), whether they are a person's own rows (access, erasure) and whether a
 * restriction hides them, and the {@code retention.*} limit after which retention deletes them. {@code StoredTableTest}
 * checks the declarations against the migrated schema, so a new table with pseudonyms cannot be left out of key
 * management, nor a person's rows out of retention.
 */
public enum StoredTable {

    MEETING("meeting", "start_time", Policy.Retention::participantDays),
    PARTICIPANT_JOIN("participant_join", StoredTable.JOIN_MOMENT, Policy.Retention::participantDays,
            Trait.PSEUDONYMISED, Trait.PERSONAL, Trait.RESTRICTABLE),
    DASHBOARD_PARTICIPANT("dashboard_participant", StoredTable.JOIN_MOMENT, Policy.Retention::participantDays,
            Trait.PSEUDONYMISED, Trait.PERSONAL, Trait.RESTRICTABLE),
    SIGN_IN("sign_in", "event_time", Policy.Retention::signInDays, Trait.PSEUDONYMISED, Trait.PERSONAL,
            Trait.RESTRICTABLE),
    WEBINAR_REGISTRATION("webinar_registration", "coalesce(webinar_start, registration_time)",
            Policy.Retention::participantDays, Trait.PSEUDONYMISED, Trait.PERSONAL, Trait.RESTRICTABLE),
    // Pulled only (docs/exports.md): the features of an occurrence; hosts in clear, as in meeting, no participant.
    HISTORY_MEETING("history_meeting", "start_time", Policy.Retention::participantDays),
    // Pulled only: a person's answer to a meeting's notice, found by e-mail, left out of evaluation by a
    // restriction and removed by an erasure.
    DISCLAIMER_RESPONSE("disclaimer_response", "coalesce(meeting_start, response_time)",
            Policy.Retention::participantDays, Trait.PSEUDONYMISED, Trait.PERSONAL, Trait.RESTRICTABLE),
    // A users export is a snapshot: the latest one says who has an account today, so snapshots are replaced by
    // later ones and removed by an erasure, not aged out (docs/policy.md, "Keys").
    ZOOM_USER("zoom_user", "snapshot_date", null, Trait.PERSONAL),
    HOST_ACTIVITY("host_activity", "snapshot_date", null, Trait.PERSONAL),
    // The recordings inventory is what RECORDING_RETENTION_EXCEEDED judges; it holds no participant.
    RECORDING("recording", "start_time", null),
    OPERATION_LOG("operation_log", "event_time", Policy.Retention::operationLogDays),
    QUARANTINED_ROW("quarantined_row", "quarantined_at", Policy.Retention::quarantineDays, Trait.PERSONAL);

    /** The moment a participant's row belongs to (docs/months.md): its join, else its occurrence's start. */
    static final String JOIN_MOMENT = "zc_join_moment(meeting_start, join_time)";

    /** What a table's rows are, for the capabilities that read every table of a kind. */
    public enum Trait {
        /** Its rows carry pseudonyms and the {@code key_version} they were made with. */
        PSEUDONYMISED,
        /** Its rows are a person's own: given in an access, removed by an erasure. */
        PERSONAL,
        /** A restriction hides its rows ({@code zc_restricted(table, id)}) from every output. */
        RESTRICTABLE
    }

    private final String sqlName;
    private final String moment;
    private final Set<Trait> traits;
    private final ToIntFunction<Policy.Retention> retentionDays;

    StoredTable(String sqlName, String moment, ToIntFunction<Policy.Retention> retentionDays, Trait... traits) {
        this.sqlName = sqlName;
        this.moment = moment;
        this.retentionDays = retentionDays;
        this.traits = traits.length == 0 ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(Arrays.asList(traits));
    }

    /** The table's name in SQL. */
    public String sqlName() {
        return sqlName;
    }

    /** The SQL expression of the moment (a timestamp or a date) one of its rows belongs to. */
    public String moment() {
        return moment;
    }

    /** The days its rows are kept under {@code limits}, or empty when retention does not age them out. */
    public Optional<Integer> retentionDays(Policy.Retention limits) {
        return Optional.ofNullable(retentionDays).map(days -> days.applyAsInt(limits));
    }

    public boolean is(Trait trait) {
        return traits.contains(trait);
    }

    /** The SQL names of the tables with {@code trait}, in declaration order. */
    public static List<String> names(Trait trait) {
        return Arrays.stream(values()).filter(table -> table.is(trait)).map(StoredTable::sqlName).toList();
    }

    /** Every table's SQL name, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(StoredTable::sqlName).toList();
    }
}
