package app.homeward.security.ui;

import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.security.EmailChangeService;
import app.homeward.security.RateLimits;
import app.homeward.security.Reauthentication;
import app.homeward.security.Role;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /c/{slug}/confirm-email/{token}: the link sent to a new sign-in email. */
class ConfirmEmailViewTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired EmailChangeService emails;
    @Autowired Reauthentication reauthentication;
    @Autowired SignInService signIn;
    @Autowired RateLimits limits;

    ClinicBranding clinic;
    TestAccount client;
    String address;
    String token;

    @BeforeEach
    void aClientAskedToMoveToANewAddress() {
        limits.reset();
        clinic = testClinics.clinic();
        client = testClinics.account(clinic, Role.CLIENT);
        client.signIn();
        reauthentication.confirm(client.password(), Map.of(), TestClinics.randomIp());
        address = TestClinics.randomEmail();
        emails.request(address);
        token = Mails.token(Mails.text(Mails.awaitTo(greenMail, address, 1).getFirst()), clinic.slug(), "confirm-email");
        signOutOfThisBrowser();
    }

    @Test
    void opening_the_link_changes_nothing_until_the_button_is_pressed() {
        ConfirmEmailView view = navigate("c/" + clinic.slug() + "/confirm-email/" + token, ConfirmEmailView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("Confirm your new email");
        assertThat(signIn.signIn(clinic.slug(), client.email(), client.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);

        test(view.confirm).click();

        assertThat(find(H1.class).single().getText()).isEqualTo("Email changed");
        assertThat(find(Paragraph.class).single().getText())
                .isEqualTo("From now on you sign in with " + address + ". You've been signed out everywhere.");
        assertThat(signIn.signIn(clinic.slug(), address, client.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void a_used_or_unknown_link_says_so_and_offers_the_sign_in_page() {
        emails.confirm(clinic.slug(), token);

        navigate("c/" + clinic.slug() + "/confirm-email/" + token, ConfirmEmailView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("This link can't be used");
        navigate("c/" + clinic.slug() + "/confirm-email/not-a-token", ConfirmEmailView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("This link can't be used");
        assertThat(find(Anchor.class).withId("sign-in-link").single().getHref())
                .isEqualTo("c/" + clinic.slug());
    }
}
