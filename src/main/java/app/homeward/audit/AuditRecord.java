package app.homeward.audit;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail. Append-only: no setters, {@code @Immutable} (Hibernate never writes a
 * change to it), a repository that can only insert and read ({@link AuditRecordRepository}) and database
 * triggers that refuse UPDATE and DELETE (V10_1). Its clinic is its trail, filled and filtered by
 * Hibernate like every tenant row; platform events live in the trail {@link AuditTrail#PLATFORM}.
 */
@Entity
@Immutable
@Table(name = "audit_record")
public class AuditRecord extends TenantScopedEntity {

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", updatable = false, length = 36)
    private UUID actorId;

    @Column(name = "actor_role", updatable = false, length = 32)
    private String actorRole;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 16)
    private AuditOutcome outcome;

    @Column(name = "client_id", updatable = false, length = 36)
    private UUID clientId;

    @Column(name = "object_type", updatable = false, length = 32)
    private String objectType;

    @Column(name = "object_id", updatable = false, length = 36)
    private UUID objectId;

    @Column(updatable = false, length = 64)
    private String detail;

    @Column(updatable = false, length = 45)
    private String ip;

    @Column(name = "subject_hash", updatable = false, length = 64)
    private String subjectHash;

    protected AuditRecord() {
    }

    AuditRecord(PendingRecord pending) {
        this.occurredAt = pending.occurredAt();
        this.actorId = pending.actorId();
        this.actorRole = pending.actorRole();
        this.action = pending.action().code();
        this.outcome = pending.outcome();
        this.clientId = pending.clientId();
        this.objectType = pending.objectType() == null ? null : pending.objectType().name();
        this.objectId = pending.objectId();
        this.detail = pending.detail();
        this.ip = pending.ip();
        this.subjectHash = pending.subjectHash();
    }

    public Instant getOccurredAt() { return occurredAt; }
    public UUID getActorId() { return actorId; }
    public String getActorRole() { return actorRole; }
    /** The stored code; {@link AuditAction#ofCode} turns it back into an action (empty for a code this version does not know). */
    public String getAction() { return action; }
    public AuditOutcome getOutcome() { return outcome; }
    public UUID getClientId() { return clientId; }
    public String getObjectType() { return objectType; }
    public UUID getObjectId() { return objectId; }
    public String getDetail() { return detail; }
    public String getIp() { return ip; }
    public String getSubjectHash() { return subjectHash; }
}
