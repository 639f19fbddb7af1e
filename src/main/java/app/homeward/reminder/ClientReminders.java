package app.homeward.reminder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A client's reminders as their therapist sees them: homework that could be reminded about now,
 * whether the client gets reminders at all, and the delivery log (no bodies).
 */
public record ClientReminders(UUID clientId, String clientName, ZoneId clinicZone, boolean remindersOn,
                              boolean reachable, List<DueNow> dueNow, List<DeliveryLogEntry> log) {

    /** One plan with homework due today or overdue (still within grace). */
    public record DueNow(UUID assignmentId, String title, Instant dueAt) {
    }
}
