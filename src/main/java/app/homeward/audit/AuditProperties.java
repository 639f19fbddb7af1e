package app.homeward.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code homeward.audit.*}: how queued records (views, downloads, sign-ins) are written.
 *
 * @param flushInterval how often the background writer writes what is queued; 0 turns the timer off (the
 *                      test suite: records are written when a test ends or asks, and on shutdown)
 * @param batchSize     records per transaction and JDBC batch
 * @param queueCapacity records held in memory at most; a full queue is written by the thread that fills it
 * @param emailKey      the HMAC key for emails typed at sign-in that match no account
 *                      ({@code HOMEWARD_AUDIT_EMAIL_KEY}); empty: a random key per start, so such attempts
 *                      can be matched with each other only until the next restart
 */
@ConfigurationProperties("homeward.audit")
record AuditProperties(@DefaultValue("1s") Duration flushInterval,
                       @DefaultValue("500") int batchSize,
                       @DefaultValue("10000") int queueCapacity,
                       @DefaultValue("") String emailKey) {

    AuditProperties {
        if (batchSize < 1 || queueCapacity < batchSize) {
            throw new IllegalArgumentException("homeward.audit: batch-size must be at least 1 and at most queue-capacity");
        }
    }
}
