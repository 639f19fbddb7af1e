package app.homeward.reminder;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.UUID;

/**
 * Makes sure a clinic's delivery task runs by the time its earliest new reminder is due. The
 * reminder rows themselves are the outbox; this only shortens the wait (the task also looks again
 * at least every minute), so it runs after commit and a failure here loses nothing.
 */
@Component
class ReminderWakeUp {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderWakeUp.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    ReminderWakeUp(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void afterCommit(UUID clinicId, Instant due) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    now(clinicId, due);
                }
            });
        } else {
            now(clinicId, due);
        }
    }

    /** Schedules the clinic's task at {@code due}, or moves it earlier; a running task finds new work itself. */
    void now(UUID clinicId, Instant due) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return;
        }
        TaskInstance<String> instance = instance(clinicId);
        try {
            if (client.scheduleIfNotExists(instance, due)) {
                return;
            }
            client.getScheduledExecution(instance).ifPresent(existing -> {
                if (!existing.isPicked() && existing.getExecutionTime().isAfter(due)) {
                    client.reschedule(instance, due);
                }
            });
        } catch (RuntimeException e) {
            // the task looks for due reminders at least every minute anyway
            LOG.debug("could not wake the reminder task clinic={} cause={}", clinicId, e.getClass().getSimpleName());
        }
    }

    /** Moves the clinic's task to {@code at}, earlier or later (the development clock moved back). */
    void reschedule(UUID clinicId, Instant at) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return;
        }
        TaskInstance<String> instance = instance(clinicId);
        try {
            if (!client.scheduleIfNotExists(instance, at)) {
                client.getScheduledExecution(instance).filter(e -> !e.isPicked())
                        .ifPresent(e -> client.reschedule(instance, at));
            }
        } catch (RuntimeException e) {
            // the task looks for due reminders at least every minute anyway
            LOG.debug("could not wake the reminder task clinic={} cause={}", clinicId, e.getClass().getSimpleName());
        }
    }

    /**
     * Removes the clinic's task (the clinic was deleted). A run in progress cannot be cancelled: it removes
     * itself when it finds the clinic gone (see {@link ReminderScheduling}).
     */
    void cancel(UUID clinicId) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return;
        }
        TaskInstance<String> instance = instance(clinicId);
        try {
            client.getScheduledExecution(instance).filter(e -> !e.isPicked()).ifPresent(e -> client.cancel(instance));
        } catch (RuntimeException e) {
            LOG.info("reminder task of a deleted clinic left to remove itself clinic={} cause={}", clinicId,
                    e.getClass().getSimpleName());
        }
    }

    /** The clinic's task instance: id and data are both the clinic id. */
    private static TaskInstance<String> instance(UUID clinicId) {
        return ReminderScheduling.BATCH.instance(clinicId.toString()).data(clinicId.toString()).build();
    }
}
