package app.homeward.homework;

import java.util.UUID;

/**
 * Published inside the transaction that raised a safety alert (a submitted measure crossed an alert
 * rule). It names whom to tell — the client's therapist — and the alert by id only, never the client,
 * the measure or the answer: the reminder outbox turns it into "a client needs your attention", in the
 * same transaction, so the email exists exactly when the alert does and is retried like any reminder;
 * it goes to the clinic's admins when the therapist can no longer be reached, and again to the admins
 * if the alert is still open after the clinic's escalation time ({@link HomeworkTimes#alertStillOpen}).
 *
 * @param alertId one of the alerts the submission raised (they are acknowledged together, per entry)
 */
public record SafetyAlertRaised(UUID clinicId, UUID therapistId, UUID alertId) {
}
