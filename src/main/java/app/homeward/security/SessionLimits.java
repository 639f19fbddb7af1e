package app.homeward.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;

/**
 * How long a signed-in session may last: {@code idle} without the person doing anything, and
 * {@code absolute} in all, however active. Each clinic chooses within the bounds below (ASVS 5.0 L2
 * asks for at most 30 minutes idle); the platform operator always has the defaults.
 */
public record SessionLimits(Duration idle, Duration absolute) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final int MIN_IDLE_MINUTES = 5;
    public static final int MAX_IDLE_MINUTES = 30;
    public static final int MIN_ABSOLUTE_HOURS = 1;
    public static final int MAX_ABSOLUTE_HOURS = 12;

    /** 30 minutes without activity, 12 hours in all. */
    public static final SessionLimits DEFAULT = new SessionLimits(Duration.ofMinutes(MAX_IDLE_MINUTES),
            Duration.ofHours(MAX_ABSOLUTE_HOURS));

    /** The platform operator's limits: fixed, not a clinic's choice. */
    public static final SessionLimits OPERATOR = DEFAULT;

    /** How long before the idle (or absolute) limit the page warns. */
    public static final Duration WARNING = Duration.ofMinutes(2);

    public int idleMinutes() {
        return (int) idle.toMinutes();
    }

    public int absoluteHours() {
        return (int) absolute.toHours();
    }
}
