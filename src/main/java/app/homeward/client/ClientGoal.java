package app.homeward.client;

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

/** A simple goal the client works towards; homework can be linked to it. */
@Entity
@Table(name = "client_goal")
class ClientGoal extends TenantScopedEntity {

    @Column(name = "client_id", nullable = false, updatable = false, length = 36)
    private UUID clientId;

    @Column(nullable = false, length = 300)
    private String text;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private GoalStatus status = GoalStatus.ACTIVE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ClientGoal() {
    }

    ClientGoal(UUID clientId, String text, Instant now) {
        this.clientId = clientId;
        this.text = text;
        this.createdAt = now;
    }

    void change(String newText, GoalStatus newStatus) {
        this.text = newText;
        this.status = newStatus;
    }

    UUID getClientId() { return clientId; }
    String getText() { return text; }
    GoalStatus getStatus() { return status; }
    Instant getCreatedAt() { return createdAt; }
}
