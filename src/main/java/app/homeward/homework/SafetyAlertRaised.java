package app.homeward.homework;

import java.util.UUID;

/**
 * Published inside the transaction that raised a safety alert (a submitted measure crossed an alert
 * rule). It names only whom to tell — the client's therapist — never the client, the measure or the
 * answer: the reminder outbox turns it into "a client needs your attention", in the same
 * transaction, so the email exists exactly when the alert does and is retried like any reminder.
 */
public record SafetyAlertRaised(UUID clinicId, UUID therapistId) {
}
