package org.zoomcompliance.pull.zoom;

import java.time.Duration;

/** Waits: between calls (rate limits) and between attempts (back-off). Tests count the waits instead. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
