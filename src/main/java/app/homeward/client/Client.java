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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A client in a therapist's caseload. The account appears when they accept the invitation. */
@Entity
@Table(name = "client")
class Client extends TenantScopedEntity {

    @Column(name = "therapist_id", nullable = false, length = 36)
    private UUID therapistId;

    @Column(name = "account_id", length = 36)
    private UUID accountId;

    @Column(name = "invitation_id", length = 36)
    private UUID invitationId;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false, length = 8)
    private String language;

    @Column(name = "next_session_on")
    private LocalDate nextSessionOn;

    @Column(nullable = false)
    private boolean simplified;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private ClientStatus status = ClientStatus.INVITED;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    protected Client() {
    }

    Client(UUID therapistId, String displayName, String email, ZoneId zone, String language, Instant now) {
        this.therapistId = therapistId;
        this.displayName = displayName;
        this.email = email;
        this.timeZone = zone.getId();
        this.language = language;
        this.createdAt = now;
    }

    void invited(UUID invitationId) { this.invitationId = invitationId; }

    void joined(UUID account, Instant now) {
        this.accountId = account;
        if (status == ClientStatus.INVITED) {
            this.status = ClientStatus.ACTIVE;
        }
        this.lastActivityAt = now;
    }

    void update(String displayName, ZoneId zone, String language, LocalDate nextSession, boolean simplified) {
        this.displayName = displayName;
        this.timeZone = zone.getId();
        this.language = language;
        this.nextSessionOn = nextSession;
        this.simplified = simplified;
    }

    void reassign(UUID therapist) { this.therapistId = therapist; }

    void archive(Instant now) {
        this.status = ClientStatus.ARCHIVED;
        this.archivedAt = now;
    }

    void restore() {
        this.status = accountId == null ? ClientStatus.INVITED : ClientStatus.ACTIVE;
        this.archivedAt = null;
    }

    void active(Instant now) { this.lastActivityAt = now; }

    UUID getTherapistId() { return therapistId; }
    UUID getAccountId() { return accountId; }
    UUID getInvitationId() { return invitationId; }
    String getDisplayName() { return displayName; }
    String getEmail() { return email; }
    ZoneId getTimeZone() { return ZoneId.of(timeZone); }
    String getLanguage() { return language; }
    LocalDate getNextSessionOn() { return nextSessionOn; }
    boolean isSimplified() { return simplified; }
    ClientStatus getStatus() { return status; }
    Instant getLastActivityAt() { return lastActivityAt; }
    Instant getCreatedAt() { return createdAt; }
}
