package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Confirm it's you" before changing how one signs in: the password, a further factor where one applies, 5 minutes. */
class ReauthenticationTest extends IntegrationTest {

    @Autowired Reauthentication reauthentication;
    @Autowired TestSecondFactor secondFactor;
    @Autowired SignInThrottle throttle;

    TestAccount therapist;
    String ip;

    @BeforeEach
    void aSignedInTherapist() {
        therapist = testClinics.account(testClinics.clinic(), Role.THERAPIST);
        therapist.signIn();
        ip = TestClinics.randomIp();
    }

    @AfterEach
    void forgetTheFailures() {
        SignInThrottles.reset(throttle);
    }

    @Test
    void the_right_password_holds_for_five_minutes_in_this_session_only() {
        assertThat(reauthentication.isRecent()).isFalse();

        reauthentication.confirm(therapist.password(), Map.of(), ip);

        assertThat(reauthentication.isRecent()).isTrue();
        clock.moveBy(Duration.ofMinutes(4).plusSeconds(50));
        reauthentication.requireRecent();
        clock.moveBy(Duration.ofSeconds(11));
        assertThat(reauthentication.isRecent()).isFalse();
        assertThatThrownBy(() -> reauthentication.requireRecent())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("reauth.required"));
        therapist.signIn();
        assertThat(reauthentication.isRecent()).as("another session of the same account").isFalse();
    }

    @Test
    void a_wrong_or_missing_password_is_refused_on_its_field() {
        for (String wrong : new String[]{"not-my-password", "", null, "x".repeat(2000)}) {
            SignInThrottles.reset(throttle); // four failures in a row would be slowed down (the next test)
            assertThatThrownBy(() -> reauthentication.confirm(wrong, Map.of(), TestClinics.randomIp()))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.field()).isEqualTo("password");
                        assertThat(e.messageKey()).isEqualTo("reauth.wrong-password");
                    });
        }
        assertThat(reauthentication.isRecent()).isFalse();
    }

    @Test
    void repeated_wrong_passwords_are_slowed_down_as_sign_ins_are() {
        SignInThrottles.resetOnFrozenClock(throttle, Instant.parse("2026-03-02T09:00:00Z"));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> reauthentication.confirm("guess-" + TestClinics.random(6), Map.of(), ip))
                    .isInstanceOf(DomainException.class);
        }

        assertThatThrownBy(() -> reauthentication.confirm(therapist.password(), Map.of(), ip))
                .as("even the right password waits")
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isNull();
                    assertThat(e.messageKey()).isEqualTo("signin.throttled");
                });
        assertThat(reauthentication.isRecent()).isFalse();
    }

    @Test
    void where_a_second_factor_applies_its_code_is_asked_for_and_checked_too() {
        secondFactor.enrol(therapist.id(), "123456");

        assertThat(reauthentication.extraFactors()).containsExactly(new Reauthentication.Factor("code", "reauth.password"));
        assertThatThrownBy(() -> reauthentication.confirm(therapist.password(), Map.of("code", "654321"), ip))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("code");
                    assertThat(e.messageKey()).isEqualTo("reauth.wrong-code");
                });
        assertThatThrownBy(() -> reauthentication.confirm(therapist.password(), Map.of(), ip))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThat(reauthentication.isRecent()).isFalse();

        reauthentication.confirm(therapist.password(), Map.of("code", "123456"), ip);

        assertThat(reauthentication.isRecent()).isTrue();
    }

    @Test
    void other_accounts_are_asked_for_their_password_only() {
        secondFactor.enrol(testClinics.account(therapist.clinic(), Role.THERAPIST).id(), "123456");

        assertThat(reauthentication.extraFactors()).isEmpty();
    }

    @Test
    void the_platform_operator_confirms_with_the_operators_password() {
        HomewardUser operator = ((SignInOutcome.Success) signInService.signInOperator(TestClinics.OPERATOR_EMAIL,
                TestClinics.OPERATOR_PASSWORD, ip)).user();
        TestUsers.signInAs(operator);

        assertThatThrownBy(() -> reauthentication.confirm(therapist.password(), Map.of(), ip)).isInstanceOf(DomainException.class);
        reauthentication.confirm(TestClinics.OPERATOR_PASSWORD, Map.of(), ip);

        assertThat(reauthentication.isRecent()).isTrue();
    }

    @Autowired SignInService signInService;
}
