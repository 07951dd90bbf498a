package org.zoomcompliance.pull.zoom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The Server-to-Server OAuth access token, cached: one token serves every call until shortly before it expires
 * (Zoom's tokens live an hour and come without a refresh token, so a new one is simply requested), and a token
 * Zoom refuses (401) is dropped so the next call gets a fresh one.
 */
final class AccessTokens {

    /** A token and when it stops being used. */
    record Token(String value, Instant renewAt) {
    }

    /** What a token request answered: the token and its lifetime in seconds. */
    record Granted(String value, long expiresInSeconds) {
    }

    private final Supplier<Granted> request;
    private final Clock clock;
    private final Duration margin;
    private Token current;
    private int requested;

    AccessTokens(Supplier<Granted> request, Clock clock, Duration margin) {
        this.request = request;
        this.clock = clock;
        this.margin = margin;
    }

    synchronized String get() {
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            Granted granted = request.get();
            requested++;
            // a lifetime shorter than the margin is used for half its length rather than not at all
            Duration life = Duration.ofSeconds(Math.max(1, granted.expiresInSeconds()));
            Duration use = life.compareTo(margin.multipliedBy(2)) > 0 ? life.minus(margin) : life.dividedBy(2);
            current = new Token(granted.value(), clock.instant().plus(use));
        }
        return current.value();
    }

    /** Drops the token if it is still the one Zoom refused. */
    synchronized void refused(String token) {
        if (current != null && current.value().equals(token)) {
            current = null;
        }
    }

    /** How many tokens were requested so far. */
    synchronized int requested() {
        return requested;
    }
}
