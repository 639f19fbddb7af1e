package app.homeward.security.ui;

import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.security.CurrentUser;
import app.homeward.security.SecondFactorService;
import app.homeward.TotpCodes;
import app.homeward.security.HomewardUser;
import app.homeward.security.InvitationService;
import app.homeward.security.InvitationService.InvitationSummary;
import app.homeward.security.Role;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.browserless.internal.MockPage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** /c/{slug}/invite/{token}: an invited person chooses a password and is signed in. */
class AcceptInvitationViewTest extends ViewTest {

    @Autowired SecondFactorService secondFactors;

    static final String DOES_NOT_WORK = "This invitation doesn't work any more";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired InvitationService invitations;
    @Autowired SignInService signIn;
    @Autowired EntityManager entityManager;
    @Autowired TransactionTemplate tx;

    ClinicBranding clinic;
    TestAccount admin;
    String email;
    InvitationSummary invitation;
    String token;

    @BeforeEach
    void theAdminInvitesATherapist() {
        clinic = testClinics.clinic("Willow Practice " + TestClinics.random(5));
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        email = TestClinics.randomEmail();
        admin.signIn();
        invitation = invitations.inviteStaff(email, "Bea Therapist", Role.THERAPIST);
        TestUsers.signOut();
        var mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).hasSize(1);
        token = Mails.token(Mails.text(mails.getFirst()), clinic.slug(), "invite");
    }

    @Test
    void the_invitation_shows_the_clinic_and_the_role() {
        openTheLink();

        assertThat(find(H1.class).withText("Join your clinic").exists()).isTrue();
        assertThat(find(Paragraph.class).withText(clinic.name() + " has invited you as Therapist (" + email
                + "). Choose a password to finish.").exists()).isTrue();
        assertThat(find(TextField.class).id("name").getValue()).isEqualTo("Bea Therapist");
    }

    @Test
    void accepting_with_a_good_password_signs_the_person_in_as_a_therapist() {
        openTheLink();
        test(find(TextField.class).id("name")).setValue("Bea Torres");
        test(find(PasswordField.class).id("password")).setValue("river stones in autumn");

        test(find(Button.class).id("accept-invitation")).click();

        assertThat(((MockPage) UI.getCurrent().getPage()).getLastExternalNavigationURL())
                .as("staff set up two-step sign-in first").isEqualTo("c/" + clinic.slug() + "/second-factor");
        assertThat(CurrentUser.get()).isEmpty();
        SecondFactorService.Enrolment enrolment = secondFactors.pendingEnrolment();
        assertThat(secondFactors.confirmPendingEnrolment(TotpCodes.code(enrolment.secret(), clock.instant()),
                TestClinics.randomIp())).isInstanceOfSatisfying(SecondFactorService.CodeCheck.Accepted.class,
                accepted -> assertThat(accepted.next()).isEqualTo("app"));
        HomewardUser user = CurrentUser.get().orElseThrow();
        assertThat(user.role()).isEqualTo(Role.THERAPIST);
        assertThat(user.clinicId()).isEqualTo(clinic.id());
        assertThat(user.email()).isEqualTo(email);
        assertThat(user.displayName()).isEqualTo("Bea Torres");
        assertThat(signIn.signIn(clinic.slug(), email, "river stones in autumn", TestClinics.randomIp()))
                .as("the new password works on the clinic page").isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void a_weak_password_is_explained_and_nobody_is_signed_in() {
        openTheLink();
        test(find(PasswordField.class).id("password")).setValue("1qaz2wsx3edc");

        test(find(Button.class).id("accept-invitation")).click();

        PasswordField password = find(PasswordField.class).id("password");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage())
                .isEqualTo("This password is one of the most common ones and easy to guess. Please choose another.");
        assertThat(CurrentUser.get()).isEmpty();
        assertThat(invitations.preview(clinic.slug(), token)).as("the link still works").isPresent();
    }

    @Test
    void a_used_link_does_not_work_any_more() {
        openTheLink();
        test(find(PasswordField.class).id("password")).setValue("river stones in autumn");
        test(find(Button.class).id("accept-invitation")).click();
        assertThat(secondFactors.pending()).as("accepted: on to two-step sign-in").isPresent();
        signOutOfThisBrowser();

        openTheLink();

        assertDoesNotWork();
    }

    @Test
    void a_revoked_link_does_not_work_any_more() {
        admin.signIn();
        invitations.revoke(invitation.id());
        TestUsers.signOut();

        openTheLink();

        assertDoesNotWork();
    }

    @Test
    void an_expired_link_does_not_work_any_more() {
        Instant eightDaysAgo = clock.instant().minus(Duration.ofDays(8));
        TenantContext.runAs(clinic.id(), () -> tx.executeWithoutResult(status -> entityManager
                .createQuery("update Invitation i set i.expiresAt = :expired where i.id = :id")
                .setParameter("expired", eightDaysAgo)
                .setParameter("id", invitation.id())
                .executeUpdate()));

        openTheLink();

        assertDoesNotWork();
    }

    @Test
    void a_link_opened_at_another_clinic_does_not_work() {
        ClinicBranding other = testClinics.clinic();

        navigate("c/" + other.slug() + "/invite/" + token, AcceptInvitationView.class);

        assertDoesNotWork();
    }

    private void openTheLink() {
        navigate("c/" + clinic.slug() + "/invite/" + token, AcceptInvitationView.class);
    }

    private void assertDoesNotWork() {
        assertThat(find(H1.class).single().getText()).isEqualTo(DOES_NOT_WORK);
        assertThat(find(Paragraph.class).withText("Invitations work once and for 7 days. "
                + "Ask your clinic to send a new one.").exists()).isTrue();
        assertThat(find(PasswordField.class).exists()).as("no form").isFalse();
        assertThat(CurrentUser.get()).isEmpty();
    }
}
