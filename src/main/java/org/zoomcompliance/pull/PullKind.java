package org.zoomcompliance.pull;

import java.util.Arrays;
import java.util.Locale;

/** What {@code pull --kinds} names: the data Zoom's API gives, by the name an operator types. */
public enum PullKind {
    PARTICIPANTS,
    DASHBOARD,
    SIGNINS,
    OPERATIONS,
    USERS,
    RECORDINGS,
    /** {@code report/history_meetings}: each meeting's features used (cloud or local recording, waiting room). */
    HISTORY,
    /** {@code report/disclaimer}: who answered the recording and other notices, and how. */
    DISCLAIMERS;

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
