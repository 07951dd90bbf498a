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
    OPERATION_LOG,
    USERS,
    HOST_ACTIVITY,
    /** A file that matches no kind: quarantined. */
    UNKNOWN
}
