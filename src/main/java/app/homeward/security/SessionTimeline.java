package app.homeward.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * When a session signed in, and when its person last did something (a click, a keystroke that
 * reached the server, a page load; never a heartbeat, a poll or the page's own timer). Kept in the
 * HTTP session under {@link #ATTRIBUTE}, written by {@link SessionSignIn} and {@link SessionGuardFilter}.
 */
public record SessionTimeline(Instant signedInAt, Instant lastActivityAt) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ATTRIBUTE = "homeward.session.timeline";

    public static SessionTimeline startingAt(Instant now) {
        return new SessionTimeline(now, now);
    }

    public SessionTimeline touchedAt(Instant now) {
        return now.isAfter(lastActivityAt) ? new SessionTimeline(signedInAt, now) : this;
    }

    public SessionDeadline deadline(SessionLimits limits) {
        return new SessionDeadline(lastActivityAt.plus(limits.idle()), signedInAt.plus(limits.absolute()));
    }
}
