package app.homeward.reminder;

import app.homeward.base.ClinicSetting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** After how long a safety alert nobody acknowledged goes to the clinic's admins (one row per clinic at most). */
@Entity
@Table(name = "alert_policy")
class AlertPolicy extends ClinicSetting {

    @Column(name = "escalation_minutes", nullable = false)
    private int escalationMinutes;

    protected AlertPolicy() {
    }

    AlertPolicy(int escalationMinutes, Instant now) {
        change(escalationMinutes, now);
    }

    void change(int escalationMinutes, Instant now) {
        this.escalationMinutes = escalationMinutes;
        changedAt(now);
    }

    int getEscalationMinutes() { return escalationMinutes; }
}
