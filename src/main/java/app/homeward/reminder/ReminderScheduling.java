package app.homeward.reminder;

import app.homeward.base.DatabaseReady;
import app.homeward.tenancy.ClinicDirectory;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * db-scheduler (the core library: its Spring Boot starter does nothing on Boot 4), built here and
 * started once the database is ready. One task instance per clinic, "reminder-batch/{clinic id}",
 * delivers that clinic's due reminders; db-scheduler guarantees an instance runs on one app
 * instance at a time, so any number of instances can share one database and each reminder is
 * claimed once. Task data is the clinic id, which the task binds before it touches JPA.
 *
 * <p>Crash recovery: every instance beats its heart every {@code heartbeat} (30 s); an execution
 * whose heart missed {@code missed-heartbeats} (6) beats — 3 minutes — is dead, and its clinic's
 * task runs again elsewhere, within 5 minutes of the crash. Reminders the dead run had claimed but
 * not marked sent go out again with the same Message-ID.
 */
@Configuration(proxyBeanMethods = false)
class ReminderScheduling {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduling.class);

    static final TaskDescriptor<String> BATCH = TaskDescriptor.of("reminder-batch", String.class);

    /** The longest a clinic's task sleeps: new reminders written while it ran are found within this. */
    static final Duration LOOK_AGAIN = Duration.ofMinutes(1);

    @Bean
    CustomTask<String> reminderBatchTask(ReminderDelivery delivery, ClinicDirectory clinics, Clock clock) {
        return Tasks.custom(BATCH)
                // a failed run (the database away, say) tries again in half a minute; reminders stay pending
                .onFailureReschedule(FixedDelay.ofSeconds(30))
                // revived on the application's clock: db-scheduler's own ReviveDeadExecution reads the wall clock,
                // so with a moved clock (tests, the development clock page) a crashed instance's work would wait
                .onDeadExecution((execution, operations) -> {
                    LOG.info("reviving the reminder task of an instance that stopped clinic={}",
                            execution.getExecution().taskInstance.getData());
                    operations.reschedule(execution, clock.instant());
                })
                .execute((instance, context) -> {
                    UUID clinicId = UUID.fromString(instance.getData());
                    if (clinics.findById(clinicId).isEmpty()) {
                        // the clinic was deleted while this run was due or running: its task goes with it
                        return (complete, operations) -> operations.remove();
                    }
                    Instant at = nextRun(delivery.deliverDue(clinicId), clock.instant());
                    return (complete, operations) -> operations.reschedule(complete, at);
                });
    }

    /**
     * When a clinic's task runs again, given its earliest pending reminder (null: none): then, but at least every
     * {@link #LOOK_AGAIN}; and when reminders are due already (the run stopped at its run budget), now rather than
     * when they became due. db-scheduler runs due tasks oldest first: a past time would put a clinic with a
     * backlog ahead of every clinic due since, and with every thread busy those would wait for the whole backlog
     * instead of one run (BENCHMARKS.md, reminder throughput "Under a cap": with one thread, 100 s instead of 20).
     */
    static Instant nextRun(Instant nextDue, Instant now) {
        Instant latest = now.plus(LOOK_AGAIN);
        if (nextDue == null || nextDue.isAfter(latest)) {
            return latest;
        }
        return nextDue.isBefore(now) ? now : nextDue;
    }

    /**
     * The application's one db-scheduler, with every task bean of the application (reminder delivery, the
     * data-rights housekeeping of each clinic): a scheduler that polled the table without knowing a task
     * would treat that task's rows as unresolved.
     */
    @Bean
    Scheduler reminderScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock, ReminderProperties settings) {
        return Scheduler.create(dataSource, tasks)
                .threads(settings.threads())
                .pollingInterval(settings.polling())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .alwaysPersistTimestampInUTC()
                .enableImmediateExecution()
                // the scheduler follows the application's clock, so a moved clock (tests, the dev page) moves reminders
                .clock(clock::instant)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /** Starts delivery when the database is ready (Homeward may start while it is away); stops it first on shutdown. */
    @Bean
    DeliveryLifecycle reminderDeliveryLifecycle(Scheduler scheduler, ClinicDirectory clinics, ReminderWakeUp wakeUp,
                                                Clock clock, ReminderProperties settings) {
        return new DeliveryLifecycle(scheduler, clinics, wakeUp, clock, settings.delivery().enabled());
    }

    static final class DeliveryLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private final ClinicDirectory clinics;
        private final ReminderWakeUp wakeUp;
        private final Clock clock;
        private final boolean enabled;
        private volatile boolean started;

        DeliveryLifecycle(Scheduler scheduler, ClinicDirectory clinics, ReminderWakeUp wakeUp, Clock clock,
                          boolean enabled) {
            this.scheduler = scheduler;
            this.clinics = clinics;
            this.wakeUp = wakeUp;
            this.clock = clock;
            this.enabled = enabled;
        }

        @EventListener(DatabaseReady.class)
        @Order(20)
        public void onDatabaseReady() {
            if (!enabled || started) {
                return;
            }
            // every clinic gets its task (a clinic without one would wait for its first reminder's wake-up)
            Instant now = clock.instant();
            clinics.all().forEach(clinic -> wakeUp.runBy(clinic.id(), now));
            scheduler.start();
            started = true;
            LOG.info("reminder delivery started");
        }

        @Override
        public void start() {
            // started on DatabaseReady instead
        }

        @Override
        public void stop() {
            if (started) {
                scheduler.stop();
                started = false;
            }
        }

        @Override
        public boolean isRunning() {
            return started;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 100; // stops before the web server and the data source
        }
    }
}
