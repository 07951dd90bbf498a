package org.zoomcompliance.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** One kind of data the pipeline keeps, with its retention limit and a way to delete expired items in batches. */
interface Purge {

    /** What the purge is recorded as in {@code retention_purge}: a table or a folder. */
    String name();

    /** The zone the limit's days are counted in (the institution's). */
    ZoneId zone();

    /** The retention limit, in days. */
    int days();

    /** Items older than this instant are expired, judged as of a date: the start of the day {@code days} before. */
    default Instant cutOff(LocalDate asOf) {
        return asOf.minusDays(days()).atStartOfDay(zone()).toInstant();
    }

    /**
     * Deletes up to {@code limit} expired items past a position (the last id deleted, for tables) within the
     * caller's transaction.
     */
    Batch deleteBatch(Instant cutOff, long after, int limit);

    /** How many items a batch removed, and the position to continue from. */
    record Batch(long removed, long position) {
    }
}
