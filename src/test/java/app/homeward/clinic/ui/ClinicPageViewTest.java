package app.homeward.clinic.ui;

import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.SignInThrottle;
import app.homeward.security.SignInThrottles;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.browserless.internal.MockPage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /c/{slug}: a clinic's own sign-in page. */
class ClinicPageViewTest extends ViewTest {

    static final String FAILED = "That email and password don't match an account here. Please try again.";
    static final String UNAVAILABLE = "This clinic page isn't available";

    @Autowired SignInThrottle throttle;
    @Autowired ClinicDirectory clinics;

    ClinicBranding clinic;
    TestAccount therapist;

    @BeforeEach
    void aClinicWithATherapist() {
        // all browserless requests share one client address: start every test with a clean slate and a still clock
        SignInThrottles.resetOnFrozenClock(throttle, Instant.parse("2026-03-02T09:00:00Z"));
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
    }

    @AfterEach
    void forgetTheFailures() {
        SignInThrottles.reset(throttle);
    }

    @Test
    void the_right_password_signs_in_at_this_clinic() {
        TestAccount client = testClinics.account(clinic, Role.CLIENT);
        navigate("c/" + clinic.slug(), ClinicPageView.class);
        assertThat(find(Div.class).withClassName("clinic-brand").single().getElement().getTextRecursively())
                .contains(clinic.name());

        signIn(client.email(), client.password());

        HomewardUser user = CurrentUser.get().orElseThrow();
        assertThat(user.accountId()).isEqualTo(client.id());
        assertThat(user.clinicId()).isEqualTo(clinic.id());
        assertThat(user.clinicSlug()).isEqualTo(clinic.slug());
        assertThat(user.role()).isEqualTo(Role.CLIENT);
        assertThat(((MockPage) UI.getCurrent().getPage()).getLastExternalNavigationURL()).isEqualTo("my");
        assertThat(find(Div.class).withId("signin-alert").exists()).as("no alert").isFalse();
    }

    @Test
    void a_therapists_right_password_leads_to_the_second_step_not_into_the_app() {
        navigate("c/" + clinic.slug(), ClinicPageView.class);

        signIn(therapist.email(), therapist.password());

        assertThat(CurrentUser.get()).as("not signed in before the second step").isEmpty();
        assertThat(((MockPage) UI.getCurrent().getPage()).getLastExternalNavigationURL())
                .isEqualTo("c/" + clinic.slug() + "/second-factor");
        assertThat(find(Div.class).withId("signin-alert").exists()).as("no alert").isFalse();
    }

    @Test
    void a_wrong_password_shows_one_plain_message_and_reveals_nothing_else() {
        navigate("c/" + clinic.slug(), ClinicPageView.class);

        signIn(therapist.email(), therapist.password() + "x");

        assertFailedWithoutHints();
    }

    @Test
    void an_unknown_email_shows_the_same_message() {
        navigate("c/" + clinic.slug(), ClinicPageView.class);

        signIn(TestClinics.randomEmail(), therapist.password());

        assertFailedWithoutHints();
    }

    @Test
    void an_account_of_another_clinic_cannot_sign_in_here() {
        TestAccount elsewhere = testClinics.account(testClinics.clinic(), Role.THERAPIST);
        navigate("c/" + clinic.slug(), ClinicPageView.class);

        signIn(elsewhere.email(), elsewhere.password());

        assertFailedWithoutHints();
    }

    @Test
    void after_three_failures_the_next_attempt_is_slowed_down() {
        navigate("c/" + clinic.slug(), ClinicPageView.class);
        for (int i = 0; i < 3; i++) {
            signIn(therapist.email(), "wrong password number " + i);
            assertThat(alert().getText()).isEqualTo(FAILED);
        }

        signIn(therapist.email(), therapist.password());

        assertThat(alert().isVisible()).isTrue();
        assertThat(alert().getText()).isEqualTo("Too many attempts. Please wait 1 second, then try again.");
        assertThat(CurrentUser.get()).as("even the right password waits").isEmpty();
    }

    @Test
    void an_unknown_clinic_and_a_suspended_clinic_show_the_same_unavailable_page() {
        navigate("c/" + TestClinics.randomSlug(), ClinicPageView.class);
        List<String> unknown = pageTexts();

        clinics.suspend(clinic.id());
        navigate("c/" + clinic.slug(), ClinicPageView.class);
        List<String> suspended = pageTexts();

        assertThat(unknown).contains(UNAVAILABLE);
        assertThat(suspended).isEqualTo(unknown);
        assertThat(find(EmailField.class).exists()).as("no sign-in form").isFalse();
        assertThat(suspended).noneMatch(text -> text.contains(clinic.name()));
    }

    @Test
    void a_clinic_suspended_while_the_page_is_open_refuses_the_sign_in_with_the_unavailable_page() {
        navigate("c/" + clinic.slug(), ClinicPageView.class);
        clinics.suspend(clinic.id());

        signIn(therapist.email(), therapist.password());

        assertThat(find(H1.class).withText(UNAVAILABLE).exists()).isTrue();
        assertThat(CurrentUser.get()).isEmpty();
    }

    private void signIn(String email, String password) {
        test(find(EmailField.class).id("email")).setValue(email);
        test(find(PasswordField.class).id("password")).setValue(password);
        test(find(Button.class).id("sign-in")).click();
    }

    private Div alert() {
        return find(Div.class).id("signin-alert");
    }

    private void assertFailedWithoutHints() {
        assertThat(alert().isVisible()).isTrue();
        assertThat(alert().getText()).isEqualTo(FAILED);
        assertThat(find(EmailField.class).id("email").isInvalid()).as("no hint on the email").isFalse();
        assertThat(find(PasswordField.class).id("password").isInvalid()).as("no hint on the password").isFalse();
        assertThat(find(PasswordField.class).id("password").getValue()).as("password cleared").isEmpty();
        assertThat(find(Button.class).id("sign-in").isEnabled()).as("can try again").isTrue();
        assertThat(CurrentUser.get()).isEmpty();
    }

    private List<String> pageTexts() {
        return List.of(find(H1.class).single().getText(), find(Paragraph.class).single().getText());
    }
}
