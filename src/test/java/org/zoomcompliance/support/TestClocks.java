package org.zoomcompliance.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Clocks for tests, so that no test depends on the day it runs. */
public final class TestClocks {

    /** The night after the sample month (October 2026), 03:00 in Paris: when a scheduler would process it. */
    public static final Instant AFTER_SAMPLE_MONTH = Instant.parse("2026-11-02T02:00:00Z");

    private TestClocks() {
    }

    /** {@link #runningFrom} {@link #AFTER_SAMPLE_MONTH}: the clock every test runs the application with. */
    public static Clock afterSampleMonth() {
        return runningFrom(AFTER_SAMPLE_MONTH);
    }

    /**
     * A clock that reads {@code start} when created and then runs: the day is fixed for the test, while two runs of
     * a job a moment apart still see two instants.
     */
    public static Clock runningFrom(Instant start) {
        return Clock.offset(Clock.system(ZoneOffset.UTC), Duration.between(Instant.now(), start));
    }
}
