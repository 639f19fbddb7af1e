package app.homeward.homework;

import java.time.Instant;
import java.util.UUID;

/** A client's request to change an assignment. */
public record ChangeRequestSummary(UUID id, UUID assignmentId, String assignmentTitle, ChangeReason reason, String note,
                                Instant createdAt, Instant resolvedAt) {
}
