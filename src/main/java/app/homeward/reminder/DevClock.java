package app.homeward.reminder;

import app.homeward.base.AppClock;
import app.homeward.mail.MailService;
import app.homeward.tenancy.ClinicDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Moves the application's clock in development (only while mail goes to the development mailbox),
 * so tomorrow's 19:00 reminder can be watched arriving today. After every move each clinic's
 * delivery task is woken, so it looks at the new "now" instead of sleeping to a time that moved.
 */
@Component
public class DevClock {

    private static final Logger LOG = LoggerFactory.getLogger(DevClock.class);

    private final AppClock clock;
    private final MailService mail;
    private final ClinicDirectory clinics;
    private final ReminderWakeUp wakeUp;

    DevClock(AppClock clock, MailService mail, ClinicDirectory clinics, ReminderWakeUp wakeUp) {
        this.clock = clock;
        this.mail = mail;
        this.clinics = clinics;
        this.wakeUp = wakeUp;
    }

    /** Only in development: where no mail leaves the machine. */
    public boolean available() {
        return mail.capturesMail();
    }

    public Instant now() {
        return clock.instant();
    }

    public Duration offset() {
        return clock.offset();
    }

    public void moveBy(Duration duration) {
        require();
        clock.moveBy(duration);
        moved();
    }

    public void moveTo(Instant instant) {
        require();
        clock.moveTo(instant);
        moved();
    }

    public void reset() {
        require();
        clock.reset();
        moved();
    }

    private void require() {
        if (!available()) {
            throw new IllegalStateException("the clock can only be moved in development");
        }
    }

    private void moved() {
        Instant now = clock.instant();
        LOG.info("development clock moved offset={}", clock.offset());
        clinics.all().forEach(c -> wakeUp.moveTo(c.id(), now));
    }
}
