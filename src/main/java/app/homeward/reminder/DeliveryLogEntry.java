package app.homeward.reminder;

import java.time.Instant;
import java.util.UUID;

/** One line of a client's delivery log: what kind, when due, what happened, why it failed — never a body. */
public record DeliveryLogEntry(UUID id, ReminderKind kind, Instant dueAt, ReminderState state, Instant sentAt,
                               Instant changedAt, int attempts, String reason) {
}
