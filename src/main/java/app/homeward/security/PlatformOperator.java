package app.homeward.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Global: runs the service, belongs to no clinic. Created only by {@link OperatorBootstrap}. */
@Entity
@Table(name = "platform_operator")
class PlatformOperator {

    @Id
    @Column(length = 36)
    private UUID id = UUID.randomUUID();

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Bumped to end every session of the operator (password changed, second factor reset). */
    @Column(name = "session_stamp", nullable = false)
    private int sessionStamp;

    @Version
    private Long version;

    /** The operator's own authenticator second factor (null when Hibernate finds every column empty). */
    @Embedded
    private SecondFactor secondFactor;

    protected PlatformOperator() {
    }

    PlatformOperator(String email, String displayName, String passwordHash, Instant createdAt) {
        this.createdAt = createdAt;
        this.email = Account.normalise(email);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
    }

    UUID getId() { return id; }
    String getEmail() { return email; }
    String getDisplayName() { return displayName; }
    String getPasswordHash() { return passwordHash; }
    int getSessionStamp() { return sessionStamp; }

    /** A new password ends every session of the operator. */
    void changePassword(String hash) {
        this.passwordHash = hash;
        endSessions();
    }

    void endSessions() { this.sessionStamp++; }

    SecondFactor secondFactor() {
        if (secondFactor == null) {
            secondFactor = new SecondFactor();
        }
        return secondFactor;
    }
}
