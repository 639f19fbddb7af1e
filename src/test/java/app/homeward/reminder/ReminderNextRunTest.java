package app.homeward.reminder;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a clinic's delivery task runs again. The case that matters for fairness under the mail cap: a run that
 * stopped at its budget with reminders still due goes behind the clinics that were due before it finished,
 * instead of ahead of them with the time its backlog became due (db-scheduler runs due tasks oldest first).
 */
class ReminderNextRunTest {

    static final Instant NOW = Instant.parse("2026-12-05T20:00:00Z");

    @Test
    void a_backlog_still_due_runs_again_now_not_at_the_time_it_became_due() {
        assertThat(ReminderScheduling.nextRun(NOW.minus(Duration.ofMinutes(30)), NOW)).isEqualTo(NOW);
    }

    @Test
    void a_reminder_due_soon_wakes_the_task_when_it_is_due() {
        assertThat(ReminderScheduling.nextRun(NOW.plusSeconds(20), NOW)).isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void nothing_pending_or_due_later_looks_again_within_a_minute() {
        assertThat(ReminderScheduling.nextRun(null, NOW)).isEqualTo(NOW.plus(ReminderScheduling.LOOK_AGAIN));
        assertThat(ReminderScheduling.nextRun(NOW.plus(Duration.ofHours(3)), NOW)).isEqualTo(NOW.plus(ReminderScheduling.LOOK_AGAIN));
    }
}
