package org.zoomcompliance.month;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a month was evaluated on ({@code month_facts}): whether any export covered it, the snapshot window and the
 * users and hosts snapshots chosen in it, the recordings inventory chosen (its date; it may list nothing), and the
 * last retention check of its recordings. Fields other than the month, the input flag and the time may be null
 * for a month evaluated by an earlier version.
 */
public record MonthFacts(YearMonth month, boolean hasInput, LocalDate snapshotOldest, LocalDate snapshotLatest,
        Long usersFile, LocalDate usersDate, Long hostsFile, LocalDate hostsDate, LocalDate inventoryDate,
        Instant evaluatedAt, LocalDate recordingsCheckedOn, LocalDate recordingsCheckInventory) {

    /** The same facts, evaluated at {@code at}. */
    public MonthFacts stamped(Instant at) {
        return new MonthFacts(month, hasInput, snapshotOldest, snapshotLatest, usersFile, usersDate, hostsFile,
                hostsDate, inventoryDate, at, recordingsCheckedOn, recordingsCheckInventory);
    }

    /** A month counts as evaluated when an evaluation found some input for it; otherwise it is "not evaluated". */
    public boolean evaluated() {
        return hasInput;
    }
}
