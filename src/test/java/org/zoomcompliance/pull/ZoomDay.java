package org.zoomcompliance.pull;

import static org.zoomcompliance.pull.FakeZoom.record;

import java.util.List;
import java.util.Map;
import org.zoomcompliance.pull.zoom.MeetingUuids;

/**
 * A day of an account's data as Zoom's API answers it (shapes from Zoom's API reference), for the fake: two
 * meetings (one whose UUID must be encoded twice), their participants (a guest without an e-mail, a name holding an
 * address) and dashboard rows (addresses, internal addresses, device identifiers), sign-ins, operation logs, users,
 * groups, a cloud recording, the history meetings report (features used) and the disclaimer report (a guest whose
 * name holds an address, addresses Zoom gives and ingest never copies). The two reports' endpoints are Zoom's
 * (changelog); the field names of their records are this build's reading, not yet checked against the reference's
 * response schemas, and mapped in one place ({@code ApiRecords}). Every clear address here must end pseudonymised or
 * dropped.
 */
final class ZoomDay {

    /** Every address the day's answers hold, and the device identifiers ingest drops. */
    static final List<String> ADDRESSES = List.of("198.51.100.23", "2001:db8:77::1234", "203.0.113.77", "192.0.2.44",
            "192.0.2.45", "10.0.0.12", "203.0.113.9", "198.51.100.99");
    static final List<String> DROPPED = List.of("alice-pc", "00:11:22:33:44:55", "wd-0042");

    private ZoomDay() {
    }

    /** The UUID of the day's first meeting: it begins with a slash. */
    static String firstUuid(String day) {
        return "/aj" + day.replace("-", "") + "Qmuo==";
    }

    static String secondUuid(String day) {
        return "Ab" + day.replace("-", "") + "//cD==";
    }

    /** Loads the day into the fake; {@code id} tells days' meeting IDs apart (two digits). */
    static void load(FakeZoom zoom, String day, String id) {
        String first = "852184862" + id;
        String second = "912345678" + id;
        zoom.list("/metrics/meetings", "meetings", "start_time", List.of(
                record("uuid", firstUuid(day), "id", Long.parseLong(first), "topic", "Cours de droit, salle 3.2",
                        "host", "Alice Martin", "email", "alice.martin@exemple.fr", "user_type", "Licensed",
                        "start_time", day + "T08:00:00Z", "end_time", day + "T09:00:00Z", "duration", "60:00",
                        "participants", 4, "has_pstn", false, "has_voip", true, "has_recording", true,
                        "custom_keys", List.of(), "dept", "Droit"),
                record("uuid", secondUuid(day), "id", Long.parseLong(second), "topic", "Réunion serveur 198.51.100.99",
                        "host", "Dan Host", "email", "dan.host@exemple.fr", "user_type", "Licensed",
                        "start_time", day + "T14:00:00Z", "end_time", day + "T14:30:00Z", "duration", "30:00",
                        "participants", 1, "has_recording", false)));
        String firstPath = "/report/meetings/" + MeetingUuids.pathSegment(firstUuid(day))
                + "/participants";
        zoom.list(firstPath, "participants", null, List.of(
                participant("u-alice", "Alice Martin", "alice.martin@exemple.fr", day + "T08:00:00Z", day + "T09:00:00Z", 3600),
                participant("u-bob", "Bob Durand", "bob.durand@etu.exemple.fr", day + "T08:01:00Z", day + "T08:59:00Z", 3480),
                participant("", "Invité 203.0.113.77", "", day + "T08:05:00Z", day + "T08:30:00Z", 1500),
                participant("", "Carla", "", day + "T08:10:00Z", day + "T08:50:00Z", 2400)));
        zoom.list("/report/meetings/" + MeetingUuids.pathSegment(secondUuid(day))
                + "/participants", "participants", null, List.of(
                participant("u-dan", "Dan Host", "dan.host@exemple.fr", day + "T14:00:00Z", day + "T14:30:00Z", 1800)));
        zoom.list("/metrics/meetings/" + MeetingUuids.pathSegment(firstUuid(day))
                + "/participants", "participants", null, List.of(
                dashboard("Alice Martin", "alice.martin@exemple.fr", "198.51.100.23", "Germany (FR)", "Germany (FR)", "host", true,
                        day + "T08:00:00Z", day + "T09:00:00Z", "6.2.5.28135"),
                dashboard("Bob Durand", "bob.durand@etu.exemple.fr", "2001:db8:77::1234", "United States (SC Top)",
                        "United States (SC Top);Germany (FR)", "attendee", false, day + "T08:01:00Z", day + "T08:59:00Z", "5.12.0.4682")));
        zoom.list("/metrics/meetings/" + MeetingUuids.pathSegment(secondUuid(day))
                + "/participants", "participants", null, List.of());
        zoom.list("/report/activities", "activity_logs", "time", List.of(
                record("email", "alice.martin@exemple.fr", "time", day + "T07:55:00Z", "type", "Sign in",
                        "ip_address", "192.0.2.44", "client_type", "Mac", "version", "6.2.5.28135"),
                record("email", "alice.martin@exemple.fr", "time", day + "T09:05:00Z", "type", "Sign out",
                        "ip_address", "192.0.2.44", "client_type", "Mac", "version", "6.2.5.28135"),
                record("email", "bob.durand@etu.exemple.fr", "time", day + "T07:58:00Z", "type", "Sign in",
                        "ip_address", "192.0.2.45", "client_type", "Browser", "version", "5.12.0.4682")));
        zoom.list("/report/operationlogs", "operation_logs", "time", List.of(
                record("time", day + "T10:15:00Z", "operator", "admin@exemple.fr", "category_type", "Account",
                        "action", "Update", "operation_detail", "Cloud recording: Off -> On "),
                record("time", day + "T10:20:00Z", "operator", "admin@exemple.fr", "category_type", "User",
                        "action", "Update", "operation_detail", "bob.durand@etu.exemple.fr signed in from 203.0.113.9 ")));
        zoom.list("/accounts/me/recordings", "meetings", "start_time", List.of(record("uuid", firstUuid(day),
                "id", Long.parseLong(first), "account_id", FakeZoom.ACCOUNT, "host_id", "u-alice",
                "topic", "Cours de droit, salle 3.2", "type", 2, "start_time", day + "T08:00:00Z",
                "timezone", "Europe/Paris", "duration", 60, "total_size", 157286400, "recording_count", 3,
                "recording_files", List.of(record("id", "f1", "file_type", "MP4", "file_size", 104857600)))));
    }

    /**
     * The day's history meetings (the first cloud- and locally recorded, with the waiting room; the second neither)
     * and the disclaimer report of the first: Bob acknowledged the recording notice, the guest did not answer it, and
     * Carla acknowledged only the entry notice.
     */
    static void loadReports(FakeZoom zoom, String day, String id) {
        String first = "852184862" + id;
        String second = "912345678" + id;
        zoom.list("/report/history_meetings", "history_meetings", "start_time", List.of(
                record("meeting_uuid", firstUuid(day), "meeting_id", Long.parseLong(first), "type", "Meeting",
                        "host_display_name", "Alice Martin", "host_email", "alice.martin@exemple.fr",
                        "start_time", day + "T08:00:00Z", "end_time", day + "T09:00:00Z",
                        "topic", "Cours de droit, salle 3.2", "participants", 4, "duration", 60,
                        "total_participant_minutes", 185, "department", "Droit", "group", "Enseignement",
                        "source", "Zoom", "feature_used", record("screen_sharing", true, "video_on", false,
                                "record_to_cloud", true, "record_to_computer", true, "waiting_room", true,
                                "poll", false),
                        "custom_fields", List.of()),
                record("meeting_uuid", secondUuid(day), "meeting_id", Long.parseLong(second), "type", "Meeting",
                        "host_display_name", "Dan Host", "host_email", "dan.host@exemple.fr",
                        "start_time", day + "T14:00:00Z", "end_time", day + "T14:30:00Z",
                        "topic", "Réunion serveur 198.51.100.99", "participants", 1, "duration", 30,
                        "total_participant_minutes", 30, "department", "Informatique", "group", "Enseignement",
                        "source", "Zoom", "feature_used", record("screen_sharing", true, "video_on", true,
                                "record_to_cloud", false, "record_to_computer", false, "waiting_room", false),
                        "custom_fields", List.of())));
        zoom.list("/report/disclaimer", "disclaimer_records", "time", List.of(
                disclaimer(first, firstUuid(day), "Bob Durand", "bob.durand@etu.exemple.fr", false, "recording",
                        "Agree", day + "T08:01:10Z"),
                disclaimer(first, firstUuid(day), "Invité 203.0.113.77", "", true, "recording", "Passive Agree",
                        day + "T08:05:10Z"),
                disclaimer(first, firstUuid(day), "Carla", "", true, "joinMeeting", "Agree", day + "T08:10:05Z")));
    }

    /** A record as Zoom's disclaimer report gives it (zoom/rivet-javascript, {@code Getdisclaimerreport}). */
    private static Map<String, Object> disclaimer(String meetingNumber, String uuid, String name, String email,
            boolean guest, String type, String status, String at) {
        return record("meeting_id", uuid, "meeting_number", Long.parseLong(meetingNumber), "display_name", name,
                "user_email", email, "is_guest", guest, "is_zoom_event", false, "group_ids", List.of(),
                "client_type", "Mac", "disclaimer_type", type, "disclaimer_status", status, "time", at);
    }

    /** The account's users and groups: a snapshot, not dated. */
    static void loadAccount(FakeZoom zoom) {
        zoom.list("/groups", "groups", null, List.of(record("id", "g-teach", "name", "Enseignement", "total_members", 2),
                record("id", "g-stud", "name", "Etudiant", "total_members", 1)));
        zoom.list("/users", "users", null, List.of(
                user("u-alice", "alice.martin@exemple.fr", 2, "Droit", List.of("g-teach"), "2026-10-30T07:55:00Z", 4151234567L, "active"),
                user("u-dan", "dan.host@exemple.fr", 2, "Informatique", List.of("g-teach"), "2026-10-20T13:55:00Z", 5201234567L, "active"),
                user("u-bob", "bob.durand@etu.exemple.fr", 1, "Etudiants", List.of("g-stud"), "2026-10-29T07:58:00Z", 6301234567L, "active")));
    }

    private static Map<String, Object> participant(String id, String name, String email, String join, String leave,
            int seconds) {
        return record("id", id, "user_id", "16778240", "name", name, "user_email", email, "join_time", join,
                "leave_time", leave, "duration", seconds, "attentiveness_score", "", "failover", false,
                "status", "in_meeting", "customer_key", "", "registrant_id", "", "participant_user_id", id);
    }

    /** {@code fullDataCenter}: every data centre of the participant's media, top level first, {@code ;} between. */
    private static Map<String, Object> dashboard(String name, String email, String ip, String dataCenter,
            String fullDataCenter, String role,
            boolean recording, String join, String leave, String version) {
        return record("id", "p-" + name.hashCode(), "user_id", "16778240", "user_name", name, "device", "Mac",
                "ip_address", ip, "internal_ip_addresses", List.of("10.0.0.12"), "location", "Paris (FR)",
                "network_type", "Wifi", "microphone", "MacBook Microphone", "speaker", "MacBook Speakers",
                "camera", "FaceTime HD", "data_center", dataCenter, "full_data_center", fullDataCenter,
                "connection_type", "UDP", "join_time", join, "leave_time", leave, "share_application", false,
                "share_desktop", false, "share_whiteboard", false, "recording", recording, "pc_name", "ALICE-PC",
                "domain", "EXEMPLE", "mac_addr", "00:11:22:33:44:55", "harddisk_id", "WD-0042", "version", version,
                "leave_reason", name + " left the meeting.<br>Reason: Host ended the meeting.", "email", email,
                "registrant_id", "", "status", "in_meeting", "os", "Mac", "os_version", "14.5", "role", role);
    }

    private static Map<String, Object> user(String id, String email, int type, String dept, List<String> groups,
            String lastLogin, long pmi, String status) {
        return record("id", id, "first_name", "First", "last_name", "Last", "display_name", "First Last", "email", email,
                "type", type, "pmi", pmi, "timezone", "Europe/Paris", "verified", 1, "dept", dept,
                "created_at", "2024-09-01T08:00:00Z", "last_login_time", lastLogin, "last_client_version",
                "6.2.5.28135(mac)", "language", "fr-FR", "status", status, "role_id", "2", "group_ids", groups,
                "user_created_at", "2024-09-01T08:00:00Z");
    }
}
