package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.security.RateLimits.Limit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits held by the database: every "instance" here is its own {@link RateLimits} over its own
 * {@link SharedLimitStore}, as two application instances (or one before and after a restart) would be,
 * on the one database they share. Time is the application's clock, moved by the tests.
 */
class SharedRateLimitsTest extends IntegrationTest {

    /** Signups an address may make in an hour (docs/decisions/0027); deliberately not read from Limit. */
    private static final int SIGNUPS_PER_HOUR = 5;

    @Autowired DataSource dataSource;

    @Test
    void the_sixth_signup_from_an_address_is_refused_whichever_instance_gets_it() {
        RateLimits first = instance();
        RateLimits second = instance();
        String ip = TestClinics.randomIp();

        for (int i = 0; i < SIGNUPS_PER_HOUR; i++) {
            RateLimits gets = i % 2 == 0 ? first : second;
            assertThat(gets.tryAcquire(Limit.SIGNUP, ip)).as("signup %d", i + 1).isTrue();
        }

        assertThat(first.tryAcquire(Limit.SIGNUP, ip)).as("sixth on the first instance").isFalse();
        assertThat(second.tryAcquire(Limit.SIGNUP, ip)).as("sixth on the second instance").isFalse();
    }

    @Test
    void a_restarted_instance_remembers_what_was_used_before_the_restart() {
        String ip = TestClinics.randomIp();
        RateLimits beforeRestart = instance();
        for (int i = 0; i < SIGNUPS_PER_HOUR; i++) {
            beforeRestart.tryAcquire(Limit.SIGNUP, ip);
        }

        RateLimits afterRestart = instance();

        assertThat(afterRestart.tryAcquire(Limit.SIGNUP, ip)).isFalse();
    }

    @Test
    void the_allowance_comes_back_as_the_clock_moves_on() {
        RateLimits limits = instance();
        String ip = TestClinics.randomIp();
        for (int i = 0; i < SIGNUPS_PER_HOUR; i++) {
            limits.tryAcquire(Limit.SIGNUP, ip);
        }
        assertThat(limits.tryAcquire(Limit.SIGNUP, ip)).isFalse();

        clock.moveBy(Duration.ofHours(1).dividedBy(SIGNUPS_PER_HOUR).plusSeconds(1));
        assertThat(limits.tryAcquire(Limit.SIGNUP, ip)).as("one signup back after a fifth of the hour").isTrue();
        assertThat(limits.tryAcquire(Limit.SIGNUP, ip)).as("only one").isFalse();

        clock.moveBy(Duration.ofHours(1));
        for (int i = 0; i < SIGNUPS_PER_HOUR; i++) {
            assertThat(instance().tryAcquire(Limit.SIGNUP, ip)).as("after an hour, signup %d", i + 1).isTrue();
        }
    }

    @Test
    void each_address_and_each_limit_has_its_own_allowance() {
        RateLimits limits = instance();
        String ip = TestClinics.randomIp();
        for (int i = 0; i < SIGNUPS_PER_HOUR; i++) {
            limits.tryAcquire(Limit.SIGNUP, ip);
        }

        assertThat(limits.tryAcquire(Limit.SIGNUP, ip)).isFalse();
        assertThat(limits.tryAcquire(Limit.SIGNUP, TestClinics.randomIp())).as("another address").isTrue();
        assertThat(limits.tryAcquire(Limit.CLINIC_LINKS, ip)).as("another limit, same address").isTrue();
    }

    @Test
    void two_instances_racing_on_one_address_hand_out_no_more_than_the_allowance() throws Exception {
        List<RateLimits> instances = List.of(instance(), instance());
        String ip = TestClinics.randomIp();
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 4 * SIGNUPS_PER_HOUR; i++) {
            RateLimits gets = instances.get(i % 2);
            attempts.add(() -> gets.tryAcquire(Limit.SIGNUP, ip));
        }

        int granted = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (Future<Boolean> attempt : threads.invokeAll(attempts)) {
                granted += attempt.get() ? 1 : 0;
            }
        }

        assertThat(granted).isEqualTo(SIGNUPS_PER_HOUR);
    }

    @Test
    void the_table_holds_neither_addresses_nor_emails() {
        RateLimits limits = instance();
        String email = "u-" + TestClinics.random(10) + "@example.test";
        String ip = TestClinics.randomIp();

        limits.tryAcquire(Limit.CLINIC_LINKS, email);
        limits.tryAcquire(Limit.CLINIC_LINKS, ip);

        assertThat(bucketKeysContaining(email)).isZero();
        assertThat(bucketKeysContaining(ip)).isZero();
        assertThat(new SharedLimitStore(dataSource, clock).bucketRowExists(RateLimits.rowKey(Limit.CLINIC_LINKS, email)))
                .as("the hashed key is there").isTrue();
    }

    @Test
    void buckets_that_have_refilled_are_deleted_by_a_later_write() {
        SharedLimitStore store = new SharedLimitStore(dataSource, clock);
        RateLimits limits = new RateLimits(store);
        String ip = TestClinics.randomIp();
        limits.tryAcquire(Limit.SIGNUP, ip);
        assertThat(store.bucketRowExists(RateLimits.rowKey(Limit.SIGNUP, ip))).isTrue();

        clock.moveBy(Duration.ofHours(2));
        limits.tryAcquire(Limit.SIGNUP, TestClinics.randomIp());

        assertThat(store.bucketRowExists(RateLimits.rowKey(Limit.SIGNUP, ip))).isFalse();
    }

    @Test
    void a_bucket_still_in_use_survives_the_clean_up() {
        SharedLimitStore store = new SharedLimitStore(dataSource, clock);
        RateLimits limits = new RateLimits(store);
        String ip = TestClinics.randomIp();
        for (int i = 0; i < SIGNUPS_PER_HOUR; i++) {
            limits.tryAcquire(Limit.SIGNUP, ip);
        }

        clock.moveBy(SharedLimitStore.CLEANUP_EVERY.plusMinutes(1));
        limits.tryAcquire(Limit.SIGNUP, TestClinics.randomIp());

        assertThat(store.bucketRowExists(RateLimits.rowKey(Limit.SIGNUP, ip))).isTrue();
        assertThat(limits.tryAcquire(Limit.SIGNUP, ip)).as("still used up: the first token is back after 12 minutes")
                .isFalse();
    }

    private RateLimits instance() {
        return new RateLimits(new SharedLimitStore(dataSource, clock));
    }

    private int bucketKeysContaining(String text) {
        return SharedLimitStoreTest.keysContaining(dataSource, "rate_limit_bucket", "bucket_key", text);
    }
}
