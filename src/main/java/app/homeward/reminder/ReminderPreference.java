package app.homeward.reminder;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/** A client's own reminder choices; until they choose, the clinic's defaults apply . */
@Entity
@Table(name = "reminder_preference")
class ReminderPreference extends TenantScopedEntity {

    @Column(name = "client_id", nullable = false, updatable = false, length = 36)
    private UUID clientId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "preferred_time")
    private LocalTime preferredTime;

    @Column(name = "quiet_start")
    private LocalTime quietStart;

    @Column(name = "quiet_end")
    private LocalTime quietEnd;

    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    /**
     * The SHA-256 of the one unsubscribe secret that emails sent before version 6 carried (null for
     * clients who got none): those links keep working. Newer emails each carry their own secret, whose
     * hash is on the reminder row ({@link Reminder#issueUnsubscribe}).
     */
    @Column(name = "legacy_unsubscribe_hash", length = 64, updatable = false)
    private String legacyUnsubscribeHash;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReminderPreference() {
    }

    /** A client's first row starts from the clinic's defaults. */
    ReminderPreference(UUID clientId, ReminderRules defaults, Instant now) {
        this.clientId = clientId;
        this.enabled = defaults.remindersDefaultOn();
        this.quietStart = defaults.quietStart();
        this.quietEnd = defaults.quietEnd();
        this.updatedAt = now;
    }

    void change(boolean enabled, LocalTime preferredTime, LocalTime quietStart, LocalTime quietEnd, Instant now) {
        this.enabled = enabled;
        this.preferredTime = preferredTime;
        this.quietStart = quietStart;
        this.quietEnd = quietEnd;
        if (enabled) {
            this.unsubscribedAt = null; // turning reminders on in settings undoes an unsubscribe
        }
        this.updatedAt = now;
    }

    void unsubscribe(Instant now) {
        this.enabled = false;
        if (unsubscribedAt == null) {
            this.unsubscribedAt = now;
        }
        this.updatedAt = now;
    }

    /** Whether reminders may go out at all. */
    boolean wantsReminders() {
        return enabled && unsubscribedAt == null;
    }

    QuietHours quietHours() {
        return new QuietHours(quietStart, quietEnd);
    }

    UUID getClientId() { return clientId; }
    boolean isEnabled() { return enabled; }
    LocalTime getPreferredTime() { return preferredTime; }
    Instant getUnsubscribedAt() { return unsubscribedAt; }
    String getLegacyUnsubscribeHash() { return legacyUnsubscribeHash; }
}
