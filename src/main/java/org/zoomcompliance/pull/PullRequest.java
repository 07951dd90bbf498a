package org.zoomcompliance.pull;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.zoomcompliance.pull.zoom.Horizon;

/** What to pull: the days from {@code from} to {@code to} (as Zoom counts them, UTC), of some kinds. */
public record PullRequest(LocalDate from, LocalDate to, Set<PullKind> kinds) {

    /** No kind named: every kind. */
    public PullRequest {
        kinds = kinds.isEmpty() ? EnumSet.allOf(PullKind.class) : Set.copyOf(kinds);
    }

    /**
     * Why the request cannot be pulled on {@code today} (in the institution's zone), or null: a day not over yet
     * (its reports are not complete) and days beyond Zoom's horizon are refused before any call.
     */
    public String problem(LocalDate today) {
        if (from.isAfter(to)) {
            return "--from " + from + " is after --to " + to;
        }
        if (to.isAfter(today)) {
            return "pull refused: --to " + to + " is after today (" + today + ")";
        }
        if (!to.isBefore(today)) {
            return "pull refused: today (" + to + ") is not over, its reports are not complete; pull up to yesterday";
        }
        String horizon = Horizon.problem(from, today);
        return horizon == null ? null : "pull refused: " + horizon;
    }
}
