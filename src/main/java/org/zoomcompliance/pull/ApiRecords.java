package org.zoomcompliance.pull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.zoomcompliance.ingest.read.BlockHeader;
import org.zoomcompliance.ingest.read.BlockType;
import org.zoomcompliance.ingest.read.RawRow;
import tools.jackson.databind.JsonNode;

/**
 * Zoom's JSON records as the rows ingest reads: each record becomes the canonical fields a CSV export's columns
 * map to (the names of {@code header-aliases.csv}), so the same normaliser types, pseudonymises and sanitises
 * them, and the same natural keys meet rows of CSV exports of the same meetings. Only the fields ingest reads are
 * taken; the rest of a record (internal addresses, PC names, MAC addresses) is never even copied.
 */
final class ApiRecords {

    /** A JSON record's canonical fields, in the order of a header. */
    record Layout(BlockHeader header, List<Function<JsonNode, String>> values) {

        RawRow row(long line, JsonNode record, RawRow meeting) {
            List<String> fields = new ArrayList<>(values.size());
            for (Function<JsonNode, String> value : values) {
                String text = value.apply(record);
                fields.add(text == null ? "" : text);
            }
            return new RawRow(line, header, fields, meeting, null, null);
        }
    }

    private ApiRecords() {
    }

    /** A dashboard meeting ({@code metrics/meetings}): an occurrence, its host and its duration. */
    static final Layout MEETING = layout(BlockType.PARTICIPANTS_MEETING,
            field("meeting_id", r -> text(r, "id")),
            field("topic", r -> text(r, "topic")),
            field("start_time", r -> text(r, "start_time")),
            field("end_time", r -> text(r, "end_time")),
            field("host_name", r -> text(r, "host")),
            field("host_email", r -> text(r, "email")),
            field("meeting_duration_hms", ApiRecords::clockDuration),
            field("participants", r -> text(r, "participants")));

    /** A participants report's join ({@code report/meetings/{uuid}/participants}). */
    static final Layout PARTICIPANT = layout(BlockType.PARTICIPANTS,
            field("name", r -> text(r, "name")),
            field("email", r -> text(r, "user_email")),
            field("join_time", r -> text(r, "join_time")),
            field("leave_time", r -> text(r, "leave_time")),
            field("duration_minutes", r -> minutes(r, "duration")),
            // Zoom leaves the id of a participant who did not sign in blank: the CSV export's Guest column
            field("guest", r -> r.has("id") ? (text(r, "id").isBlank() ? "Yes" : "No") : null),
            field("in_waiting_room", r -> r.has("status")
                    ? ("in_waiting_room".equals(text(r, "status")) ? "Yes" : "No") : null));

    /** A dashboard participant ({@code metrics/meetings/{uuid}/participants}). */
    static final Layout DASHBOARD_PARTICIPANT = layout(BlockType.DASHBOARD_PARTICIPANTS,
            field("name", r -> text(r, "user_name")),
            field("email", r -> text(r, "email")),
            field("device", r -> text(r, "device")),
            field("ip_address", r -> text(r, "ip_address")),
            field("location", r -> text(r, "location")),
            field("network_type", r -> text(r, "network_type")),
            // the fuller value when Zoom gives it: every data centre the participant's media went through, top and
            // sub levels (docs/policy.md, TRANSFER_OUTSIDE_EU), where data_center names one
            field("data_centre", r -> text(r, "full_data_center").isBlank() ? text(r, "data_center")
                    : text(r, "full_data_center")),
            field("connection_type", r -> text(r, "connection_type")),
            field("join_time", r -> text(r, "join_time")),
            field("leave_time", r -> text(r, "leave_time")),
            field("recording", r -> text(r, "recording")),
            field("client_version", r -> text(r, "version")),
            field("role", r -> text(r, "role")),
            field("leave_reason", r -> text(r, "leave_reason")));

    /** A sign-in or sign-out ({@code report/activities}). */
    static final Layout SIGN_IN = layout(BlockType.SIGN_IN,
            field("time", r -> text(r, "time")),
            field("email", r -> text(r, "email")),
            field("event_type", r -> text(r, "type")),
            field("ip_address", r -> text(r, "ip_address")),
            field("client_type", r -> text(r, "client_type")),
            field("client_version", r -> text(r, "version")));

    /** An admin's operation ({@code report/operationlogs}). */
    static final Layout OPERATION_LOG = layout(BlockType.OPERATION_LOG,
            field("time", r -> text(r, "time")),
            field("operator", r -> text(r, "operator")),
            field("category_type", r -> text(r, "category_type")),
            field("action", r -> text(r, "action")),
            field("detail", r -> text(r, "operation_detail")));

    /**
     * A history meetings record ({@code report/history_meetings}): the occurrence, its host, and the features its
     * {@code feature_used} object marks true ({@code record_to_cloud}, {@code waiting_room}...), {@code ;} between.
     */
    static final Layout HISTORY_MEETING = layout(BlockType.HISTORY_MEETINGS,
            field("meeting_id", r -> text(r, "meeting_id")),
            field("topic", r -> text(r, "topic")),
            field("start_time", r -> text(r, "start_time")),
            field("end_time", r -> text(r, "end_time")),
            field("host_name", r -> text(r, "host_display_name")),
            field("host_email", r -> text(r, "host_email")),
            field("participants", r -> text(r, "participants")),
            field("features_used", r -> {
                List<String> features = new ArrayList<>();
                r.path("feature_used").properties().forEach(feature -> {
                    if (feature.getValue().asBoolean(false)) {
                        features.add(feature.getKey());
                    }
                });
                return String.join(";", features);
            }));

    /**
     * A disclaimer report record ({@code report/disclaimer}, its {@code disclaimer_records}): who answered which
     * notice of which meeting, and when. The meeting is its number ({@code meeting_id} is the occurrence's UUID);
     * the record gives no start of the occurrence, which evaluation finds from the answer's time.
     */
    static final Layout DISCLAIMER = layout(BlockType.DISCLAIMERS,
            field("meeting_id", r -> text(r, "meeting_number")),
            field("name", r -> text(r, "display_name")),
            field("email", r -> text(r, "user_email")),
            field("disclaimer_type", r -> text(r, "disclaimer_type")),
            field("recording_consent", r -> text(r, "disclaimer_status")),
            field("response_time", r -> text(r, "time")));

    /** A user ({@code users}), its groups named through {@code groups} (id to name). */
    static Layout users(Map<String, String> groups) {
        return layout(BlockType.USERS,
                field("email", r -> text(r, "email")),
                field("user_type", r -> userType(text(r, "type"))),
                field("department", r -> text(r, "dept")),
                field("groups", r -> {
                    List<String> names = new ArrayList<>();
                    r.path("group_ids").forEach(id -> names.add(groups.getOrDefault(id.asString(""), id.asString(""))));
                    return String.join(";", names);
                }),
                field("last_login_time", r -> text(r, "last_login_time")),
                field("pmi", r -> text(r, "pmi")),
                field("user_status", r -> capitalised(text(r, "status"))),
                field("role", r -> role(text(r, "role_id"))),
                field("last_client_version", r -> text(r, "last_client_version")));
    }

    /** A cloud recording ({@code accounts/me/recordings}), its host's e-mail through {@code hosts} (id to e-mail). */
    static Layout recordings(Map<String, String> hosts) {
        return layout(BlockType.RECORDINGS,
                field("meeting_id", r -> text(r, "id")),
                field("topic", r -> text(r, "topic")),
                field("host_email", r -> r.has("host_email") ? text(r, "host_email") : hosts.get(text(r, "host_id"))),
                field("start_time", r -> text(r, "start_time")),
                field("file_size_bytes", r -> text(r, "total_size")),
                field("file_count", r -> text(r, "recording_count")),
                field("auto_delete_date", r -> text(r, "auto_delete_date")));
    }

    /** A record's text field; empty when absent or null. */
    static String text(JsonNode record, String field) {
        JsonNode value = record.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asString("");
    }

    /** Seconds as whole minutes, rounded the way Zoom rounds its CSV minute columns (half up). */
    private static String minutes(JsonNode record, String field) {
        JsonNode value = record.path(field);
        return value.isNumber() ? String.valueOf((value.asLong() + 30) / 60) : null;
    }

    /** The dashboard's duration ({@code "30:00"}, {@code "1:02:03"}) as a clock; plain minutes as {@code m:00}. */
    private static String clockDuration(JsonNode record) {
        JsonNode value = record.path("duration");
        if (value.isNumber()) {
            return value.asLong() + ":00";
        }
        return text(record, "duration");
    }

    /** Zoom's user types (1 Basic, 2 Licensed, 4 and 99 without a licence) as the users export writes them. */
    private static String userType(String code) {
        return switch (code) {
            case "1" -> "Basic";
            case "2" -> "Licensed";
            case "3" -> "On-prem";
            case "4" -> "Unassigned without Meetings Basic";
            case "99" -> "None";
            default -> code;
        };
    }

    /** {@code active} as the users export writes it: {@code Active}. */
    private static String capitalised(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    /** Zoom's built-in role ids as the users export names them; custom roles keep their id. */
    private static String role(String id) {
        return switch (id) {
            case "0" -> "Owner";
            case "1" -> "Admin";
            case "2" -> "Member";
            default -> id;
        };
    }

    /** A canonical field and how a record gives its value. */
    private record Field(String name, Function<JsonNode, String> value) {
    }

    private static Field field(String name, Function<JsonNode, String> value) {
        return new Field(name, value);
    }

    private static Layout layout(BlockType type, Field... fields) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Function<JsonNode, String>> values = new ArrayList<>();
        for (Field field : fields) {
            columns.put(field.name(), columns.size());
            values.add(field.value());
        }
        return new Layout(new BlockHeader(type, Map.copyOf(columns), columns.size(), columns.size(), "en", "zoom-api"),
                List.copyOf(values));
    }
}
