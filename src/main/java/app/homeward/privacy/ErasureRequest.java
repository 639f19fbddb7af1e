package app.homeward.privacy;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A client's request to erase their account and data: ids and dates only, kept after the erasure. */
@Entity
@Table(name = "erasure_request")
class ErasureRequest extends TenantScopedEntity {

    @Column(name = "client_id", nullable = false, updatable = false, length = 36)
    private UUID clientId;

    @Column(name = "requested_by", updatable = false, length = 36)
    private UUID requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private ErasureState state = ErasureState.REQUESTED;

    @Column(name = "confirmed_by", length = 36)
    private UUID confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "keep_days")
    private Integer keepDays;

    @Column(name = "erase_at")
    private Instant eraseAt;

    @Column(name = "erased_at")
    private Instant erasedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected ErasureRequest() {
    }

    ErasureRequest(UUID clientId, UUID requestedBy, Instant now) {
        this.clientId = clientId;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
    }

    /** The records are kept {@code days} after the request, and never erased before the confirmation. */
    void confirm(UUID admin, int days, Instant now) {
        this.state = ErasureState.CONFIRMED;
        this.confirmedBy = admin;
        this.confirmedAt = now;
        this.keepDays = days;
        Instant kept = requestedAt.plus(Duration.ofDays(days));
        this.eraseAt = kept.isAfter(now) ? kept : now;
    }

    void erased(Instant now) {
        this.state = ErasureState.ERASED;
        this.erasedAt = now;
    }

    void withdraw(Instant now) {
        this.state = ErasureState.WITHDRAWN;
        this.withdrawnAt = now;
    }

    UUID getClientId() { return clientId; }
    Instant getRequestedAt() { return requestedAt; }
    ErasureState getState() { return state; }
    Instant getConfirmedAt() { return confirmedAt; }
    Integer getKeepDays() { return keepDays; }
    Instant getEraseAt() { return eraseAt; }
    Instant getErasedAt() { return erasedAt; }
    Instant getWithdrawnAt() { return withdrawnAt; }
}
