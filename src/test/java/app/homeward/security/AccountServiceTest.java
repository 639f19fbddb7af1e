package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.tenancy.ClinicBranding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person's own account: language and password. */
class AccountServiceTest extends IntegrationTest {

    @Autowired AccountService accounts;
    @Autowired AccountDirectory directory;
    @Autowired SignInService signIn;

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

        accounts.changeMyPassword(therapist.password(), "a-brand-new-passphrase");

        assertThat(directory.sessionStillValid(CurrentUser.require())).as("this session").isTrue();
        assertThat(directory.sessionStillValid(otherDevice)).as("the other device").isFalse();
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), "a-brand-new-passphrase", TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Failed.class);
    }

    @Test
    void a_wrong_current_password_or_a_weak_new_one_changes_nothing() {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();

        assertThatThrownBy(() -> accounts.changeMyPassword("not-my-password", "a-brand-new-passphrase"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("currentPassword"));
        assertThatThrownBy(() -> accounts.changeMyPassword(therapist.password(), "short"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }
}
