package app.homeward.reminder;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** What the client's reminder settings page shows: their choices (or the clinic's defaults) and their plans. */
public record ReminderChoices(boolean enabled, LocalTime preferredTime, QuietHours quietHours, Instant unsubscribedAt,
                              ZoneId zone, String language, List<PlanReminder> plans) {

    /** One active plan: reminders on or off for it, and its own time if the client chose one. */
    public record PlanReminder(UUID assignmentId, String title, LocalTime plannedTime, boolean enabled,
                               LocalTime ownTime) {
    }
}
