package org.zoomcompliance.ingest.read;

import java.util.List;
import org.zoomcompliance.ingest.ExportKind;

/**
 * The blocks an export is made of: a header line and the rows under it. Participants and old dashboard exports
 * have a meeting block (one row) before the participant block; the other kinds are one block.
 *
 * <p>Each block names the canonical fields it cannot do without ({@code a|b}: either). The header names that map
 * to the fields are data: {@code header-aliases.csv}.
 */
public enum BlockType {
    MEETING_DETAILS(ExportKind.MEETING_DETAILS, false, "meeting_id", "topic", "start_time", "name", "join_time"),
    PARTICIPANTS_MEETING(ExportKind.PARTICIPANTS, true, "meeting_id", "topic", "start_time"),
    USAGE_MEETINGS(ExportKind.USAGE_MEETINGS, false, "meeting_id", "topic", "start_time",
            "total_participant_minutes|has_zoom_rooms"),
    DASHBOARD_MEETING(ExportKind.DASHBOARD_PARTICIPANTS, true, "meeting_id", "start_time", "meeting_duration_hms"),
    DASHBOARD_PARTICIPANTS(ExportKind.DASHBOARD_PARTICIPANTS, false, "name", "ip_address", "join_time"),
    PARTICIPANTS(ExportKind.PARTICIPANTS, false, "name", "join_time|total_duration_minutes"),
    RECORDINGS(ExportKind.RECORDINGS, false, "topic", "meeting_id", "start_time", "file_size_mb|file_size_bytes"),
    SIGN_IN(ExportKind.SIGN_IN, false, "time", "email", "event_type", "client_type|ip_address"),
    OPERATION_LOG(ExportKind.OPERATION_LOG, false, "time", "operator", "action"),
    HOST_ACTIVITY(ExportKind.HOST_ACTIVITY, false, "email", "meetings", "meeting_minutes"),
    USERS(ExportKind.USERS, false, "email", "user_type", "groups|last_login_time|pmi"),
    ATTENDEE_LOG(ExportKind.ATTENDEE_LOG, false, "name", "email", "meeting_id", "start_time", "join_time"),
    /** The webinar line of an attendee or registration report (after its title lines). */
    WEBINAR_MEETING(ExportKind.WEBINAR_ATTENDEES, true, "meeting_id", "topic", "start_time"),
    /** A section of an attendee report; which one (host, panelist, attendee) its title line says. */
    WEBINAR_ATTENDEES(ExportKind.WEBINAR_ATTENDEES, false, "attended", "name|first_name"),
    WEBINAR_REGISTRATIONS(ExportKind.WEBINAR_REGISTRATIONS, false, "first_name", "email", "registration_time",
            "approval_status");

    private final ExportKind kind;
    private final boolean meetingBlock;
    private final List<String> required;

    BlockType(ExportKind kind, boolean meetingBlock, String... required) {
        this.kind = kind;
        this.meetingBlock = meetingBlock;
        this.required = List.of(required);
    }

    public ExportKind kind() {
        return kind;
    }

    /** A one-row block describing the meeting the following block's rows belong to. */
    public boolean meetingBlock() {
        return meetingBlock;
    }

    /** Required fields; an entry {@code a|b} is satisfied by either. */
    public List<String> required() {
        return required;
    }

    /**
     * The block whose aliases name the columns from its first field onwards (a details row is a meeting followed
     * by a participant join, and repeats header names such as {@code User Email} on both sides).
     */
    public BlockType tail() {
        return this == MEETING_DETAILS ? PARTICIPANTS : null;
    }
}
