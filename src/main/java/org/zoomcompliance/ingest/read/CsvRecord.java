package org.zoomcompliance.ingest.read;

import org.zoomcompliance.infrastructure.Sentence;
import java.util.List;

/**
 * One record of an export as split by {@link CsvRecords}: its first physical line number, its fields, and the raw
 * text (for quarantine). A record that could not be split carries the reason instead of fields.
 */
public record CsvRecord(long line, List<String> fields, String text, Sentence error) {

    /** A blank line, or a line of empty fields only (",,,"): a block separator. */
    public boolean blank() {
        return error == null && fields.stream().allMatch(String::isBlank);
    }
}
