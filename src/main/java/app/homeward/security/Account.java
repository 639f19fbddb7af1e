package app.homeward.security;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Locale;

/** A person's sign-in at one clinic. The same email at another clinic is another account. */
@Entity
@Table(name = "account")
public class Account extends TenantScopedEntity {

    /** Stored lower-cased: uniqueness per clinic is case-insensitive. */
    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private Role role;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private AccountStatus status;

    @Column(name = "password_hash")
    private String passwordHash;

    /** Null: the clinic's default language. */
    @Column(length = 8)
    private String language;

    /**
     * Bumped to end every session of this account: password changed or reset, email changed, "sign out
     * everywhere", second factor reset, deactivation.
     */
    @Column(name = "session_stamp", nullable = false)
    private int sessionStamp;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    /** Staff: when the daily digest of new entries and change requests comes; null = no digest. */
    @Column(name = "digest_time")
    private LocalTime digestTime;

    /** Staff: the zone of the digest time; null = the clinic's. */
    @Column(name = "time_zone", length = 64)
    private String timeZone;

    /** The authenticator second factor (null when Hibernate finds every column empty). */
    @Embedded
    private SecondFactor secondFactor;

    protected Account() {
    }

    Account(String email, String displayName, Role role, AccountStatus status, String passwordHash, Instant createdAt) {
        this.createdAt = createdAt;
        if (role == Role.PLATFORM_OPERATOR) {
            throw new IllegalArgumentException("operators are not clinic accounts");
        }
        this.email = normalise(email);
        this.displayName = displayName;
        this.role = role;
        this.status = status;
        this.passwordHash = passwordHash;
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public Role getRole() { return role; }
    public AccountStatus getStatus() { return status; }
    String getPasswordHash() { return passwordHash; }
    public String getLanguage() { return language; }
    public int getSessionStamp() { return sessionStamp; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastSignInAt() { return lastSignInAt; }

    void changePassword(String hash) {
        this.passwordHash = hash;
        endSessions();
    }

    /** A re-hash with a stronger algorithm on sign-in: same password, so sessions stay. */
    void changePasswordKeepingSessions(String hash) {
        this.passwordHash = hash;
    }

    /** A new sign-in email (confirmed from the new address) ends every session: sessions carry the old one. */
    void changeEmail(String email) {
        this.email = normalise(email);
        endSessions();
    }

    void changeLanguage(String language) { this.language = language; }

    void changeDigest(LocalTime time, String zone) {
        this.digestTime = time;
        this.timeZone = zone;
    }

    public LocalTime getDigestTime() { return digestTime; }
    public String getTimeZone() { return timeZone; }
    void rename(String displayName) { this.displayName = displayName; }
    void signedIn(Instant now) { this.lastSignInAt = now; }
    void activate() { this.status = AccountStatus.ACTIVE; }

    void deactivate() {
        this.status = AccountStatus.DEACTIVATED;
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
