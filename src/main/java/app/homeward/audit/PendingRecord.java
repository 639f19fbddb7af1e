package app.homeward.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A record as it is known when it happens (who, clinic, time and address resolved on the request's own
 * thread), waiting to be written.
 */
record PendingRecord(UUID clinicId, Instant occurredAt, UUID actorId, String actorRole, AuditAction action,
                     AuditOutcome outcome, UUID clientId, AuditObject objectType, UUID objectId, String detail,
                     String ip, String subjectHash) {
}
