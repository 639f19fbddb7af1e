package app.homeward.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * An erasure request as the client and the admin see it. {@code eraseOn} is when the data goes: set once
 * confirmed; before that, when it would go if confirmed now (the request date plus the clinic's retention).
 * {@code clientName} is null once the client is erased (nothing of them is left to name).
 */
public record ErasureView(UUID id, UUID clientId, String clientName, ErasureState state, Instant requestedAt,
                          Instant confirmedAt, int keepDays, Instant eraseOn, Instant erasedAt, Instant withdrawnAt) {
}
