package app.homeward.privacy;

import app.homeward.base.ClinicTaskWakeUp;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.slf4j.event.Level;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes sure the clinic's data-rights task ("privacy/{clinic id}") runs by the time its next erasure is
 * due or its next export expires. The task waits for these wake-ups, so a failed one is a warning.
 */
@Component
class PrivacyWakeUp extends ClinicTaskWakeUp {

    PrivacyWakeUp(ObjectProvider<SchedulerClient> scheduler) {
        super(scheduler, PrivacyScheduling.TASK, Level.WARN);
    }
}
