package app.homeward.security;

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

/** An emailed offer to join a clinic with a role. Single use, valid 7 days, revocable. */
@Entity
@Table(name = "invitation")
public class Invitation extends TenantScopedEntity {

    public static final Duration VALIDITY = Duration.ofDays(7);

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private Role role;

    // CHAR(64) in V1: a SHA-256 in hex always has 64 characters
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "invited_by", length = 36)
    private UUID invitedBy;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Invitation() {
    }

    Invitation(String email, String displayName, Role role, UUID invitedBy, String tokenHash, Instant now) {
        this.createdAt = now;
        this.email = Account.normalise(email);
        this.displayName = displayName;
        this.role = role;
        this.invitedBy = invitedBy;
        renew(tokenHash, now);
    }

    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public Role getRole() { return role; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public Instant getRevokedAt() { return revokedAt; }

    public boolean isPending(Instant now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    public boolean isOpen() {
        return acceptedAt == null && revokedAt == null;
    }

    /** Resending issues a new link and a new week; the old link stops working. */
    void renew(String tokenHash, Instant now) {
        this.tokenHash = tokenHash;
        this.expiresAt = now.plus(VALIDITY);
    }

    void accept(Instant now) { this.acceptedAt = now; }
    void revoke(Instant now) { this.revokedAt = now; }
}
