package org.zoomcompliance.generate;

import java.util.List;

/**
 * The headers the generator writes, copied from real exports' layouts (docs/exports.md, "Header names"): one place,
 * so that a layout Zoom changes is changed here only.
 */
public final class Layouts {

    /** Per-meeting participants, legacy meeting block (written with a trailing comma). */
    public static final List<String> PARTICIPANTS_MEETING_LEGACY = List.of(
            "Meeting ID", "Topic", "Start Time", "End Time", "User Email", "Duration (Minutes)", "Participants");
    /** Per-meeting participants, legacy participant block, one row per join. */
    public static final List<String> PARTICIPANTS_LEGACY = List.of(
            "Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)", "Guest",
            "Recording Consent", "In Waiting Room");
    /** Per-meeting participants, 2024+ meeting block. */
    public static final List<String> PARTICIPANTS_MEETING_2024 = List.of(
            "Topic", "ID", "Host", "Duration (minutes)", "Start time", "End time", "Participants");
    /** Per-meeting participants, 2024+ participant block, one row per join. */
    public static final List<String> PARTICIPANTS_2024 = List.of(
            "Name (original name)", "Email", "Join time", "Leave time", "Duration (minutes)", "Guest",
            "Recording disclaimer response", "In waiting room");
    /** Per-meeting participants, 2024+ "Show unique users" participant block. */
    public static final List<String> PARTICIPANTS_UNIQUE_2024 = List.of(
            "Name (original name)", "Email", "Total duration (minutes)", "Guest");

    /** Meeting list details, legacy: meeting columns repeated on every join. */
    public static final List<String> DETAILS_LEGACY = List.of(
            "Topic", "Meeting ID", "User Name", "User Email", "Department", "Group", "Has Zoom Rooms",
            "Creation Time", "Start Time", "End Time", "Duration (Minutes)", "Participants", "Name (Original Name)",
            "User Email", "Join Time", "Leave Time", "Duration (Minutes)", "Guest", "Recording Consent",
            "In Waiting Room");
    /** Meeting list details, 2024+, with one account custom attribute ({@code Campus}). */
    public static final List<String> DETAILS_2024 = List.of(
            "Topic", "Type", "ID", "Host name", "Host email", "Start time", "End time", "Participants",
            "Duration (minutes)", "Total participant minutes", "Department", "Group", "Source", "Unique viewers",
            "Max concurrent views", "Creation time", "Campus", "Name (original name)", "Email", "Join time",
            "Leave time", "Duration (minutes)", "Guest", "Recording disclaimer response", "In waiting room");

    /** Dashboard participants: the meeting line above the participants. */
    public static final List<String> DASHBOARD_MEETING = List.of(
            "Meeting ID", "Host", "Email", "User Type", "Start Time", "End Time", "Duration (hh:mm:ss)",
            "Participants", "PSTN", "VoIP", "3rd Party Audio", "Video", "Screen Sharing", "Recording", "SIP");
    /** Dashboard participants, current layout with the portal's names. */
    public static final List<String> DASHBOARD_PARTICIPANTS = List.of(
            "Participant", "Email", "Device", "IP Address", "Location", "Network Type", "Data Center",
            "Connection Type", "Join Time", "Leave Time", "Recording", "Version", "Role", "PC Name", "Domain",
            "Mac Address", "Harddisk ID", "Leave Reason");
    /** Dashboard participants, current layout with the REST API's field names. */
    public static final List<String> DASHBOARD_PARTICIPANTS_API = List.of(
            "user_name", "email", "device", "ip_address", "location", "network_type", "data_center",
            "connection_type", "join_time", "leave_time", "recording", "version", "role", "pc_name", "domain",
            "mac_addr", "harddisk_id", "leave_reason");

    /** Admin recordings export (written with a trailing comma), dates like {@code Jan 24, 2024 12:25:59}. */
    public static final List<String> RECORDINGS = List.of(
            "Host Email", "Topic", "ID", "Start Time", "File Size (MB)", "File Count", "Total Views",
            "Total Downloads", "Last Accessed");
    /** Sign in / sign out, portal spelling. */
    public static final List<String> SIGN_INS = List.of(
            "Time", "User", "Type", "IP Address", "Client Type", "Version");
    /** Sign in / sign out, REST API spelling. */
    public static final List<String> SIGN_INS_API = List.of(
            "email", "time", "type", "ip_address", "client_type", "version");
    /** Operation logs. */
    public static final List<String> OPERATION_LOGS = List.of(
            "Time", "Operator", "Category Type", "Action", "Operation Detail");
    /** User management export. */
    public static final List<String> USERS = List.of(
            "Email", "First Name", "Last Name", "User Type", "Department", "User Group", "Last Login Time",
            "Personal Meeting ID", "Create Time");

    private Layouts() {
    }

    static String[] array(List<String> header) {
        return header.toArray(String[]::new);
    }
}
