package app.homeward.reminder;

import app.homeward.homework.DueHomework;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * When the reminders of one occurrence go out. All local times are the client's, on the due day:
 * <ul>
 * <li>planned: at the client's time for this assignment, else their preferred time, else the time the
 *     therapist planned;</li>
 * <li>due soon / overdue: the clinic's hours before / after the due time (overdue only while the
 *     homework can still be done, i.e. within the grace period);</li>
 * <li>extra (simplified mode): three hours before the planned reminder.</li>
 * </ul>
 * A planned reminder whose time has passed while the homework is still ahead goes now (once: the
 * planner never repeats a reminder that went out). A time inside quiet hours moves to the end of the quiet hours; what then no longer makes sense
 * (due soon after the due time, overdue after the grace period) is dropped, as is anything in the past.
 * A whole-day quiet window means no reminders.
 */
record ReminderTimes(ZoneId zone, LocalTime preferred, LocalTime override, QuietHours quiet, int dueSoonHours,
                     int overdueHours, Duration grace, boolean simplified) {

    static final Duration EXTRA_BEFORE = Duration.ofHours(3);

    Map<ReminderKind, Instant> of(DueHomework homework, Instant now) {
        Map<ReminderKind, Instant> result = new EnumMap<>(ReminderKind.class);
        if (quiet.wholeDay()) {
            return result;
        }
        ZonedDateTime due = homework.dueAt().atZone(zone);
        LocalTime at = override != null ? override : preferred != null ? preferred : due.toLocalTime();
        // ZonedDateTime.of moves a time that does not exist (spring forward) to the valid one after it
        ZonedDateTime planned = outOfQuietHours(ZonedDateTime.of(due.toLocalDate(), at, zone));
        if (planned.toInstant().isBefore(now) && homework.dueAt().isAfter(now)) {
            // its time has passed but the homework is still ahead (assigned late, time changed): remind now
            planned = outOfQuietHours(now.atZone(zone));
        }
        put(result, ReminderKind.PLANNED, planned.toInstant(), now);
        if (dueSoonHours > 0) {
            Instant soon = outOfQuietHours(due.minusHours(dueSoonHours)).toInstant();
            if (soon.isBefore(homework.dueAt()) && soon.isAfter(planned.toInstant())) {
                put(result, ReminderKind.DUE_SOON, soon, now);
            }
        }
        if (overdueHours > 0) {
            Instant late = outOfQuietHours(due.plusHours(overdueHours)).toInstant();
            if (late.isBefore(homework.dueAt().plus(grace))) {
                put(result, ReminderKind.OVERDUE, late, now);
            }
        }
        if (simplified) {
            Instant extra = outOfQuietHours(planned.minus(EXTRA_BEFORE)).toInstant();
            if (extra.isBefore(planned.toInstant())) {
                put(result, ReminderKind.EXTRA, extra, now);
            }
        }
        return result;
    }

    /** Inside quiet hours: the end of them, on the same day or the next (a window can cross midnight). */
    ZonedDateTime outOfQuietHours(ZonedDateTime time) {
        ZonedDateTime local = time.withZoneSameInstant(zone);
        if (!quiet.contains(local.toLocalTime())) {
            return local;
        }
        ZonedDateTime end = ZonedDateTime.of(local.toLocalDate(), quiet.end(), zone);
        return end.isAfter(local) ? end : ZonedDateTime.of(local.toLocalDate().plusDays(1), quiet.end(), zone);
    }

    /** Whether a reminder may go out at {@code now}, or else when it may. */
    Instant allowedFrom(Instant now) {
        return outOfQuietHours(now.atZone(zone)).toInstant();
    }

    private static void put(Map<ReminderKind, Instant> result, ReminderKind kind, Instant at, Instant now) {
        // a minute of slack: a reminder planned "now" (assigned in session for right away) still goes
        if (at.isBefore(now.minus(Duration.ofMinutes(1)))) {
            return;
        }
        if (result.containsValue(at)) {
            return; // two nudges at the same moment are one email
        }
        result.put(kind, at);
    }
}
