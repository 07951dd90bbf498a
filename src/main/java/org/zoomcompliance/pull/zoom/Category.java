package org.zoomcompliance.pull.zoom;

/**
 * Zoom's rate-limit categories. Limits are per account and shared by every app of the account; Heavy and
 * Resource-intensive calls also count against one daily cap.
 */
public enum Category {
    LIGHT,
    MEDIUM,
    HEAVY,
    RESOURCE_INTENSIVE;

    /** Whether a call counts against the daily cap. */
    public boolean capped() {
        return this == HEAVY || this == RESOURCE_INTENSIVE;
    }
}
