package app.homeward.homework;

import java.util.UUID;

/**
 * Published inside the transaction that changed a client's homework (a plan assigned, changed or
 * ended, an occurrence completed or skipped). Listeners that must stay consistent with the change
 * — the reminder outbox — handle it synchronously, in the same transaction.
 */
public record HomeworkChanged(UUID clinicId, UUID clientId) {
}
