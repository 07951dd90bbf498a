package org.zoomcompliance.ingest.read;

import org.zoomcompliance.infrastructure.Sentence;
import java.util.List;

/**
 * A data row as read: its line, the header of its block, its fields, and the meeting row of the file's meeting
 * block when there is one. A row that cannot be read carries the reason and its raw text instead.
 */
public record RawRow(long line, BlockHeader header, List<String> fields, RawRow meeting, Sentence error, String text) {

    public static RawRow rejected(long line, BlockHeader header, Sentence reason, String text) {
        return new RawRow(line, header, List.of(), null, reason, text);
    }

    public boolean isRejected() {
        return error != null;
    }

    /** The value of a canonical field, stripped; {@code null} when the column is absent or the value empty. */
    public String value(String field) {
        Integer column = header.column(field);
        if (column == null || column >= fields.size()) {
            return null;
        }
        String value = fields.get(column).strip();
        return value.isEmpty() ? null : value;
    }
}
