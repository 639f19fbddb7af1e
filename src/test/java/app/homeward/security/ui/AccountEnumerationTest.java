package app.homeward.security.ui;

import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.clinic.ui.ClinicPageView;
import app.homeward.security.CurrentUser;
import app.homeward.security.RateLimits;
import app.homeward.security.Role;
import app.homeward.security.SignInThrottle;
import app.homeward.security.SignInThrottles;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing on a public page says whether an email has an account at a clinic (issue 11): the whole sign-in page
 * and the whole "forgot password" page read the same, field states and messages included, for an email with an
 * account and one without. The public metrics are {@code ActuatorExposureTest}'s; the sign-in service's answers
 * are {@code SignInServiceTest}'s.
 */
class AccountEnumerationTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired RateLimits limits;
    @Autowired SignInThrottle throttle;

    ClinicBranding clinic;
    TestAccount client;

    @BeforeEach
    void aClinicWithAClient() {
        clinic = testClinics.clinic();
        client = testClinics.account(clinic, Role.CLIENT);
    }

    @Test
    void the_sign_in_page_reads_the_same_for_an_email_with_an_account_and_one_without() {
        String known = signInPage(client.email());
        String unknown = signInPage(TestClinics.randomEmail());

        assertThat(known).as("the failure is shown").contains("don't match an account here");
        assertThat(unknown).isEqualTo(known);
        assertThat(CurrentUser.get()).isEmpty();
    }

    @Test
    void the_forgot_password_page_reads_the_same_for_an_email_with_an_account_and_one_without() {
        String unknownEmail = TestClinics.randomEmail();
        String known = forgotPage(client.email());
        String unknown = forgotPage(unknownEmail);

        assertThat(known).as("the answer is shown").contains("If this email has an account here");
        assertThat(unknown).isEqualTo(known);
        assertThat(Mails.awaitTo(greenMail, client.email(), 1)).as("the account's owner got the link").hasSize(1);
        assertThat(Mails.to(greenMail, unknownEmail)).isEmpty();
    }

    /** Everything the page shows after a failed sign-in, with the typed email taken out. */
    private String signInPage(String email) {
        SignInThrottles.reset(throttle);
        limits.reset();
        navigate("c/" + clinic.slug(), ClinicPageView.class);
        test(find(EmailField.class).id("email")).setValue(email);
        test(find(PasswordField.class).id("password")).setValue("not-the-password-" + TestClinics.random(6));
        test(find(Button.class).id("sign-in")).click();
        return page(email);
    }

    private String forgotPage(String email) {
        limits.reset();
        navigate("c/" + clinic.slug() + "/forgot", ForgotPasswordView.class);
        test(find(EmailField.class).id("email")).setValue(email);
        test(find(Button.class).id("send-reset")).click();
        return page(email);
    }

    private String page(String email) {
        EmailField field = find(EmailField.class).id("email");
        return (getCurrentView().getElement().getTextRecursively()
                + " | email invalid=" + field.isInvalid() + " " + field.getErrorMessage()
                + " | value=" + field.getValue()).replace(email, "<email>");
    }
}
