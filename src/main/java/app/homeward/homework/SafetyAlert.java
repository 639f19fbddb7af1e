package app.homeward.homework;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert rule of a measure fired on a submitted entry (e.g. PHQ-9 item 9 above 0). It stays open
 * until a therapist or admin acknowledges it with a note; who and when is recorded.
 */
@Entity
@Table(name = "safety_alert")
public class SafetyAlert extends TenantScopedEntity {

    @Column(name = "entry_id", nullable = false, updatable = false, length = 36)
    private UUID entryId;

    @Column(name = "client_id", nullable = false, updatable = false, length = 36)
    private UUID clientId;

    @Column(name = "therapist_id", nullable = false, length = 36)
    private UUID therapistId;

    @Column(nullable = false, length = 200)
    private String label;

    // "value" is a reserved word in H2
    @Column(name = "alert_value", nullable = false)
    private int value;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by", length = 36)
    private UUID acknowledgedBy;

    @Column(length = 1000)
    private String note;

    /** What the client was told: null for the clinic's crisis text, else the alert rule's own message. */
    @Column(name = "client_message", length = 500, updatable = false)
    private String clientMessage;

    protected SafetyAlert() {
    }

    public SafetyAlert(UUID entryId, UUID clientId, UUID therapistId, String label, int value, String clientMessage,
                Instant now) {
        this.clientMessage = clientMessage == null || clientMessage.isBlank() ? null : clientMessage;
        this.entryId = entryId;
        this.clientId = clientId;
        this.therapistId = therapistId;
        this.label = label.length() > 200 ? label.substring(0, 200) : label;
        this.value = value;
        this.raisedAt = now;
    }

    public void acknowledge(UUID by, String text, Instant now) {
        this.acknowledgedBy = by;
        this.acknowledgedAt = now;
        this.note = text;
    }

    public UUID getEntryId() { return entryId; }
    public UUID getClientId() { return clientId; }
    public UUID getTherapistId() { return therapistId; }
    public String getLabel() { return label; }
    public int getValue() { return value; }
    public Instant getRaisedAt() { return raisedAt; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public UUID getAcknowledgedBy() { return acknowledgedBy; }
    public String getNote() { return note; }
    public String getClientMessage() { return clientMessage; }

    /** A crisis alert: the client was given the clinic's crisis text (self-harm, or a rule without its own message). */
    public boolean isCrisis() { return clientMessage == null; }
}
