package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.audit.AuditTrail;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progressive delay on sign-in (decision 0007's rule, held in the database since 0027) across two
 * application instances: each "instance" is its own {@link SignInService} with its own
 * {@link SignInThrottle} and {@link SharedLimitStore} on the one database. Both instances' clocks are
 * the same frozen test clock (two servers share the time of day), so the waits are exact.
 */
class SharedSignInThrottleTest extends IntegrationTest {

    /** The rules of docs/decisions/0007 and 0027, deliberately not read from SignInThrottle. */
    private static final int FREE_FAILURES = 3;
    private static final long MAX_WAIT_SECONDS = 60;
    private static final long MAX_CODE_WAIT_SECONDS = 15 * 60;

    @Autowired DataSource dataSource;
    @Autowired ClinicDirectory clinics;
    @Autowired AccountRepository accounts;
    @Autowired PlatformOperatorRepository operators;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate tx;
    @Autowired AuditTrail trail;

    SignInServiceTest.TestClock testClock;
    ClinicBranding clinic;
    TestAccount therapist;

    @BeforeEach
    void aClinicWithATherapist() {
        testClock = new SignInServiceTest.TestClock(clock.instant());
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
    }

    @Test
    void failures_on_two_instances_add_up_to_one_delay_for_the_account() {
        SignInService first = instance();
        SignInService second = instance();
        String ip = TestClinics.randomIp();

        for (int i = 0; i < FREE_FAILURES; i++) {
            SignInService gets = i % 2 == 0 ? first : second;
            assertThat(gets.signIn(clinic.slug(), therapist.email(), "wrong-" + i, TestClinics.randomIp()))
                    .isEqualTo(new SignInOutcome.Failed());
        }

        assertThat(first.signIn(clinic.slug(), therapist.email(), therapist.password(), ip))
                .isEqualTo(new SignInOutcome.Throttled(1));
        assertThat(second.signIn(clinic.slug(), therapist.email(), therapist.password(), ip))
                .isEqualTo(new SignInOutcome.Throttled(1));

        testClock.advance(Duration.ofSeconds(2));
        assertThat(second.signIn(clinic.slug(), therapist.email(), "wrong-again", ip)).isEqualTo(new SignInOutcome.Failed());
        assertThat(first.signIn(clinic.slug(), therapist.email(), therapist.password(), ip))
                .as("the wait doubles, whichever instance saw the failure")
                .isEqualTo(new SignInOutcome.Throttled(2));
    }

    @Test
    void failures_from_one_address_on_two_instances_add_up_to_one_delay_for_the_address() {
        SignInService first = instance();
        SignInService second = instance();
        String sprayingIp = TestClinics.randomIp();
        for (int i = 0; i < FREE_FAILURES; i++) {
            SignInService gets = i % 2 == 0 ? first : second;
            gets.signIn(clinic.slug(), TestClinics.randomEmail(), "spray-" + i, sprayingIp);
        }

        assertThat(second.signIn(clinic.slug(), therapist.email(), therapist.password(), sprayingIp))
                .as("per address").isEqualTo(new SignInOutcome.Throttled(1));
        assertThat(first.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .as("the account from elsewhere").isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void a_restarted_instance_still_makes_the_guesser_wait() {
        for (int i = 0; i < FREE_FAILURES; i++) {
            assertThat(instance().signIn(clinic.slug(), therapist.email(), "wrong-" + i, TestClinics.randomIp()))
                    .isEqualTo(new SignInOutcome.Failed());
        }

        SignInOutcome afterRestart = instance().signIn(clinic.slug(), therapist.email(), therapist.password(),
                TestClinics.randomIp());

        assertThat(afterRestart).isEqualTo(new SignInOutcome.Throttled(1));
    }

    @Test
    void a_colleague_guessing_on_both_instances_cannot_lock_the_account_out() {
        SignInService first = instance();
        SignInService second = instance();
        String colleagueIp = TestClinics.randomIp();
        int counted = 0;
        for (int attempt = 0; counted < 20; attempt++) {
            SignInService gets = attempt % 2 == 0 ? first : second;
            SignInOutcome outcome = gets.signIn(clinic.slug(), therapist.email(), "guess-" + attempt, colleagueIp);
            if (outcome instanceof SignInOutcome.Throttled(long seconds)) {
                assertThat(seconds).as("never more than a minute").isLessThanOrEqualTo(MAX_WAIT_SECONDS);
                testClock.advance(Duration.ofSeconds(seconds));
            } else {
                assertThat(outcome).isEqualTo(new SignInOutcome.Failed());
                counted++;
            }
        }

        SignInOutcome owner = second.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp());
        assertThat(owner).isEqualTo(new SignInOutcome.Throttled(MAX_WAIT_SECONDS));

        testClock.advance(Duration.ofSeconds(MAX_WAIT_SECONDS));
        assertThat(first.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .as("a minute later the owner is in").isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void a_success_on_one_instance_clears_the_accounts_count_on_the_other() {
        SignInService first = instance();
        SignInService second = instance();
        for (int i = 0; i < FREE_FAILURES - 1; i++) {
            first.signIn(clinic.slug(), therapist.email(), "wrong-" + i, TestClinics.randomIp());
        }
        assertThat(second.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);

        for (int i = 0; i < FREE_FAILURES - 1; i++) {
            first.signIn(clinic.slug(), therapist.email(), "wrong-again-" + i, TestClinics.randomIp());
        }

        assertThat(first.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .as("counting started again after the success").isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void failures_are_forgotten_a_quarter_of_an_hour_after_the_last_one() {
        SignInThrottle throttle = throttle();
        String account = clinic.id() + "/" + therapist.email();
        String ip = TestClinics.randomIp();
        for (int i = 0; i < FREE_FAILURES + 2; i++) {
            throttle.failed(account, ip);
        }
        assertThat(throttle.secondsToWait(account, ip)).isEqualTo(4);

        testClock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle().secondsToWait(account, ip)).isZero();

        throttle.failed(account, ip);
        assertThat(throttle.secondsToWait(account, ip)).as("counting starts again at one").isZero();
    }

    @Test
    void wrong_second_factor_codes_slow_the_account_down_to_one_try_in_fifteen_minutes_on_every_instance() {
        SignInThrottle first = throttle();
        SignInThrottle second = throttle();
        UUID account = therapist.id();
        long expected = 0;
        for (int failures = 1; failures <= 20; failures++) {
            (failures % 2 == 0 ? first : second).secondFactorFailed(account, TestClinics.randomIp());
            if (failures >= FREE_FAILURES) {
                expected = Math.min(MAX_CODE_WAIT_SECONDS, 1L << (failures - FREE_FAILURES));
            }
            assertThat(first.secondsToWaitForCode(account, TestClinics.randomIp())).as("after %d", failures)
                    .isEqualTo(expected);
            testClock.advance(Duration.ofSeconds(expected));
        }
        assertThat(expected).isEqualTo(MAX_CODE_WAIT_SECONDS);

        first.secondFactorSucceeded(account);
        assertThat(second.secondsToWaitForCode(account, TestClinics.randomIp())).as("a right code clears it").isZero();
    }

    @Test
    void wrong_codes_from_one_address_slow_that_address_down_to_a_minute_at_most() {
        SignInThrottle throttle = throttle();
        String ip = TestClinics.randomIp();
        for (int i = 0; i < 20; i++) {
            throttle.secondFactorFailed(UUID.randomUUID(), ip);
        }

        assertThat(throttle.secondsToWaitForCode(therapist.id(), ip)).isEqualTo(MAX_WAIT_SECONDS);
        assertThat(throttle.secondsToWaitForCode(therapist.id(), TestClinics.randomIp())).as("elsewhere").isZero();
    }

    @Test
    void codes_and_passwords_are_counted_apart() {
        SignInThrottle throttle = throttle();
        String ip = TestClinics.randomIp();
        for (int i = 0; i < 10; i++) {
            throttle.secondFactorFailed(therapist.id(), ip);
        }

        assertThat(throttle.secondsToWait(clinic.id() + "/" + therapist.email(), ip))
                .as("a password attempt from the same address").isZero();
        assertThat(throttle.secondsToWaitForCode(therapist.id(), ip)).isPositive();
    }

    @Test
    void the_table_holds_neither_addresses_nor_emails() {
        SignInThrottle throttle = throttle();
        String ip = TestClinics.randomIp();
        throttle.failed(clinic.id() + "/" + therapist.email(), ip);

        assertThat(SharedLimitStoreTest.keysContaining(dataSource, "sign_in_failure", "failure_key", therapist.email())).isZero();
        assertThat(SharedLimitStoreTest.keysContaining(dataSource, "sign_in_failure", "failure_key", ip)).isZero();
    }

    private SignInService instance() {
        return new SignInService(clinics, accounts, operators, encoder, throttle(), tx, clock, trail);
    }

    private SignInThrottle throttle() {
        SignInThrottle throttle = new SignInThrottle(new SharedLimitStore(dataSource, clock), clock);
        throttle.useClock(testClock);
        return throttle;
    }
}
