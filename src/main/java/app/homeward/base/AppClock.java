package app.homeward.base;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock: the system's UTC time, plus an offset that tests — and, in development,
 * the dev tools page — can move, to see tomorrow's reminders today. Production never moves it (the
 * page that could is off outside development).
 */
public final class AppClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Makes "now" this instant (time keeps running from there). */
    public void moveTo(Instant now) {
        this.offset = Duration.between(Instant.now(), now);
    }

    public void moveBy(Duration duration) {
        this.offset = offset.plus(duration);
    }

    public void reset() {
        this.offset = Duration.ZERO;
    }

    public Duration offset() {
        return offset;
    }
}
