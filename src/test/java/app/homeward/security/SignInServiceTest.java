package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in on a clinic's page: one answer for every kind of wrong, throttling instead of lock-out. */
class SignInServiceTest extends IntegrationTest {

    /** The rule of docs/decisions/0007: the first 3 failures are free. Deliberately not read from SignInThrottle. */
    private static final int FREE_FAILURES = 3;

    @Autowired SignInService signIn;
    @Autowired SignInThrottle throttle;
    @Autowired ClinicDirectory clinics;
    @Autowired AccountService accountService;

    // the test contexts configure an operator on every profile (IntegrationTest)
    final String operatorEmail = TestClinics.OPERATOR_EMAIL;
    final String operatorPassword = TestClinics.OPERATOR_PASSWORD;

    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    ClinicBranding clinic;
    TestAccount therapist;

    @BeforeEach
    void freshThrottleOnATestClock() {
        throttle.reset();
        throttle.useClock(clock);
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
    }

    @AfterEach
    void realClockAgain() {
        throttle.useClock(null);
        throttle.reset();
    }

    @Test
    void right_password_signs_in_with_the_accounts_role_and_clinic() {
        SignInOutcome outcome = signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), ip());

        assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Success.class, success -> {
            HomewardUser user = success.user();
            assertThat(user.accountId()).isEqualTo(therapist.id());
            assertThat(user.clinicId()).isEqualTo(clinic.id());
            assertThat(user.clinicSlug()).isEqualTo(clinic.slug());
            assertThat(user.role()).isEqualTo(Role.THERAPIST);
            assertThat(user.email()).isEqualTo(therapist.email());
        });
    }

    @Test
    void email_is_matched_whatever_its_case_and_surrounding_spaces() {
        SignInOutcome outcome = signIn.signIn(clinic.slug(), "  " + therapist.email().toUpperCase(Locale.ROOT) + " ",
                therapist.password(), ip());

        assertThat(outcome).isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void wrong_password_and_unknown_email_give_the_same_failure() {
        SignInOutcome wrongPassword = signIn.signIn(clinic.slug(), therapist.email(), therapist.password() + "x", ip());
        SignInOutcome unknownEmail = signIn.signIn(clinic.slug(), TestClinics.randomEmail(), therapist.password(), ip());
        SignInOutcome noPassword = signIn.signIn(clinic.slug(), therapist.email(), "", ip());

        assertThat(wrongPassword).isEqualTo(new SignInOutcome.Failed());
        assertThat(unknownEmail).isEqualTo(wrongPassword);
        assertThat(noPassword).isEqualTo(wrongPassword);
    }

    @Test
    void account_of_clinic_a_cannot_sign_in_on_clinic_b_page() {
        ClinicBranding clinicB = testClinics.clinic();

        SignInOutcome outcome = signIn.signIn(clinicB.slug(), therapist.email(), therapist.password(), ip());

        assertThat(outcome).isEqualTo(new SignInOutcome.Failed());
    }

    @Test
    void same_email_at_two_clinics_signs_in_to_each_with_its_own_password_only() {
        ClinicBranding clinicB = testClinics.clinic();
        TestAccount sameEmailAtB = testClinics.account(clinicB, Role.CLIENT, therapist.email());

        SignInOutcome aPasswordAtB = signIn.signIn(clinicB.slug(), therapist.email(), therapist.password(), ip());
        SignInOutcome atB = signIn.signIn(clinicB.slug(), therapist.email(), sameEmailAtB.password(), ip());

        assertThat(aPasswordAtB).isEqualTo(new SignInOutcome.Failed());
        assertThat(atB).isInstanceOfSatisfying(SignInOutcome.Success.class, s -> {
            assertThat(s.user().accountId()).isEqualTo(sameEmailAtB.id());
            assertThat(s.user().clinicId()).isEqualTo(clinicB.id());
            assertThat(s.user().role()).isEqualTo(Role.CLIENT);
        });
    }

    @Test
    void after_three_failures_even_the_right_password_is_throttled_and_the_wait_grows() {
        String ip = ip();
        for (int i = 0; i < FREE_FAILURES; i++) {
            assertThat(signIn.signIn(clinic.slug(), therapist.email(), "wrong-password-" + i, ip))
                    .isEqualTo(new SignInOutcome.Failed());
        }

        SignInOutcome rightButThrottled = signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), ip);
        assertThat(rightButThrottled).isEqualTo(new SignInOutcome.Throttled(1));

        clock.advance(Duration.ofSeconds(2));
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), "wrong-again", ip)).isEqualTo(new SignInOutcome.Failed());
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), ip))
                .isEqualTo(new SignInOutcome.Throttled(2));

        clock.advance(Duration.ofSeconds(3));
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), "wrong-once-more", ip)).isEqualTo(new SignInOutcome.Failed());
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), ip))
                .isEqualTo(new SignInOutcome.Throttled(4));

        clock.advance(Duration.ofSeconds(5));
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), ip))
                .as("once the wait is over the right password works: a delay, never a lock-out")
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void throttled_account_is_throttled_from_any_address_but_does_not_block_other_accounts() {
        TestAccount colleague = testClinics.account(clinic, Role.THERAPIST);
        String attackerIp = ip();
        for (int i = 0; i < FREE_FAILURES; i++) {
            signIn.signIn(clinic.slug(), therapist.email(), "guess-" + i, attackerIp);
        }

        SignInOutcome sameAccountElsewhere = signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), ip());
        SignInOutcome otherAccountElsewhere = signIn.signIn(clinic.slug(), colleague.email(), colleague.password(), ip());

        assertThat(sameAccountElsewhere).as("per account").isInstanceOf(SignInOutcome.Throttled.class);
        assertThat(otherAccountElsewhere).isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void one_address_failing_on_many_accounts_is_throttled_for_every_account() {
        String sprayingIp = ip();
        for (int i = 0; i < FREE_FAILURES; i++) {
            signIn.signIn(clinic.slug(), TestClinics.randomEmail(), "spray-" + i, sprayingIp);
        }

        SignInOutcome fromThatAddress = signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), sprayingIp);
        SignInOutcome fromAnotherAddress = signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), ip());

        assertThat(fromThatAddress).as("per address").isInstanceOf(SignInOutcome.Throttled.class);
        assertThat(fromAnotherAddress).isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void suspended_clinic_is_unavailable_even_with_the_right_password() {
        clinics.suspend(clinic.id());

        SignInOutcome outcome = signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), ip());

        assertThat(outcome).isEqualTo(new SignInOutcome.ClinicUnavailable());
    }

    @Test
    void unknown_clinic_looks_like_a_suspended_one() {
        SignInOutcome outcome = signIn.signIn(TestClinics.randomSlug(), therapist.email(), therapist.password(), ip());

        assertThat(outcome).isEqualTo(new SignInOutcome.ClinicUnavailable());
    }

    @Test
    void deactivated_account_fails_like_a_wrong_password() {
        testClinics.account(clinic, Role.CLINIC_ADMIN).signIn();
        accountService.deactivate(therapist.id());
        TestUsers.signOut();

        SignInOutcome outcome = signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), ip());

        assertThat(outcome).isEqualTo(new SignInOutcome.Failed());
    }

    @Test
    void platform_operator_signs_in_with_the_configured_credentials() {
        SignInOutcome outcome = signIn.signInOperator(operatorEmail, operatorPassword, ip());
        SignInOutcome wrong = signIn.signInOperator(operatorEmail, operatorPassword + "x", ip());

        assertThat(outcome).isInstanceOfSatisfying(SignInOutcome.Success.class, s -> {
            assertThat(s.user().role()).isEqualTo(Role.PLATFORM_OPERATOR);
            assertThat(s.user().isOperator()).isTrue();
            assertThat(s.user().clinicId()).isNull();
        });
        assertThat(wrong).isEqualTo(new SignInOutcome.Failed());
    }

    @Test
    void clinic_account_cannot_sign_in_as_operator() {
        SignInOutcome outcome = signIn.signInOperator(therapist.email(), therapist.password(), ip());

        assertThat(outcome).isEqualTo(new SignInOutcome.Failed());
    }

    private static String ip() {
        return TestClinics.randomIp();
    }

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {

        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
