package org.zoomcompliance.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.zoomcompliance.config.PipelineSettings;

/**
 * Failed sign-ins, counted per user name and per client address: from the second failure in a row on, the next
 * attempt must wait ({@code delay}, doubling with each further failure), and after {@code max-failures} the user or
 * client is locked out for {@code lockout}. An attempt made too early is refused unchecked and counts as a failure,
 * so hammering only locks sooner. A success clears the user's count (not the client's: one good account must not
 * reset an attacker's address); failures older than the lockout are forgotten. Kept in memory: a restart forgets.
 */
final class SignInThrottle {

    /** Names and addresses tracked at most; expired ones are dropped first, then the oldest. */
    private static final int TRACKED = 10_000;

    /** Why an attempt is refused unchecked: a wait after failures, or a lockout, until when. */
    record Refusal(boolean lockedOut, Instant until) {
    }

    /** What a failure led to: whether the user or the client just got locked out, and until when. */
    record Failure(boolean userLockedOut, boolean clientLockedOut, Instant until) {
    }

    private record Failures(int count, Instant last) {
    }

    private final PipelineSettings.SignIn settings;
    private final Clock clock;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> clients = new ConcurrentHashMap<>();

    SignInThrottle(PipelineSettings.SignIn settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether an attempt may be checked now; a refusal says until when it may not. */
    Optional<Refusal> admit(String user, String client) {
        Instant now = clock.instant();
        return Optional.ofNullable(refusal(users.get(key(user)), now))
                .or(() -> Optional.ofNullable(refusal(clients.get(client), now)));
    }

    /** Counts a failed (or refused) attempt. */
    Failure failed(String user, String client) {
        Instant now = clock.instant();
        forgetExpired(now);
        Failures byUser = users.compute(key(user), (name, before) -> next(before, now));
        Failures byClient = clients.compute(client, (address, before) -> next(before, now));
        return new Failure(byUser.count() == settings.maxFailures(), byClient.count() == settings.maxFailures(),
                now.plus(settings.lockout()));
    }

    /** Clears the user's failures after a successful sign-in. */
    void succeeded(String user) {
        users.remove(key(user));
    }

    private Failures next(Failures before, Instant now) {
        int count = before == null || expired(before, now) ? 1 : before.count() + 1;
        return new Failures(count, now);
    }

    private Refusal refusal(Failures failures, Instant now) {
        if (failures == null || expired(failures, now) || failures.count() < 2) {
            return null;
        }
        boolean lockedOut = failures.count() >= settings.maxFailures();
        Instant until = failures.last().plus(lockedOut ? settings.lockout()
                : settings.delay().multipliedBy(1L << Math.min(failures.count() - 2, 30)));
        return now.isBefore(until) ? new Refusal(lockedOut, until) : null;
    }

    private boolean expired(Failures failures, Instant now) {
        return !now.isBefore(failures.last().plus(settings.lockout()));
    }

    private void forgetExpired(Instant now) {
        for (Map<String, Failures> tracked : List.of(users, clients)) {
            if (tracked.size() >= TRACKED) {
                tracked.values().removeIf(failures -> expired(failures, now));
            }
            if (tracked.size() >= TRACKED) {
                tracked.entrySet().stream().min(Comparator.comparing(entry -> entry.getValue().last()))
                        .ifPresent(oldest -> tracked.remove(oldest.getKey()));
            }
        }
    }

    /** User names compare without case and within a bounded length, as typed (the name may be unknown). */
    private static String key(String user) {
        String name = user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
