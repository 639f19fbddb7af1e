package app.homeward.security.ui;

import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.security.RateLimits;
import app.homeward.security.Role;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import app.homeward.security.SignInThrottle;
import app.homeward.security.SignInThrottles;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Forgot password (/c/{slug}/forgot) and the mailed reset link (/c/{slug}/reset/{token}). */
class ForgotAndResetViewTest extends ViewTest {

    static final String SENT = "If this email has an account here, we've sent a link. It works once, for 30 minutes.";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired RateLimits limits;
    @Autowired SignInService signIn;
    @Autowired SignInThrottle throttle;

    ClinicBranding clinic;
    TestAccount therapist;

    @BeforeEach
    void aClinicWithATherapist() {
        limits.reset();
        SignInThrottles.reset(throttle);
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
    }

    @AfterEach
    void forgetTheFailures() {
        SignInThrottles.reset(throttle);
    }

    @Test
    void the_form_says_the_same_for_a_known_and_an_unknown_email() {
        String known = askForALink(therapist.email());
        String unknownEmail = TestClinics.randomEmail();
        String unknown = askForALink(unknownEmail);

        assertThat(known).isEqualTo(SENT);
        assertThat(unknown).isEqualTo(known);
        assertThat(Mails.awaitTo(greenMail, therapist.email(), 1)).hasSize(1);
        assertThat(Mails.to(greenMail, unknownEmail)).isEmpty();
    }

    @Test
    void a_malformed_email_is_explained_on_the_email_field() {
        navigate("c/" + clinic.slug() + "/forgot", ForgotPasswordView.class);
        EmailField email = find(EmailField.class).id("email");
        test(email).setValue("not an email");

        test(find(Button.class).id("send-reset")).click();

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Please enter an email address like name@example.com.");
    }

    @Test
    void the_mailed_link_opens_the_reset_page_and_a_weak_password_is_explained() {
        String token = resetToken();

        navigate("c/" + clinic.slug() + "/reset/" + token, ResetPasswordView.class);
        assertThat(find(H1.class).withText("Choose a new password").exists()).isTrue();
        PasswordField password = find(PasswordField.class).id("new-password");
        test(password).setValue("too short");
        test(find(Button.class).id("save-password")).click();

        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("Use at least 12 characters.");
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .as("the old password still works").isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void a_good_password_is_saved_and_the_old_one_stops_working() {
        String token = resetToken();
        String newPassword = "lanterns over the quiet bay";

        navigate("c/" + clinic.slug() + "/reset/" + token, ResetPasswordView.class);
        test(find(PasswordField.class).id("new-password")).setValue(newPassword);
        test(find(Button.class).id("save-password")).click();

        assertThat(find(H1.class).single().getText()).isEqualTo("Password changed");
        assertThat(find(Anchor.class).withText("Back to sign in").single().getHref()).isEqualTo("c/" + clinic.slug());
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Failed.class);
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), newPassword, TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void a_used_link_shows_that_it_does_not_work_any_more() {
        String token = resetToken();
        navigate("c/" + clinic.slug() + "/reset/" + token, ResetPasswordView.class);
        test(find(PasswordField.class).id("new-password")).setValue("lanterns over the quiet bay");
        test(find(Button.class).id("save-password")).click();

        navigate("c/" + clinic.slug() + "/reset/" + token, ResetPasswordView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("This link doesn't work any more");
        assertThat(find(PasswordField.class).exists()).isFalse();
    }

    private String askForALink(String email) {
        navigate("c/" + clinic.slug() + "/forgot", ForgotPasswordView.class);
        test(find(EmailField.class).id("email")).setValue(email);
        test(find(Button.class).id("send-reset")).click();
        Div alert = find(Div.class).withClassName("form-alert").single();
        assertThat(alert.isVisible()).isTrue();
        return alert.getText();
    }

    private String resetToken() {
        askForALink(therapist.email());
        var mails = Mails.awaitTo(greenMail, therapist.email(), 1);
        assertThat(mails).hasSize(1);
        return Mails.token(Mails.text(mails.getFirst()), clinic.slug(), "reset");
    }
}
