package app.homeward.client;

import java.util.UUID;

/**
 * Published inside the transaction that changed what reminders depend on: a client joined, was
 * archived or restored, or their time zone, language or simplified mode changed. The reminder
 * outbox follows in the same transaction.
 */
public record ClientChanged(UUID clinicId, UUID clientId) {
}
