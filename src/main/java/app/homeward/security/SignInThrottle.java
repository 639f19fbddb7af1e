package app.homeward.security;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Slows down password and second-factor-code guessing per account and per IP address with a progressive
 * delay: the first {@value #FREE_FAILURES} failures cost nothing, then each further failure doubles the
 * wait before the next attempt is even checked, up to a cap. It never locks an account, so nobody can
 * shut a colleague out by typing wrong passwords; they can only slow the next attempt by a minute.
 * <p>
 * The counts live in the database ({@link SharedLimitStore}), shared by every instance and kept across
 * restarts (decision 0027, which replaces the per-node maps of 0007).
 * <ul>
 * <li>Passwords: wait capped at {@link #MAX_DELAY} (60 s) per account and per address; a count is forgotten
 * 15 minutes after its last failure; a success clears the account's count.</li>
 * <li>Second-factor codes (for whoever builds TOTP: call {@link #secondsToWaitForCode},
 * {@link #secondFactorFailed} and {@link #secondFactorSucceeded} around every code or recovery-code check):
 * counted apart from passwords, per account id and per address; the account's wait grows to
 * {@link #MAX_CODE_DELAY} (15 min), since only someone who already has the password can fail there and a
 * six-digit code must not be guessable in a day; the address's stops at 60 s, as for passwords, so one
 * person's fumbled codes do not hold up a whole office for long. Forgotten an hour after the last failure.</li>
 * </ul>
 */
@Component
public class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    static final Duration MAX_CODE_DELAY = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final Duration FORGET_CODES_AFTER = Duration.ofHours(1);

    private final SharedLimitStore store;
    private final Clock appClock;
    private volatile Clock clock;

    SignInThrottle(SharedLimitStore store, Clock appClock) {
        this.store = store;
        this.appClock = appClock;
        this.clock = appClock;
    }

    /** Seconds to wait before an attempt for this account from this address may be checked; 0 when free. */
    public long secondsToWait(String accountKey, String ip) {
        return secondsToWait(Counted.PASSWORD, accountKey, ip);
    }

    public void failed(String accountKey, String ip) {
        failed(Counted.PASSWORD, accountKey, ip);
    }

    public void succeeded(String accountKey) {
        store.forgetFailures(Counted.PASSWORD.accountKey(accountKey));
    }

    /** Seconds to wait before a second-factor (or recovery) code for this account from this address may be checked; 0 when free. */
    public long secondsToWaitForCode(UUID accountId, String ip) {
        return secondsToWait(Counted.CODE, accountId.toString(), ip);
    }

    /** A wrong second-factor or recovery code for this account from this address. */
    public void secondFactorFailed(UUID accountId, String ip) {
        failed(Counted.CODE, accountId.toString(), ip);
    }

    /** A right code: the account's count starts again (the address's runs out by itself). */
    public void secondFactorSucceeded(UUID accountId) {
        store.forgetFailures(Counted.CODE.accountKey(accountId.toString()));
    }

    /** Tests freeze time here so "wait N seconds" does not depend on how fast they run; null: the application's clock. */
    void useClock(Clock testClock) {
        this.clock = testClock == null ? appClock : testClock;
    }

    /** For tests: forget every failure (of every instance: they share the table). */
    void reset() {
        store.deleteAllFailures();
    }

    private long secondsToWait(Counted counted, String account, String ip) {
        Instant now = clock.instant();
        String accountKey = counted.accountKey(account);
        String ipKey = counted.ipKey(ip);
        Map<String, SharedLimitStore.Failures> failures = store.failures(accountKey, ipKey, now);
        return Math.max(wait(failures.get(accountKey), counted.accountCap, now),
                wait(failures.get(ipKey), MAX_DELAY, now));
    }

    private void failed(Counted counted, String account, String ip) {
        store.countFailure(List.of(counted.accountKey(account), counted.ipKey(ip)), clock.instant(), counted.forgetAfter);
    }

    private static long wait(SharedLimitStore.Failures f, Duration cap, Instant now) {
        if (f == null || f.count() < FREE_FAILURES) {
            return 0;
        }
        long delaySeconds = Math.min(cap.toSeconds(), 1L << Math.min(f.count() - FREE_FAILURES, 30));
        // never longer than the delay itself, even if the clock went back since the failure
        long millis = Math.min(delaySeconds * 1000, Duration.between(now, f.last().plusSeconds(delaySeconds)).toMillis());
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    /** What is counted: its own keys, cap for the account and memory. */
    private enum Counted {
        PASSWORD("signin", MAX_DELAY, FORGET_AFTER),
        CODE("code", MAX_CODE_DELAY, FORGET_CODES_AFTER);

        private final String prefix;
        private final Duration accountCap;
        private final Duration forgetAfter;

        Counted(String prefix, Duration accountCap, Duration forgetAfter) {
            this.prefix = prefix;
            this.accountCap = accountCap;
            this.forgetAfter = forgetAfter;
        }

        String accountKey(String account) {
            return prefix + "-account:" + RateLimits.hash(account == null ? "" : account);
        }

        String ipKey(String ip) {
            return prefix + "-ip:" + RateLimits.hash(ip == null ? "" : ip);
        }
    }
}
