package app.homeward.privacy;

import app.homeward.tenancy.ClinicDirectory;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The clinic's data-rights task on the application's db-scheduler: one instance per clinic,
 * "privacy/{clinic id}", that erases the clients whose erasure is due and removes expired exports, then
 * sleeps until the next of those (and removes itself when there is none, or when the clinic is gone).
 */
@Configuration(proxyBeanMethods = false)
class PrivacyScheduling {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("privacy", String.class);

    /** A clinic with work ahead is looked at no later than this, whatever the rows say. */
    static final Duration LOOK_AGAIN = Duration.ofHours(6);

    @Bean
    CustomTask<String> privacyTask(PrivacyJobs jobs, ClinicDirectory clinics, Clock clock) {
        return Tasks.custom(TASK)
                .onFailureReschedule(FixedDelay.ofMinutes(5))
                .onDeadExecution((execution, operations) -> operations.reschedule(execution, clock.instant()))
                .execute((instance, context) -> {
                    UUID clinicId = UUID.fromString(instance.getData());
                    if (clinics.findById(clinicId).isEmpty()) {
                        return (complete, operations) -> operations.remove();
                    }
                    Instant next = jobs.runDue(clinicId);
                    if (next == null) {
                        return (complete, operations) -> operations.remove();
                    }
                    Instant latest = clock.instant().plus(LOOK_AGAIN);
                    // never sooner than a minute: an erasure that keeps failing must not spin
                    Instant soonest = clock.instant().plus(Duration.ofMinutes(1));
                    Instant at = next.isAfter(latest) ? latest : next.isBefore(soonest) ? soonest : next;
                    return (complete, operations) -> operations.reschedule(complete, at);
                });
    }
}
