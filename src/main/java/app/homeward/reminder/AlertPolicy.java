package app.homeward.reminder;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** After how long a safety alert nobody acknowledged goes to the clinic's admins (one row per clinic at most). */
@Entity
@Table(name = "alert_policy")
class AlertPolicy extends TenantScopedEntity {

    @Column(name = "escalation_minutes", nullable = false)
    private int escalationMinutes;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AlertPolicy() {
    }

    AlertPolicy(int escalationMinutes, Instant now) {
        change(escalationMinutes, now);
    }

    void change(int escalationMinutes, Instant now) {
        this.escalationMinutes = escalationMinutes;
        this.updatedAt = now;
    }

    int getEscalationMinutes() { return escalationMinutes; }
}
