package app.homeward.reminder;

import app.homeward.base.ClinicData;
import app.homeward.base.EntityTables;
import app.homeward.base.EntityTables.Spec;
import app.homeward.base.TableSink;
import app.homeward.tenancy.CurrentClinic;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.UUID;

/**
 * Reminders for data rights: a client erased loses their choices and every reminder row about them
 * (pending ones are never sent); a clinic deleted loses its outbox and its delivery task. Exported without
 * unsubscribe secrets.
 */
@Component
class ReminderData implements ClinicData {

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

    @PersistenceContext
    private EntityManager em;

    ReminderData(ReminderWakeUp wakeUp) {
        this.wakeUp = wakeUp;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<String> tables() {
        return TABLES.stream().map(Spec::table).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public void export(TableSink out) {
        TABLES.forEach(spec -> EntityTables.export(em, out, spec));
    }

    @Override
    @Transactional
    public void eraseClient(ErasedClient client) {
        for (String entity : List.of("Reminder", "ReminderOverride", "ReminderPreference")) {
            em.createQuery("delete from " + entity + " x where x.clientId = :client")
                    .setParameter("client", client.clientId()).executeUpdate();
        }
    }

    @Override
    @Transactional
    public void deleteAll() {
        for (String entity : List.of("Reminder", "ReminderOverride", "ReminderPreference", "AlertPolicy",
                "ClinicReminderSettings")) {
            EntityTables.deleteAll(em, entity);
        }
        UUID clinicId = CurrentClinic.id().orElseThrow();
        // db-scheduler keeps its rows on its own connection: drop the clinic's task only once the deletion committed
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUp.cancel(clinicId);
            }
        });
    }
}
