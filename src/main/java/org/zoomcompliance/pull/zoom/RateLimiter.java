package org.zoomcompliance.pull.zoom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

/**
 * Spaces calls per category so that this process stays within the account's per-second limits, and counts the
 * Heavy and Resource-intensive calls of the day (UTC, as Zoom counts) against the daily cap: past the cap a call
 * is refused before it is sent. Other apps of the account share the same limits, so Zoom may still answer 429;
 * the client then backs off.
 */
public final class RateLimiter {

    private final ZoomApiSettings.Limits limits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<Category, Instant> nextFree = new EnumMap<>(Category.class);
    private LocalDate day;
    private int cappedCalls;

    public RateLimiter(ZoomApiSettings.Limits limits, Clock clock, Sleeper sleeper) {
        this.limits = limits;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits for a call of the category to be within the limits, and counts it. */
    public synchronized void acquire(Category category) throws InterruptedException {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            cappedCalls = 0;
        }
        if (category.capped() && cappedCalls >= limits.daily()) {
            throw new ZoomApiException.DailyCapReached("the daily cap of " + limits.daily() + " Heavy and"
                    + " Resource-intensive calls (zoom.api.limits.daily) is used up; it resets at 00:00 UTC");
        }
        Instant free = nextFree.getOrDefault(category, Instant.MIN);
        if (free.isAfter(now)) {
            sleeper.sleep(Duration.between(now, free));
            now = free;
        }
        nextFree.put(category, now.plus(limits.spacing(category)));
        if (category.capped()) {
            cappedCalls++;
        }
    }

    /** Heavy and Resource-intensive calls made today by this process. */
    public synchronized int cappedCallsToday() {
        return day != null && day.equals(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)) ? cappedCalls : 0;
    }
}
