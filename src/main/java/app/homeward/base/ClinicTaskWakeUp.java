package app.homeward.base;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Moves a feature's per-clinic db-scheduler task (one instance per clinic; its id and data are the clinic
 * id) so that it runs by the time its next piece of work is due. The feature's rows are the truth and the
 * task only acts on them, so this runs after commit (db-scheduler writes on its own connection) and a
 * failure here is logged, never thrown: a later wake-up, or the task's own next run, makes up for it.
 * Without a scheduler (tests that run none) every call does nothing.
 */
public abstract class ClinicTaskWakeUp {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicTaskWakeUp.class);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final TaskDescriptor<String> task;
    private final Level missedWakeUp;

    /**
     * @param missedWakeUp how loud a failed wake-up is: quiet for a task that looks for work on its own
     *                     every minute anyway, a warning for one that waits for its wake-ups
     */
    protected ClinicTaskWakeUp(ObjectProvider<SchedulerClient> scheduler, TaskDescriptor<String> task,
                               Level missedWakeUp) {
        this.scheduler = scheduler;
        this.task = task;
        this.missedWakeUp = missedWakeUp;
    }

    /** {@link #runBy} once the current transaction commits (at once without one). */
    public void afterCommit(UUID clinicId, Instant at) {
        afterCommit(() -> runBy(clinicId, at));
    }

    /** Schedules the clinic's task at {@code at}, or moves it earlier; a running task finds new work itself. */
    public void runBy(UUID clinicId, Instant at) {
        withTask(clinicId, (client, instance) -> {
            if (client.scheduleIfNotExists(instance, at)) {
                return;
            }
            client.getScheduledExecution(instance).ifPresent(existing -> {
                if (!existing.isPicked() && existing.getExecutionTime().isAfter(at)) {
                    client.reschedule(instance, at);
                }
            });
        }, e -> LOG.atLevel(missedWakeUp).log("could not wake the {} task clinic={} cause={}", task.getTaskName(),
                clinicId, e.getClass().getSimpleName()));
    }

    /** Moves the clinic's task to {@code at}, earlier or later (the development clock moved back). */
    public void moveTo(UUID clinicId, Instant at) {
        withTask(clinicId, (client, instance) -> {
            if (!client.scheduleIfNotExists(instance, at)) {
                client.getScheduledExecution(instance).filter(e -> !e.isPicked())
                        .ifPresent(e -> client.reschedule(instance, at));
            }
        }, e -> LOG.atLevel(missedWakeUp).log("could not wake the {} task clinic={} cause={}", task.getTaskName(),
                clinicId, e.getClass().getSimpleName()));
    }

    /**
     * Removes the clinic's task once the current transaction commits (the clinic's rows are gone). A run in
     * progress cannot be cancelled: the task removes itself when it finds the clinic gone.
     */
    public void cancelAfterCommit(UUID clinicId) {
        afterCommit(() -> withTask(clinicId,
                (client, instance) -> client.getScheduledExecution(instance).filter(e -> !e.isPicked())
                        .ifPresent(e -> client.cancel(instance)),
                e -> LOG.info("{} task of a deleted clinic left to remove itself clinic={} cause={}", task.getTaskName(),
                        clinicId, e.getClass().getSimpleName())));
    }

    /** Does {@code work} on the clinic's task when a scheduler runs; a failure goes to {@code failed}, never up. */
    private void withTask(UUID clinicId, BiConsumer<SchedulerClient, TaskInstance<String>> work,
                          Consumer<RuntimeException> failed) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return;
        }
        try {
            work.accept(client, instance(clinicId));
        } catch (RuntimeException e) {
            failed.accept(e);
        }
    }

    private TaskInstance<String> instance(UUID clinicId) {
        return task.instance(clinicId.toString()).data(clinicId.toString()).build();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
