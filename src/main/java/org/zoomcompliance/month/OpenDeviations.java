package org.zoomcompliance.month;

import java.util.List;

/**
 * What "open" means for a deviation, said once: NEW or ONGOING, still true in its month. RESOLVED ones (no longer
 * observed) are counted apart. SQL reads the same definition from the {@code open_deviation} view.
 */
public final class OpenDeviations {

    /** The statuses of an open deviation. */
    public static final List<String> STATUSES = List.of("NEW", "ONGOING");
    /** The status of a deviation of the previous month no longer observed. */
    public static final String RESOLVED = "RESOLVED";
    /** The view holding the open deviations of every month. */
    public static final String VIEW = "open_deviation";

    private OpenDeviations() {
    }

    public static boolean isOpen(String status) {
        return STATUSES.contains(status);
    }
}
