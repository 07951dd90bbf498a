package org.zoomcompliance.ingest.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.zoomcompliance.ingest.read.BlockType;
import org.zoomcompliance.ingest.read.CsvRecord;
import org.zoomcompliance.ingest.read.CsvRecords;
import org.zoomcompliance.ingest.read.RawRow;
import org.zoomcompliance.pseudonymisation.IpPseudonym;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/**
 * What a quarantined row keeps of its content: no more than normal ingest keeps. Only the fields
 * {@link RowNormaliser} reads, each minimised as it minimises them (the address and participant e-mails
 * pseudonymised, a phone-number name pseudonymised, the location cut to its country, free text sanitised); audio
 * devices, columns no field maps to (PC name, MAC address...) and extra fields are dropped. A row that cannot even be
 * split into fields keeps no content: which part of it is a city cannot be told.
 */
final class QuarantinedContent {

    /** The canonical fields normal ingest reads, which are all it keeps. */
    private static final Set<String> KEPT = Set.of("meeting_id", "start_time", "end_time", "topic", "host_name",
            "host_email", "meeting_duration", "meeting_duration_hms", "participants", "meeting_type", "name", "email",
            "join_time", "leave_time", "duration_minutes", "total_duration_minutes", "guest", "recording_consent",
            "in_waiting_room", "role", "device", "ip_address", "location", "network_type", "data_centre",
            "connection_type", "recording", "client_version", "leave_reason", "file_size_mb", "file_size_bytes",
            "file_count", "total_views", "total_downloads", "last_accessed", "auto_delete_date", "time",
            "event_type", "client_type", "operator", "category_type", "action", "detail", "user_type", "department",
            "groups", "last_login_time", "pmi", "meetings", "meeting_minutes", "last_client_version", "create_time",
            "last_login_utc", "user_status", "attended", "first_name", "last_name", "registration_time",
            "approval_status");
    private static final Set<BlockType> PARTICIPANT_EMAILS =
            Set.of(BlockType.MEETING_DETAILS, BlockType.PARTICIPANTS, BlockType.DASHBOARD_PARTICIPANTS,
                    BlockType.ATTENDEE_LOG, BlockType.WEBINAR_ATTENDEES, BlockType.WEBINAR_REGISTRATIONS);

    private final Pseudonymiser pseudonymiser;
    private final Sanitiser sanitiser;
    private final boolean pseudonymiseEmails;

    QuarantinedContent(Pseudonymiser pseudonymiser, Sanitiser sanitiser, boolean pseudonymiseEmails) {
        this.pseudonymiser = pseudonymiser;
        this.sanitiser = sanitiser;
        this.pseudonymiseEmails = pseudonymiseEmails;
    }

    /** The kept fields as {@code field=value; ...} in the header's order, or null when there is nothing to keep. */
    String of(RawRow raw) {
        if (raw.header() == null) {
            return null;
        }
        List<String> fields = raw.fields().isEmpty() ? split(raw.text()) : raw.fields();
        if (fields == null) {
            return null;
        }
        Map<Integer, String> byColumn = new TreeMap<>();
        raw.header().columns().forEach((field, column) -> {
            if (KEPT.contains(field) && column < fields.size() && !fields.get(column).isBlank()) {
                byColumn.put(column, field);
            }
        });
        StringJoiner content = new StringJoiner("; ");
        byColumn.forEach((column, field) -> content.add(field + "="
                + minimised(raw.header().type(), field, fields.get(column).strip().replace("\0", "\\0"))));
        return content.length() == 0 ? null : content.toString();
    }

    private String minimised(BlockType block, String field, String value) {
        return switch (field) {
            case "ip_address" -> {
                IpPseudonym ip = pseudonymiser.address(value);
                yield "ip:" + ip.address();
            }
            case "email", "host_email" -> PARTICIPANT_EMAILS.contains(block) && field.equals("email")
                    && pseudonymiseEmails ? "email:" + pseudonymiser.email(value) : sanitiser.text(value);
            case "first_name", "last_name" -> sanitiser.text(value);
            case "name" -> Values.isPhoneNumber(value) ? pseudonymiser.phoneNumber(value) : sanitiser.text(value);
            case "location" -> sanitiser.text(Values.country(value));
            case "client_version", "last_client_version" -> sanitiser.version(value);
            default -> sanitiser.text(value);
        };
    }

    /** The fields of a row the reader could not take (a wrong field count), or null if it cannot be split. */
    private static List<String> split(String text) {
        if (text == null) {
            return null;
        }
        try {
            CsvRecord record = new CsvRecords(new BufferedReader(new StringReader(text.replace("\0", "\\0"))),
                    // the row was read within the reader's limit already
                    text.length() + 1).next();
            return record == null || record.error() != null ? null : record.fields();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a string", e);
        }
    }
}
