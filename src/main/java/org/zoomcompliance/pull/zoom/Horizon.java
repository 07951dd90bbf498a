package org.zoomcompliance.pull.zoom;

import java.time.LocalDate;

/**
 * What Zoom's report and dashboard endpoints answer: the last 6 months (the portal shows 15), one month per call.
 * A window beyond is refused before any call, with the reason.
 */
public final class Horizon {

    /** Months back the report and dashboard endpoints answer. */
    public static final int MONTHS = 6;

    private Horizon() {
    }

    /** The earliest day the report and dashboard endpoints answer for, on {@code today}. */
    public static LocalDate earliest(LocalDate today) {
        return today.minusMonths(MONTHS);
    }

    /** Refuses a window that starts before the horizon; null when it is within. */
    public static String problem(LocalDate from, LocalDate today) {
        LocalDate earliest = earliest(today);
        if (from.isBefore(earliest)) {
            return "Zoom's report and dashboard endpoints answer for the last " + MONTHS + " months only (from "
                    + earliest + " today): " + from + " is beyond; older data is only in the portal's CSV exports"
                    + " (15 months), which ingest reads";
        }
        return null;
    }
}
