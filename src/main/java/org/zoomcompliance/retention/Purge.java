package org.zoomcompliance.retention;

import java.time.Instant;
import java.time.LocalDate;

/** One kind of data the pipeline keeps, with its retention limit and a way to delete expired items in batches. */
interface Purge {

    /** What the purge is recorded as in {@code retention_purge}: a table or a folder. */
    String name();

    /** Items older than this instant are expired, judged as of a date. */
    Instant cutOff(LocalDate asOf);

    /**
     * Deletes up to {@code limit} expired items past a position (the last id deleted, for tables) within the
     * caller's transaction.
     */
    Batch deleteBatch(Instant cutOff, long after, int limit);

    /** How many items a batch removed, and the position to continue from. */
    record Batch(long removed, long position) {
    }
}
