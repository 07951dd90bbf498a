package org.zoomcompliance.pull;

import java.util.Arrays;
import java.util.Locale;

/** What {@code pull --kinds} names: the data Zoom's API gives, by the name an operator types. */
public enum PullKind {
    PARTICIPANTS(true),
    DASHBOARD(true),
    SIGNINS(true),
    OPERATIONS(true),
    USERS(true),
    RECORDINGS(true),
    /** {@code report/history_meetings}: each meeting's features used (cloud or local recording, waiting room). */
    HISTORY(true),
    /** {@code report/disclaimer}: who answered the recording and other notices, and how. */
    DISCLAIMERS(true);

    private final boolean available;

    PullKind(boolean available) {
        this.available = available;
    }

    public boolean available() {
        return available;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a name, or an error naming the kinds there are. */
    public static PullKind of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kind '" + name + "'; kinds: " + String.join(",",
                    Arrays.stream(values()).map(PullKind::label).toList()));
        }
    }
}
