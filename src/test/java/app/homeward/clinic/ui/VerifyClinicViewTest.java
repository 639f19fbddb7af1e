package app.homeward.clinic.ui;

import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.clinic.SignupService;
import app.homeward.security.CurrentUser;
import app.homeward.security.SecondFactorService;
import app.homeward.TotpCodes;
import app.homeward.security.HomewardUser;
import app.homeward.security.RateLimits;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.browserless.internal.MockPage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** /c/{slug}/verify/{token}: the link from the signup mail activates the clinic and signs its admin in. */
class VerifyClinicViewTest extends ViewTest {

    @Autowired SecondFactorService secondFactors;

    static final String DOES_NOT_WORK = "This link has already been used or has expired. If your clinic is active, sign in.";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired SignupService signup;
    @Autowired ClinicDirectory clinics;
    @Autowired RateLimits limits;

    String slug;
    String email;
    SignupService.Result signedUp;

    @BeforeEach
    void aClinicHasJustSignedUp() {
        limits.reset();
        slug = TestClinics.randomSlug();
        email = TestClinics.randomEmail();
        signedUp = signup.signUp(new SignupService.Request("Quiet Pines " + slug, slug, "Ada Founder", email,
                "quiet pines under snow", "Europe/Madrid", "en", true), TestClinics.randomIp());
    }

    @Test
    void the_mailed_link_activates_the_clinic_and_signs_the_admin_in() {
        String token = tokenFromTheMail();

        navigate("c/" + slug + "/verify/" + token, VerifyClinicView.class);
        assertThat(find(Paragraph.class).withText("One click and Quiet Pines " + slug
                + " is ready: you'll be signed in as its admin.").exists()).isTrue();
        assertThat(clinics.findBySlug(slug).orElseThrow().status())
                .as("opening the link alone (a mail scanner) activates nothing")
                .isEqualTo(ClinicStatus.PENDING_VERIFICATION);

        test(activateButton()).click();

        assertThat(clinics.findBySlug(slug).orElseThrow().status()).isEqualTo(ClinicStatus.ACTIVE);
        assertThat(((MockPage) UI.getCurrent().getPage()).getLastExternalNavigationURL())
                .as("the admin sets up two-step sign-in first").isEqualTo("c/" + slug + "/second-factor");
        assertThat(CurrentUser.get()).isEmpty();
        SecondFactorService.Enrolment enrolment = secondFactors.pendingEnrolment();
        assertThat(secondFactors.confirmPendingEnrolment(TotpCodes.code(enrolment.secret(), clock.instant()),
                TestClinics.randomIp())).isInstanceOfSatisfying(SecondFactorService.CodeCheck.Accepted.class,
                accepted -> assertThat(accepted.next()).as("then sent to the staff home").isEqualTo("app"));
        HomewardUser admin = CurrentUser.get().orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.CLINIC_ADMIN);
        assertThat(admin.clinicId()).isEqualTo(signedUp.clinicId());
        assertThat(admin.email()).isEqualTo(email);
    }

    @Test
    void a_used_link_does_not_work_again() {
        String token = tokenFromTheMail();
        navigate("c/" + slug + "/verify/" + token, VerifyClinicView.class);
        test(activateButton()).click();
        assertThat(secondFactors.pending()).as("activated: on to two-step sign-in").isPresent();
        signOutOfThisBrowser();

        navigate("c/" + slug + "/verify/" + token, VerifyClinicView.class);
        test(activateButton()).click();

        assertThat(find(Paragraph.class).withText(DOES_NOT_WORK).exists()).isTrue();
        assertThat(find(Button.class).withId("activate-clinic").exists()).as("nothing left to click").isFalse();
        assertThat(find(Anchor.class).withText("Go to sign in").single().getHref()).isEqualTo("c/" + slug);
        assertThat(CurrentUser.get()).as("nobody signed in").isEmpty();
    }

    @Test
    void a_bogus_link_does_not_work_and_activates_nothing() {
        navigate("c/" + slug + "/verify/not-a-real-token-" + TestClinics.random(20), VerifyClinicView.class);
        test(activateButton()).click();

        assertThat(find(Paragraph.class).withText(DOES_NOT_WORK).exists()).isTrue();
        assertThat(CurrentUser.get()).isEmpty();
        assertThat(clinics.findBySlug(slug).orElseThrow().status()).isEqualTo(ClinicStatus.PENDING_VERIFICATION);
    }

    @Test
    void a_link_of_another_clinic_does_not_work_here() {
        String token = tokenFromTheMail();
        var other = testClinics.clinic();

        navigate("c/" + other.slug() + "/verify/" + token, VerifyClinicView.class);
        test(activateButton()).click();

        assertThat(find(Paragraph.class).withText(DOES_NOT_WORK).exists()).isTrue();
        assertThat(CurrentUser.get()).isEmpty();
        assertThat(clinics.findBySlug(slug).orElseThrow().status()).isEqualTo(ClinicStatus.PENDING_VERIFICATION);
    }

    private Button activateButton() {
        return find(Button.class).id("activate-clinic");
    }

    private String tokenFromTheMail() {
        var mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).hasSize(1);
        return Mails.token(Mails.text(mails.getFirst()), slug, "verify");
    }
}
