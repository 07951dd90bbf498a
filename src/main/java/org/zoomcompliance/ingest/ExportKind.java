package org.zoomcompliance.ingest;

/** The kinds of Zoom export the pipeline recognises; stored as {@code source_file.kind}. */
public enum ExportKind {
    PARTICIPANTS,
    MEETING_DETAILS,
    /** Reports > Usage without participants: one row per meeting occurrence. */
    USAGE_MEETINGS,
    DASHBOARD_PARTICIPANTS,
    RECORDINGS,
    SIGN_IN,
    /** Operation logs, renamed "Admin activity logs" by Zoom (same columns, more categories). */
    OPERATION_LOG,
    USERS,
    HOST_ACTIVITY,
    /** Attendee logs (User activity reports): each meeting an authenticated user hosted or joined. */
    ATTENDEE_LOG,
    /** A webinar's attendee report: the webinar, then host, panelist and attendee sections. */
    WEBINAR_ATTENDEES,
    /** A webinar's registration report. */
    WEBINAR_REGISTRATIONS,
    /** Zoom's API only: the history meetings report, each occurrence with the features used in it. */
    HISTORY_MEETINGS,
    /** Zoom's API only: the disclaimer report, who answered which notice of which meeting. */
    DISCLAIMERS,
    /** A file that matches no kind: quarantined. */
    UNKNOWN
}
