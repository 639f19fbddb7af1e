package app.homeward.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a session ends unless its person does something ({@code idleEndsAt}), and when it ends in any
 * case ({@code absoluteEndsAt}). The page warns {@link SessionLimits#WARNING} before the earlier one.
 */
public record SessionDeadline(Instant idleEndsAt, Instant absoluteEndsAt) {

    public Instant endsAt() {
        return absoluteEndsAt.isBefore(idleEndsAt) ? absoluteEndsAt : idleEndsAt;
    }

    /** Which limit ends the session first: {@link SessionEndReason#IDLE} or {@link SessionEndReason#ABSOLUTE}. */
    public SessionEndReason endingFor() {
        return absoluteEndsAt.isBefore(idleEndsAt) ? SessionEndReason.ABSOLUTE : SessionEndReason.IDLE;
    }

    public Instant warnAt() {
        return endsAt().minus(SessionLimits.WARNING);
    }

    /** The limit this session is over at {@code now}, if any (the absolute one first). */
    public Optional<SessionEndReason> overAt(Instant now) {
        if (!now.isBefore(absoluteEndsAt)) {
            return Optional.of(SessionEndReason.ABSOLUTE);
        }
        if (!now.isBefore(idleEndsAt)) {
            return Optional.of(SessionEndReason.IDLE);
        }
        return Optional.empty();
    }

    public boolean warningDueAt(Instant now) {
        return !now.isBefore(warnAt());
    }

    /** Time from {@code now} until the page should next look: the warning, or the end once warned. */
    public Duration nextCheckAfter(Instant now) {
        Instant next = warningDueAt(now) ? endsAt() : warnAt();
        Duration wait = Duration.between(now, next);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
