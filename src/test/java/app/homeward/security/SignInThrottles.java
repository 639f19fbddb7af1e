package app.homeward.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Lets tests outside this package reset the sign-in throttle (its table, shared by every instance) and
 * stop its clock. Browserless view tests all come from the same mock client address, so its per-address
 * count would otherwise carry from one test to the next.
 */
public final class SignInThrottles {

    private SignInThrottles() {
    }

    /** Forgets every failure and goes back to the real clock. */
    public static void reset(SignInThrottle throttle) {
        throttle.useClock(null);
        throttle.reset();
    }

    /** Forgets every failure and freezes time, so "wait N seconds" does not depend on how fast the test runs. */
    public static void resetOnFrozenClock(SignInThrottle throttle, Instant now) {
        throttle.reset();
        throttle.useClock(Clock.fixed(now, ZoneOffset.UTC));
    }
}
