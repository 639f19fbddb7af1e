package app.homeward.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * Token-bucket limits (Bucket4j) on actions that send email, create data or check a password, per IP
 * address, email, clinic or account. The buckets live in the database ({@link SharedLimitStore}), so
 * every instance enforces the same allowance and a restart forgets nothing (decision 0027). A key that
 * belongs to one clinic carries the clinic's id; the table stores only a hash of it.
 */
@Component
public class RateLimits {

    public enum Limit {
        /** New clinics per IP address. */
        SIGNUP(5, Duration.ofHours(1)),
        /** "Email me my clinic links", per IP address and per email. */
        CLINIC_LINKS(5, Duration.ofHours(1)),
        /** Password-reset mails per IP address. */
        PASSWORD_RESET_IP(20, Duration.ofHours(1)),
        /** Password-reset mails per clinic and email. */
        PASSWORD_RESET_EMAIL(3, Duration.ofHours(1)),
        /** Invitations sent per clinic. */
        INVITATION_SEND(50, Duration.ofHours(1)),
        /** Attempts to change one's password in account settings, per account (each checks the current password). */
        PASSWORD_CHANGE(10, Duration.ofHours(1)),
        /** Confirmation links to a new sign-in email, per account. */
        EMAIL_CHANGE(3, Duration.ofHours(1));

        private final int capacity;
        private final Duration period;

        Limit(int capacity, Duration period) {
            this.capacity = capacity;
            this.period = period;
        }

        public int capacity() {
            return capacity;
        }

        public Duration period() {
            return period;
        }
    }

    private final SharedLimitStore store;
    private final Map<Limit, BucketConfiguration> configurations = new EnumMap<>(Limit.class);

    RateLimits(SharedLimitStore store) {
        this.store = store;
        for (Limit limit : Limit.values()) {
            configurations.put(limit, BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(limit.capacity)
                            .refillGreedy(limit.capacity, limit.period).build())
                    .build());
        }
    }

    /** Takes one token; false when the caller has used up the allowance. */
    public boolean tryAcquire(Limit limit, String key) {
        return store.buckets().builder().build(rowKey(limit, key), () -> configurations.get(limit)).tryConsume(1);
    }

    /** For tests: forget every bucket (of every instance: they share the table). */
    public void reset() {
        store.deleteAllBuckets();
    }

    /** The row's key: the limit's name and a hash of what it limits, so no address or email is stored. */
    static String rowKey(Limit limit, String key) {
        return limit.name() + ":" + hash(key == null ? "" : key);
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
