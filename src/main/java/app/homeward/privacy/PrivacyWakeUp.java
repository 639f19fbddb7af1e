package app.homeward.privacy;

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
 * Makes sure the clinic's data-rights task ("privacy/{clinic id}") runs by the time its next erasure is
 * due or its next export expires. The rows (erasure requests, exports) are the truth; the task only acts
 * on them, so scheduling after commit and failing here loses nothing that a later wake-up does not fix.
 */
@Component
class PrivacyWakeUp {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyWakeUp.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    PrivacyWakeUp(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void afterCommit(UUID clinicId, Instant at) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    at(clinicId, at);
                }
            });
        } else {
            at(clinicId, at);
        }
    }

    /** Schedules the clinic's task at {@code at}, or moves it earlier. */
    void at(UUID clinicId, Instant at) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return;
        }
        TaskInstance<String> instance = instance(clinicId);
        try {
            if (client.scheduleIfNotExists(instance, at)) {
                return;
            }
            client.getScheduledExecution(instance).ifPresent(existing -> {
                if (!existing.isPicked() && existing.getExecutionTime().isAfter(at)) {
                    client.reschedule(instance, at);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("could not schedule the data-rights task clinic={} cause={}", clinicId, e.getClass().getSimpleName());
        }
    }

    /** Removes the clinic's task (the clinic was deleted); a running one removes itself. */
    void cancel(UUID clinicId) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return;
        }
        TaskInstance<String> instance = instance(clinicId);
        try {
            client.getScheduledExecution(instance).filter(e -> !e.isPicked()).ifPresent(e -> client.cancel(instance));
        } catch (RuntimeException e) {
            LOG.info("data-rights task of a deleted clinic left to remove itself clinic={} cause={}", clinicId,
                    e.getClass().getSimpleName());
        }
    }

    static TaskInstance<String> instance(UUID clinicId) {
        return PrivacyScheduling.TASK.instance(clinicId.toString()).data(clinicId.toString()).build();
    }
}
