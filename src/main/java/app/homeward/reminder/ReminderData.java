package app.homeward.reminder;

import app.homeward.base.ClinicTables;
import app.homeward.base.EntityTables.Spec;
import app.homeward.tenancy.CurrentClinic;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Reminders for data rights: a client erased loses their choices and every reminder row about them
 * (pending ones are never sent); a clinic deleted loses its outbox and its delivery task. Exported without
 * unsubscribe secrets.
 */
@Component
class ReminderData extends ClinicTables {

    private static final List<Spec> TABLES = List.of(
            Spec.of("reminder", "Reminder", "id", "kind", "client_id=clientId", "occurrence_id=occurrenceId",
                    "account_id=accountId", "due_at=dueAt", "state", "attempts", "next_attempt_at=nextAttemptAt",
                    "last_error=lastError", "sent_at=sentAt", "created_at=createdAt", "updated_at=updatedAt",
                    "alert_id=alertId"),
            Spec.of("reminder_preference", "ReminderPreference", "id", "client_id=clientId", "enabled",
                    "preferred_time=preferredTime", "quiet_start=quietStart", "quiet_end=quietEnd",
                    "unsubscribed_at=unsubscribedAt", "updated_at=updatedAt"),
            Spec.of("reminder_override", "ReminderOverride", "id", "client_id=clientId", "assignment_id=assignmentId",
                    "enabled", "time_of_day=timeOfDay"),
            Spec.of("alert_policy", "AlertPolicy", "id", "escalation_minutes=escalationMinutes", "updated_at=updatedAt"),
            Spec.of("clinic_reminder_settings", "ClinicReminderSettings", "id",
                    "reminders_default_on=remindersDefaultOn", "default_quiet_start=defaultQuietStart",
                    "default_quiet_end=defaultQuietEnd", "due_soon_hours=dueSoonHours", "overdue_hours=overdueHours",
                    "weekly_summary=weeklySummary", "updated_at=updatedAt"));

    private final ReminderWakeUp wakeUp;

    ReminderData(ReminderWakeUp wakeUp) {
        super(100, TABLES);
        this.wakeUp = wakeUp;
    }

    @Override
    @Transactional
    public void eraseClient(ErasedClient client) {
        deleteOfClient(client.clientId(), "Reminder", "ReminderOverride", "ReminderPreference");
    }

    @Override
    @Transactional
    public void deleteAll() {
        super.deleteAll();
        // the task's rows are not the clinic's: they go once the deletion committed
        wakeUp.cancelAfterCommit(CurrentClinic.id().orElseThrow());
    }
}
