package app.homeward.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One record as the trail's readers show it: the stored ids and codes, and the names found for them now
 * (null where there is none: erased, removed, or nobody).
 *
 * @param objectName the clinic's name for platform events about a clinic, else null
 */
public record AuditRow(UUID id, Instant occurredAt, UUID actorId, String actorName, String actorRole, String actionCode,
                       AuditOutcome outcome, UUID clientId, String clientName, String objectType, UUID objectId,
                       String objectName, String detail, String ip, String subjectHash) {

    /** The action, if this version of Homeward knows its code. */
    public Optional<AuditAction> action() {
        return AuditAction.ofCode(actionCode);
    }
}
