package app.homeward.reminder;

import app.homeward.base.ClinicTaskWakeUp;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.slf4j.event.Level;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes sure a clinic's delivery task runs by the time its earliest new reminder is due. The reminder rows
 * themselves are the outbox; this only shortens the wait (the task also looks again at least every minute,
 * see {@link ReminderScheduling}), so a failed wake-up is only worth a debug line.
 */
@Component
class ReminderWakeUp extends ClinicTaskWakeUp {

    ReminderWakeUp(ObjectProvider<SchedulerClient> scheduler) {
        super(scheduler, ReminderScheduling.BATCH, Level.DEBUG);
    }
}
