package app.homeward.homework;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** "Ask for a change" from the client on an assignment; open until the therapist resolves it. */
@Entity
@Table(name = "change_request")
public class ChangeRequest extends TenantScopedEntity {

    @Column(name = "assignment_id", nullable = false, updatable = false, length = 36)
    private UUID assignmentId;

    @Column(name = "client_id", nullable = false, updatable = false, length = 36)
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private ChangeReason reason;

    @Column(nullable = false, length = 1000)
    private String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected ChangeRequest() {
    }

    public ChangeRequest(UUID assignmentId, UUID clientId, ChangeReason reason, String note, Instant now) {
        this.assignmentId = assignmentId;
        this.clientId = clientId;
        this.reason = reason;
        this.note = note;
        this.createdAt = now;
    }

    public void resolve(Instant now) { this.resolvedAt = now; }

    public UUID getAssignmentId() { return assignmentId; }
    public UUID getClientId() { return clientId; }
    public ChangeReason getReason() { return reason; }
    public String getNote() { return note; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getResolvedAt() { return resolvedAt; }
}
