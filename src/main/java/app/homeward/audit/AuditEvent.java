package app.homeward.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One operator action. Append-only: no setters, no update or delete anywhere. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @Column(length = 36)
    private UUID id = UUID.randomUUID();

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt = Instant.now();

    @Column(nullable = false, updatable = false, length = 254)
    private String actor;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Column(name = "clinic_id", updatable = false, length = 36)
    private UUID clinicId;

    @Column(updatable = false, length = 500)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(String actor, String action, UUID clinicId, String detail) {
        this.actor = actor;
        this.action = action;
        this.clinicId = clinicId;
        this.detail = detail;
    }

    public UUID getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public UUID getClinicId() { return clinicId; }
    public String getDetail() { return detail; }
}
