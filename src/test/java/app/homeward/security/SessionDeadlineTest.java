package app.homeward.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** When a session ends, and when its page is told to warn. */
class SessionDeadlineTest {

    static final Instant SIGNED_IN = Instant.parse("2026-11-18T08:00:00Z");
    static final SessionLimits CLINIC = SessionLimits.DEFAULT;

    @Test
    void a_fresh_session_warns_after_28_minutes_and_ends_after_30() {
        SessionDeadline deadline = SessionTimeline.startingAt(SIGNED_IN).deadline(CLINIC);

        assertThat(deadline.warnAt()).isEqualTo(SIGNED_IN.plus(Duration.ofMinutes(28)));
        assertThat(deadline.endsAt()).isEqualTo(SIGNED_IN.plus(Duration.ofMinutes(30)));
        assertThat(deadline.endingFor()).isEqualTo(SessionEndReason.IDLE);
        assertThat(deadline.nextCheckAfter(SIGNED_IN)).as("the page's first wait").isEqualTo(Duration.ofMinutes(28));
        assertThat(deadline.nextCheckAfter(SIGNED_IN.plusSeconds(60))).isEqualTo(Duration.ofMinutes(27));
    }

    @Test
    void once_warned_the_page_waits_for_the_end_and_the_limit_is_reached_at_the_end_exactly() {
        SessionDeadline deadline = SessionTimeline.startingAt(SIGNED_IN).deadline(CLINIC);
        Instant warned = SIGNED_IN.plus(Duration.ofMinutes(28));

        assertThat(deadline.warningDueAt(warned.minusMillis(1))).isFalse();
        assertThat(deadline.warningDueAt(warned)).isTrue();
        assertThat(deadline.nextCheckAfter(warned)).isEqualTo(Duration.ofMinutes(2));
        assertThat(deadline.overAt(SIGNED_IN.plus(Duration.ofMinutes(30)).minusMillis(1))).isEmpty();
        assertThat(deadline.overAt(SIGNED_IN.plus(Duration.ofMinutes(30)))).contains(SessionEndReason.IDLE);
        assertThat(deadline.nextCheckAfter(SIGNED_IN.plus(Duration.ofMinutes(31)))).isEqualTo(Duration.ZERO);
    }

    @Test
    void activity_moves_the_idle_limit_but_never_the_absolute_one() {
        Instant late = SIGNED_IN.plus(Duration.ofHours(11).plusMinutes(50));
        SessionTimeline active = SessionTimeline.startingAt(SIGNED_IN).touchedAt(late);

        SessionDeadline deadline = active.deadline(CLINIC);

        assertThat(active.signedInAt()).isEqualTo(SIGNED_IN);
        assertThat(deadline.endsAt()).isEqualTo(SIGNED_IN.plus(Duration.ofHours(12)));
        assertThat(deadline.endingFor()).isEqualTo(SessionEndReason.ABSOLUTE);
        assertThat(deadline.warnAt()).isEqualTo(SIGNED_IN.plus(Duration.ofHours(12)).minus(SessionLimits.WARNING));
        assertThat(deadline.overAt(SIGNED_IN.plus(Duration.ofHours(12)))).contains(SessionEndReason.ABSOLUTE);
    }

    @Test
    void the_absolute_limit_is_named_first_when_both_are_reached() {
        SessionDeadline deadline = SessionTimeline.startingAt(SIGNED_IN).deadline(
                new SessionLimits(Duration.ofMinutes(30), Duration.ofHours(1)));

        assertThat(deadline.overAt(SIGNED_IN.plus(Duration.ofHours(2)))).contains(SessionEndReason.ABSOLUTE);
    }

    @Test
    void a_late_or_repeated_touch_never_moves_activity_back() {
        SessionTimeline timeline = SessionTimeline.startingAt(SIGNED_IN).touchedAt(SIGNED_IN.plusSeconds(600));

        assertThat(timeline.touchedAt(SIGNED_IN.plusSeconds(300))).isEqualTo(timeline);
    }
}
