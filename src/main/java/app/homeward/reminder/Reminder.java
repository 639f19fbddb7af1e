package app.homeward.reminder;

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

/**
 * One email in the outbox: written in the transaction that causes it, then claimed and sent by the
 * clinic's delivery task. The row stays as the delivery log (when, what happened — never a body).
 * Its id is the stable Message-ID of the email, so a resend after a crash is recognisable.
 */
@Entity
@Table(name = "reminder")
class Reminder extends TenantScopedEntity {

    /** Temporary failures: about 1 min, 5 min, 30 min, 2 h, 6 h, then failed. */
    static final Duration[] BACKOFF = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6)};

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16, updatable = false)
    private ReminderKind kind;

    @Column(name = "client_id", length = 36, updatable = false)
    private UUID clientId;

    @Column(name = "occurrence_id", length = 36, updatable = false)
    private UUID occurrenceId;

    @Column(name = "account_id", length = 36, updatable = false)
    private UUID accountId;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private ReminderState state = ReminderState.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    /** A short reason code (e.g. "smtp-550", "connection"), never an address or a body. */
    @Column(name = "last_error", length = 200)
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The safety alert a staff email is about (ALERT, ESCALATION): an id only, for the check and the alerts page. */
    @Column(name = "alert_id", length = 36, updatable = false)
    private UUID alertId;

    /** SHA-256 (hex) of the unsubscribe secret in this email's links; null until it is rendered for a client. */
    @Column(name = "unsubscribe_hash", length = 64)
    private String unsubscribeHash;

    protected Reminder() {
    }

    private Reminder(ReminderKind kind, UUID clientId, UUID occurrenceId, UUID accountId, Instant dueAt, Instant now) {
        this.kind = kind;
        this.clientId = clientId;
        this.occurrenceId = occurrenceId;
        this.accountId = accountId;
        this.dueAt = dueAt;
        this.nextAttemptAt = dueAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Reminder forClient(ReminderKind kind, UUID clientId, UUID occurrenceId, Instant dueAt, Instant now) {
        return new Reminder(kind, clientId, occurrenceId, null, dueAt, now);
    }

    static Reminder forStaff(ReminderKind kind, UUID accountId, Instant dueAt, Instant now) {
        return new Reminder(kind, null, null, accountId, dueAt, now);
    }

    /** A staff email about a safety alert; {@code accountId} null: "the clinic's admins", decided when it is due. */
    static Reminder aboutAlert(ReminderKind kind, UUID accountId, UUID alertId, Instant dueAt, Instant now) {
        Reminder reminder = new Reminder(kind, null, null, accountId, dueAt, now);
        reminder.alertId = alertId;
        return reminder;
    }

    void cancel(String reason, Instant now) {
        this.state = ReminderState.CANCELLED;
        this.lastError = reason;
        this.updatedAt = now;
    }

    void sent(Instant now) {
        this.state = ReminderState.SENT;
        this.sentAt = now;
        this.lastError = null;
        this.updatedAt = now;
    }

    void failed(String reason, Instant now) {
        this.attempts++;
        this.state = ReminderState.FAILED;
        this.lastError = reason;
        this.updatedAt = now;
    }

    /** A temporary failure: back to pending after the next backoff step (with jitter), or failed after the last. */
    void retryLater(String reason, Instant now, double jitter) {
        this.attempts++;
        this.lastError = reason;
        this.updatedAt = now;
        if (attempts > BACKOFF.length) {
            this.state = ReminderState.FAILED;
            return;
        }
        Duration wait = BACKOFF[attempts - 1];
        long jitterMillis = (long) (wait.toMillis() * 0.2 * jitter); // up to ±20 %, so retries do not arrive in waves
        this.nextAttemptAt = now.plus(wait).plusMillis(jitterMillis);
        this.state = ReminderState.PENDING;
    }

    /** Not now (quiet hours began since it was planned): try again at {@code later}, without counting an attempt. */
    void postpone(Instant later, Instant now) {
        this.nextAttemptAt = later;
        this.updatedAt = now;
        this.state = ReminderState.PENDING;
    }

    /** The email rendered for this row carries an unsubscribe secret with this hash (a resend carries a new one). */
    void issueUnsubscribe(String hash) {
        this.unsubscribeHash = hash;
    }

    /** A digest whose time changed: due at the new time. */
    void reschedule(Instant due, Instant now) {
        this.dueAt = due;
        this.nextAttemptAt = due;
        this.updatedAt = now;
    }

    ReminderKind getKind() { return kind; }
    UUID getClientId() { return clientId; }
    UUID getOccurrenceId() { return occurrenceId; }
    UUID getAccountId() { return accountId; }
    UUID getAlertId() { return alertId; }
    Instant getDueAt() { return dueAt; }
    ReminderState getState() { return state; }
    int getAttempts() { return attempts; }
    Instant getNextAttemptAt() { return nextAttemptAt; }
    String getLastError() { return lastError; }
    Instant getSentAt() { return sentAt; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    String getUnsubscribeHash() { return unsubscribeHash; }
}
