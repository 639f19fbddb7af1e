package app.homeward.security;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per account and per IP address with a progressive delay: the first
 * {@value #FREE_FAILURES} failures cost nothing, then each further failure doubles the wait before the
 * next attempt is even checked, up to {@link #MAX_DELAY}. It never locks an account, so nobody can
 * shut a colleague out by typing wrong passwords; they can only slow the next attempt by a minute.
 * Kept in memory per node (see docs/decisions/0007-sign-in-throttling.md).
 */
@Component
public class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 50_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();

    /** Seconds to wait before an attempt for this account from this address may be checked; 0 when free. */
    public long secondsToWait(String accountKey, String ip) {
        Instant now = clock.instant();
        return Math.max(wait("a:" + accountKey, now), wait("ip:" + ip, now));
    }

    public void failed(String accountKey, String ip) {
        Instant now = clock.instant();
        if (failures.size() > MAX_ENTRIES) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
            if (failures.size() > MAX_ENTRIES) {
                // under a flood of distinct keys, forgetting is safer than running out of memory
                failures.clear();
            }
        }
        record("a:" + accountKey, now);
        record("ip:" + ip, now);
    }

    public void succeeded(String accountKey) {
        failures.remove("a:" + accountKey);
    }

    void useClock(Clock testClock) {
        this.clock = testClock;
    }

    void reset() {
        failures.clear();
    }

    private void record(String key, Instant now) {
        failures.merge(key, new Failures(1, now), (old, fresh) ->
                old.last().plus(FORGET_AFTER).isBefore(now) ? fresh : new Failures(old.count() + 1, now));
    }

    private long wait(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < FREE_FAILURES || f.last().plus(FORGET_AFTER).isBefore(now)) {
            return 0;
        }
        long delaySeconds = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(f.count() - FREE_FAILURES, 6));
        long millis = Duration.between(now, f.last().plusSeconds(delaySeconds)).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    private record Failures(int count, Instant last) {
    }
}
