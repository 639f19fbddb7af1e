package app.homeward.security;

import jakarta.persistence.Column;
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
    private Instant createdAt = Instant.now();

    @Version
    private Long version;

    protected PlatformOperator() {
    }

    PlatformOperator(String email, String displayName, String passwordHash) {
        this.email = Account.normalise(email);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
    }

    UUID getId() { return id; }
    String getEmail() { return email; }
    String getDisplayName() { return displayName; }
    String getPasswordHash() { return passwordHash; }
    void changePassword(String hash) { this.passwordHash = hash; }
}
