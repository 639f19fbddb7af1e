package app.homeward.homework;

import java.time.Instant;
import java.util.UUID;

/** A safety alert as staff see it. */
public record AlertView(UUID id, UUID clientId, String clientName, UUID entryId, String label, int value,
                        Instant raisedAt, Instant acknowledgedAt, String note) {
}
