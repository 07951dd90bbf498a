package org.zoomcompliance.ingest.normalise;

import static org.zoomcompliance.ingest.read.Field.*;

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
import org.zoomcompliance.ingest.read.Field;
import org.zoomcompliance.ingest.read.CsvRecord;
import org.zoomcompliance.ingest.read.CsvRecords;
import org.zoomcompliance.ingest.read.RawRow;
import org.zoomcompliance.pseudonymisation.IpPseudonym;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/**
 * What a quarantined row keeps of its content: no more than normal ingest keeps. Only the fields
 * {@link RowNormaliser} reads ({@link Field#READ}), each minimised as it minimises them (the address and participant e-mails
 * pseudonymised, a phone-number name pseudonymised, the location cut to its country, free text sanitised); audio
 * devices, columns no field maps to (PC name, MAC address...) and extra fields are dropped. A row that cannot even be
 * split into fields keeps no content: which part of it is a city cannot be told.
 */
final class QuarantinedContent {

    private static final Set<BlockType> PARTICIPANT_EMAILS =
            Set.of(BlockType.MEETING_DETAILS, BlockType.PARTICIPANTS, BlockType.DASHBOARD_PARTICIPANTS,
                    BlockType.ATTENDEE_LOG, BlockType.WEBINAR_ATTENDEES, BlockType.WEBINAR_REGISTRATIONS,
                    BlockType.DISCLAIMERS);

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
            if (Field.READ.contains(field) && column < fields.size() && !fields.get(column).isBlank()) {
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
            case IP_ADDRESS -> {
                IpPseudonym ip = pseudonymiser.address(value);
                yield "ip:" + ip.address();
            }
            case EMAIL, HOST_EMAIL -> PARTICIPANT_EMAILS.contains(block) && field.equals(EMAIL)
                    && pseudonymiseEmails ? "email:" + pseudonymiser.email(value) : sanitiser.text(value);
            case FIRST_NAME, LAST_NAME -> sanitiser.text(value);
            case NAME -> Values.isPhoneNumber(value) ? pseudonymiser.phoneNumber(value) : sanitiser.text(value);
            case LOCATION -> sanitiser.text(Values.country(value));
            case CLIENT_VERSION, LAST_CLIENT_VERSION -> sanitiser.version(value);
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
