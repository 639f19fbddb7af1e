package app.homeward.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token-bucket limits (Bucket4j) on anonymous actions that send email or create data, per IP address
 * or per email. In memory per node: a second node doubles the allowance, which is acceptable for abuse
 * protection (see docs/decisions/0007-sign-in-throttling.md).
 */
@Component
public class RateLimits {

    public enum Limit {
        SIGNUP(5, Duration.ofHours(1)),
        CLINIC_LINKS(5, Duration.ofHours(1)),
        PASSWORD_RESET_IP(20, Duration.ofHours(1)),
        PASSWORD_RESET_EMAIL(3, Duration.ofHours(1)),
        INVITATION_SEND(50, Duration.ofHours(1));

        private final int capacity;
        private final Duration period;

        Limit(int capacity, Duration period) {
            this.capacity = capacity;
            this.period = period;
        }
    }

    private static final int MAX_BUCKETS = 100_000;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one token; false when the caller has used up the allowance. */
    public boolean tryAcquire(Limit limit, String key) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(limit.name() + ":" + key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity)
                        .refillGreedy(limit.capacity, limit.period).build())
                .build()).tryConsume(1);
    }

    /** For tests: forget every bucket. */
    public void reset() {
        buckets.clear();
    }
}
