package app.homeward.security;

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

/** A single-use emailed token, stored only as its SHA-256. */
@Entity
@Table(name = "account_token")
class AccountToken extends TenantScopedEntity {

    @Column(name = "account_id", nullable = false, updatable = false, length = 36)
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 32)
    private TokenPurpose purpose;

    // CHAR(64) in V1: a SHA-256 in hex always has 64 characters
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** {@link TokenPurpose#CHANGE_EMAIL}: the address the account moves to when the link is opened. */
    @Column(name = "new_email", updatable = false, length = 254)
    private String newEmail;

    protected AccountToken() {
    }

    AccountToken(UUID accountId, TokenPurpose purpose, String tokenHash, Instant now) {
        this.createdAt = now;
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.expiresAt = now.plus(purpose.validity());
    }

    /** A confirmation of a new sign-in email, sent to that address. */
    static AccountToken emailChange(UUID accountId, String tokenHash, String newEmail, Instant now) {
        AccountToken token = new AccountToken(accountId, TokenPurpose.CHANGE_EMAIL, tokenHash, now);
        token.newEmail = newEmail;
        return token;
    }

    String getNewEmail() { return newEmail; }

    UUID getAccountId() { return accountId; }
    TokenPurpose getPurpose() { return purpose; }

    boolean usable(TokenPurpose expected, Instant now) {
        return purpose == expected && usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) { this.usedAt = now; }
}
