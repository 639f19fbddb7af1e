package app.homeward.reminder;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code homeward.reminders.*}: how this instance runs reminder delivery (db-scheduler) and how much one
 * clinic's run sends. A bad value stops start-up with the property's name.
 *
 * @param threads          parallel clinic runs on this instance ({@code HOMEWARD_REMINDER_THREADS})
 * @param polling          how often an idle instance looks for due work
 * @param heartbeat        how often this instance tells the others it is alive
 * @param missedHeartbeats missed beats after which an instance counts as dead and its work is taken over
 *                         (db-scheduler refuses fewer than 4)
 * @param delivery         whether this instance delivers at all
 * @param batchSize        reminders claimed per round of a clinic's run
 * @param chunkSize        reminders sent over one SMTP connection
 * @param runBudget        after this long, a clinic's run stops claiming and lets the other clinics go first
 */
@ConfigurationProperties("homeward.reminders")
@Validated
record ReminderProperties(@DefaultValue("8") @Min(1) int threads,
                          @DefaultValue("10s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = ReminderProperties.POSITIVE) Duration polling,
                          @DefaultValue("30s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = ReminderProperties.POSITIVE) Duration heartbeat,
                          @DefaultValue("6") @Min(4) int missedHeartbeats,
                          @DefaultValue Delivery delivery,
                          @DefaultValue("200") @Min(1) int batchSize,
                          @DefaultValue("50") @Min(1) int chunkSize,
                          @DefaultValue("20s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = ReminderProperties.POSITIVE) Duration runBudget) {

    static final String POSITIVE = "must be a positive duration such as 10s";

    /** @param enabled false on an instance that sends no reminders ({@code HOMEWARD_REMINDER_DELIVERY}; the test suite) */
    record Delivery(@DefaultValue("true") boolean enabled) {
    }
}
