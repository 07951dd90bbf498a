package org.zoomcompliance.ingest.read;

import static org.zoomcompliance.ingest.read.Field.*;

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
    MEETING_DETAILS(ExportKind.MEETING_DETAILS, false, MEETING_ID, TOPIC, START_TIME, NAME, JOIN_TIME),
    PARTICIPANTS_MEETING(ExportKind.PARTICIPANTS, true, MEETING_ID, TOPIC, START_TIME),
    USAGE_MEETINGS(ExportKind.USAGE_MEETINGS, false, MEETING_ID, TOPIC, START_TIME,
            TOTAL_PARTICIPANT_MINUTES + "|" + HAS_ZOOM_ROOMS),
    DASHBOARD_MEETING(ExportKind.DASHBOARD_PARTICIPANTS, true, MEETING_ID, START_TIME, MEETING_DURATION_HMS),
    DASHBOARD_PARTICIPANTS(ExportKind.DASHBOARD_PARTICIPANTS, false, NAME, IP_ADDRESS, JOIN_TIME),
    PARTICIPANTS(ExportKind.PARTICIPANTS, false, NAME, JOIN_TIME + "|" + TOTAL_DURATION_MINUTES),
    RECORDINGS(ExportKind.RECORDINGS, false, TOPIC, MEETING_ID, START_TIME, FILE_SIZE_MB + "|" + FILE_SIZE_BYTES),
    SIGN_IN(ExportKind.SIGN_IN, false, TIME, EMAIL, EVENT_TYPE, CLIENT_TYPE + "|" + IP_ADDRESS),
    OPERATION_LOG(ExportKind.OPERATION_LOG, false, TIME, OPERATOR, ACTION),
    HOST_ACTIVITY(ExportKind.HOST_ACTIVITY, false, EMAIL, MEETINGS, MEETING_MINUTES),
    USERS(ExportKind.USERS, false, EMAIL, USER_TYPE, GROUPS + "|" + LAST_LOGIN_TIME + "|" + PMI),
    ATTENDEE_LOG(ExportKind.ATTENDEE_LOG, false, NAME, EMAIL, MEETING_ID, START_TIME, JOIN_TIME),
    /** The webinar line of an attendee or registration report (after its title lines). */
    WEBINAR_MEETING(ExportKind.WEBINAR_ATTENDEES, true, MEETING_ID, TOPIC, START_TIME),
    /** A section of an attendee report; which one (host, panelist, attendee) its title line says. */
    WEBINAR_ATTENDEES(ExportKind.WEBINAR_ATTENDEES, false, ATTENDED, NAME + "|" + FIRST_NAME),
    WEBINAR_REGISTRATIONS(ExportKind.WEBINAR_REGISTRATIONS, false, FIRST_NAME, EMAIL, REGISTRATION_TIME,
            APPROVAL_STATUS),
    /** Pulled only (no CSV export, no header alias): a history meetings record. */
    HISTORY_MEETINGS(ExportKind.HISTORY_MEETINGS, false, MEETING_ID, START_TIME, FEATURES_USED),
    /** Pulled only (no CSV export, no header alias): a disclaimer report record. */
    DISCLAIMERS(ExportKind.DISCLAIMERS, false, MEETING_ID, DISCLAIMER_TYPE, RECORDING_CONSENT);

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
