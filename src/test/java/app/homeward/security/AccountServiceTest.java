package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.tenancy.ClinicBranding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person's own account: language and password. */
class AccountServiceTest extends IntegrationTest {

    @Autowired AccountService accounts;
    @Autowired AccountDirectory directory;
    @Autowired SignInService signIn;
    @Autowired Reauthentication reauthentication;

    /** docs/decisions/0027; deliberately not read from RateLimits. */
    private static final int PASSWORD_CHANGES_PER_HOUR = 10;

    @Test
    void choosing_spanish_switches_the_signed_in_session_and_clinic_default_falls_back_to_the_clinic() {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount client = testClinics.account(clinic, Role.CLIENT);
        client.signIn();

        accounts.changeMyLanguage("es");
        assertThat(accounts.me().language()).isEqualTo("es");
        assertThat(CurrentUser.require().locale().getLanguage()).isEqualTo("es");

        accounts.changeMyLanguage(null);
        assertThat(accounts.me().language()).isNull();
        assertThat(CurrentUser.require().locale()).isEqualTo(Locale.forLanguageTag(clinic.defaultLanguage()));
    }

    @Test
    void an_unknown_language_is_refused_on_its_field() {
        testClinics.account(testClinics.clinic(), Role.THERAPIST).signIn();

        assertThatThrownBy(() -> accounts.changeMyLanguage("xx"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("language"));
    }

    @Test
    void changing_the_password_keeps_this_session_ends_the_others_and_only_the_new_password_signs_in() {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        HomewardUser otherDevice = therapist.principal();
        therapist.signIn();

        reauthentication.confirm(therapist.password(), Map.of(), TestClinics.randomIp());
        accounts.changeMyPassword("a-brand-new-passphrase");

        assertThat(directory.sessionStillValid(CurrentUser.require())).as("this session").isTrue();
        assertThat(directory.sessionStillValid(otherDevice)).as("the other device").isFalse();
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), "a-brand-new-passphrase", TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Failed.class);
    }

    @Test
    void a_wrong_current_password_an_unconfirmed_session_or_a_weak_new_one_changes_nothing() {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();

        assertThatThrownBy(() -> reauthentication.confirm("not-my-password", Map.of(), TestClinics.randomIp()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> accounts.changeMyPassword("a-brand-new-passphrase"))
                .as("without confirming who it is")
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("reauth.required"));
        reauthentication.confirm(therapist.password(), Map.of(), TestClinics.randomIp());
        assertThatThrownBy(() -> accounts.changeMyPassword("short"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void changing_ones_password_is_limited_to_ten_attempts_an_hour_and_refused_ones_count_too() {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        TestAccount colleague = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        reauthentication.confirm(therapist.password(), Map.of(), TestClinics.randomIp());
        for (int i = 0; i < PASSWORD_CHANGES_PER_HOUR; i++) {
            assertThatThrownBy(() -> accounts.changeMyPassword("passwordpassword"))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("password.common"));
        }

        assertThatThrownBy(() -> accounts.changeMyPassword("a-brand-new-passphrase"))
                .as("even a good password waits")
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.messageKey()).isEqualTo("password.change-throttled");
                });
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .as("nothing changed").isInstanceOf(SignInOutcome.Success.class);

        colleague.signIn();
        reauthentication.confirm(colleague.password(), Map.of(), TestClinics.randomIp());
        accounts.changeMyPassword("lanterns over the quiet bay");

        therapist.signIn();
        clock.moveBy(Duration.ofHours(1).dividedBy(PASSWORD_CHANGES_PER_HOUR).plusSeconds(1));
        reauthentication.confirm(therapist.password(), Map.of(), TestClinics.randomIp());
        accounts.changeMyPassword("a-brand-new-passphrase");
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), "a-brand-new-passphrase", TestClinics.randomIp()))
                .as("six minutes later one more attempt is allowed").isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void a_new_password_made_of_ones_clinics_name_or_ones_own_name_is_refused_with_the_reason() {
        ClinicBranding clinic = testClinics.clinic("Lakeside Harbour Counselling");
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        String ownName = therapist.displayName();

        assertThatThrownBy(() -> accounts.changeMyPassword("Lakeside2026!!"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.messageKey()).isEqualTo("password.clinic-name");
                });
        assertThatThrownBy(() -> accounts.changeMyPassword(ownName + "-" + ownName))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("password.contains-name"));
        assertThatThrownBy(() -> accounts.changeMyPassword("passwordpassword"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("password.common"));
    }
}
