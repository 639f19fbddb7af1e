package app.homeward;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How time works in the tests: every Spring test starts with the application's clock
 * ({@link app.homeward.base.AppClock}) at {@link #START}, never at the wall clock, so the suite
 * passes or fails the same at any hour and in any time zone. A test that is about a particular moment
 * (just before midnight in the client's zone, either side of a daylight-saving change) moves the clock
 * there itself; the clock then runs on from that instant, as a real one would.
 * <p>
 * {@code -Dhomeward.test.now=2026-11-18T23:30:00Z} starts the suite at another instant: CI runs the
 * time-sensitive packages at 00:30, 10:30 and 23:30 UTC and in the JVM zones Pacific/Kiritimati
 * (UTC+14) and Pacific/Pago_Pago (UTC−11), see {@code .ci/run}.
 * <p>
 * Read "now" and "today" from the application's clock ({@code clock.instant()},
 * {@link #today(Clock, ZoneId)}), never with {@code Instant.now()} or {@code LocalDate.now()}:
 * {@code ArchitectureTest} fails on a test that does.
 */
public final class TestTime {

    /** A Wednesday in November, away from daylight-saving changes on both sides of the Atlantic. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-18T10:30:00Z");

    /** Where every test's clock starts. */
    public static final Instant START = start();

    private TestTime() {
    }

    /** The calendar day in this zone at the clock's now. */
    public static LocalDate today(Clock clock, ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static Instant start() {
        String configured = System.getProperty("homeward.test.now", "");
        return configured.isBlank() ? DEFAULT_START : Instant.parse(configured.strip());
    }
}
