package org.zoomcompliance.ingest.read;

import org.zoomcompliance.infrastructure.Sentence;
import org.zoomcompliance.ingest.ExportKind;

/**
 * What a first pass over a file found: its kind, layout and language, the day/month order of its dates, how many
 * data rows it has, and why it must be quarantined as a whole ({@code null} when it can be ingested).
 */
public record Survey(ExportKind kind, String layout, String language, DateShapes.Order order, long dataRows,
        Sentence quarantineReason) {

    public boolean quarantined() {
        return quarantineReason != null;
    }

    static Survey rejected(Sentence reason) {
        return new Survey(ExportKind.UNKNOWN, null, null, null, 0, reason);
    }
}
