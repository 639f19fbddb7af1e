package app.homeward.reminder;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalTime;
import java.util.UUID;

/** The client's choice for one assignment: no reminders for it, or reminders at another time. */
@Entity
@Table(name = "reminder_override")
class ReminderOverride extends TenantScopedEntity {

    @Column(name = "client_id", nullable = false, updatable = false, length = 36)
    private UUID clientId;

    @Column(name = "assignment_id", nullable = false, updatable = false, length = 36)
    private UUID assignmentId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "time_of_day")
    private LocalTime timeOfDay;

    protected ReminderOverride() {
    }

    ReminderOverride(UUID clientId, UUID assignmentId) {
        this.clientId = clientId;
        this.assignmentId = assignmentId;
        this.enabled = true;
    }

    void change(boolean enabled, LocalTime timeOfDay) {
        this.enabled = enabled;
        this.timeOfDay = timeOfDay;
    }

    UUID getClientId() { return clientId; }
    UUID getAssignmentId() { return assignmentId; }
    boolean isEnabled() { return enabled; }
    LocalTime getTimeOfDay() { return timeOfDay; }
}
