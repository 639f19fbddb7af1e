package app.homeward.security.ui;

import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.security.AccountDirectory;
import app.homeward.security.CurrentUser;
import app.homeward.security.EmailChangeService;
import app.homeward.security.HomewardUser;
import app.homeward.security.RateLimits;
import app.homeward.security.Role;
import app.homeward.security.SessionChecks;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import app.homeward.security.SignInThrottle;
import app.homeward.security.SignInThrottles;
import app.homeward.security.TestSecondFactor;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import app.homeward.security.SessionTimeline;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Account settings (/app/account, /my/account): email, password and sessions, with "confirm it's you" first. */
class AccountSettingsFormTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired SignInService signIn;
    @Autowired SignInThrottle throttle;
    @Autowired RateLimits limits;
    @Autowired TestSecondFactor secondFactor;
    @Autowired EmailChangeService emails;

    ClinicBranding clinic;
    TestAccount therapist;

    @BeforeEach
    void aTherapistOnTheAccountPage() {
        limits.reset();
        SignInThrottles.reset(throttle);
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
    }

    @AfterEach
    void forgetTheFailures() {
        SignInThrottles.reset(throttle);
    }

    @Test
    void changing_the_password_asks_for_the_current_one_first_then_changes_it() {
        StaffAccountView view = navigate(StaffAccountView.class);
        String chosen = "a-new-passphrase-" + TestClinics.random(6);

        test(view.newPassword).setValue(chosen);
        test(view.changePassword).click();

        ReauthenticationDialog dialog = find(ReauthenticationDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Confirm it's you");
        assertThat(dialog.password.getLabel()).isEqualTo("Current password");
        assertThat(dialog.factors).as("no second factor enrolled").isEmpty();

        test(dialog.password).setValue("not-my-password");
        test(dialog.confirm).click();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).isEqualTo("That password isn't right. Please try again.");
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), chosen, TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Failed.class);

        test(dialog.password).setValue(therapist.password());
        test(dialog.confirm).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("Password changed. You've been signed out on your other devices.");
        assertThat(view.newPassword.getValue()).isEmpty();
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), chosen, TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void confirming_who_it_is_renews_the_session_id_but_not_the_sessions_age() {
        StaffAccountView view = navigate(StaffAccountView.class);
        Instant signedIn = clock.instant().minus(Duration.ofHours(3));
        VaadinSession.getCurrent().getSession().setAttribute(SessionTimeline.ATTRIBUTE, SessionTimeline.startingAt(signedIn));
        AtomicInteger renewals = countSessionIdRenewals();

        test(view.newPassword).setValue("a-new-passphrase-" + TestClinics.random(6));
        test(view.changePassword).click();
        ReauthenticationDialog dialog = find(ReauthenticationDialog.class).single();
        test(dialog.password).setValue(therapist.password());
        test(dialog.confirm).click();

        assertThat(renewals.get()).as("a new session id, as at sign-in").isEqualTo(1);
        assertThat(((SessionTimeline) VaadinSession.getCurrent().getSession().getAttribute(SessionTimeline.ATTRIBUTE))
                .signedInAt()).as("the absolute limit still counts from the sign-in").isEqualTo(signedIn);
    }

    /** The simulated request, as ViewTest makes it, counting how often the session id is renewed. */
    private AtomicInteger countSessionIdRenewals() {
        AtomicInteger renewals = new AtomicInteger();
        VaadinServletRequest current = (VaadinServletRequest) VaadinRequest.getCurrent();
        HttpServletRequest counting = new HttpServletRequestWrapper(current.getHttpServletRequest()) {
            @Override
            public String changeSessionId() {
                renewals.incrementAndGet();
                return UUID.randomUUID().toString();
            }
        };
        makeCurrent(new VaadinServletRequest(counting, current.getService()));
        return renewals;
    }

    @Test
    void a_weak_new_password_is_refused_before_anyone_is_asked_who_they_are() {
        StaffAccountView view = navigate(StaffAccountView.class);

        test(view.newPassword).setValue("short");
        test(view.changePassword).click();

        assertThat(find(ReauthenticationDialog.class).all()).isEmpty();
        assertThat(view.newPassword.isInvalid()).isTrue();
    }

    @Test
    void within_five_minutes_of_confirming_a_second_change_asks_nothing_and_after_that_asks_again() {
        StaffAccountView view = navigate(StaffAccountView.class);
        test(view.newPassword).setValue("a-new-passphrase-" + TestClinics.random(6));
        test(view.changePassword).click();
        ReauthenticationDialog first = find(ReauthenticationDialog.class).single();
        test(first.password).setValue(therapist.password());
        test(first.confirm).click();

        test(view.newPassword).setValue("another-passphrase-" + TestClinics.random(6));
        test(view.changePassword).click();
        assertThat(find(ReauthenticationDialog.class).all().stream().filter(d -> d.isOpened())).isEmpty();

        clock.moveBy(Duration.ofMinutes(6));
        test(view.newPassword).setValue("third-passphrase-" + TestClinics.random(6));
        test(view.changePassword).click();
        assertThat(find(ReauthenticationDialog.class).all().stream().filter(d -> d.isOpened())).hasSize(1);
    }

    @Test
    void an_enrolled_second_factor_adds_its_code_field_to_the_dialog() {
        secondFactor.enrol(therapist.id(), "246810");
        StaffAccountView view = navigate(StaffAccountView.class);
        test(view.newPassword).setValue("a-new-passphrase-" + TestClinics.random(6));
        test(view.changePassword).click();
        ReauthenticationDialog dialog = find(ReauthenticationDialog.class).single();

        test(dialog.password).setValue(therapist.password());
        test(dialog.factors.get("code")).setValue("111111");
        test(dialog.confirm).click();
        assertThat(dialog.factors.get("code").isInvalid()).isTrue();
        assertThat(dialog.factors.get("code").getErrorMessage()).isEqualTo("That code isn't right. Please try again.");

        test(dialog.password).setValue(therapist.password());
        test(dialog.factors.get("code")).setValue("246810");
        test(dialog.confirm).click();
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void changing_the_email_sends_a_link_to_the_new_address_after_confirming_who_it_is() {
        StaffAccountView view = navigate(StaffAccountView.class);
        String address = TestClinics.randomEmail();

        test(view.newEmail).setValue(address);
        test(view.changeEmail).click();
        ReauthenticationDialog dialog = find(ReauthenticationDialog.class).single();
        test(dialog.password).setValue(therapist.password());
        test(dialog.confirm).click();

        assertThat(find(Div.class).withId("email-alert").single().getText())
                .isEqualTo("We sent a link to " + address + ". Open it within 24 hours to finish the change.");
        String token = Mails.token(Mails.text(Mails.awaitTo(greenMail, address, 1).getFirst()), clinic.slug(), "confirm-email");
        assertThat(emails.tokenUsable(clinic.slug(), token)).isTrue();
    }

    @Test
    void a_malformed_email_is_explained_on_its_field() {
        StaffAccountView view = navigate(StaffAccountView.class);

        test(view.newEmail).setValue("no-at-sign");
        test(view.changeEmail).click();

        assertThat(view.newEmail.isInvalid()).isTrue();
        assertThat(find(ReauthenticationDialog.class).all()).isEmpty();
    }

    @Test
    void sign_out_everywhere_else_ends_the_other_sessions_and_keeps_this_one(@Autowired AccountDirectory directory) {
        HomewardUser otherDevice = therapist.principal();
        StaffAccountView view = navigate(StaffAccountView.class);

        test(view.signOutElsewhere).click();

        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("You've been signed out everywhere else.");
        HomewardUser here = CurrentUser.require();
        assertThat(stillValid(directory, otherDevice)).isFalse();
        assertThat(stillValid(directory, here)).isTrue();
    }

    @Test
    void clients_have_the_same_settings_in_their_portal() {
        testClinics.account(clinic, Role.CLIENT).signIn();

        ClientAccountView view = navigate(ClientAccountView.class);

        assertThat(view.signOutElsewhere.getText()).isEqualTo("Sign out everywhere else");
        assertThat(view.changeEmail.getText()).isEqualTo("Send confirmation link");
        assertThat(view.changePassword.getText()).isEqualTo("Change password");
    }

    private static boolean stillValid(AccountDirectory directory, HomewardUser user) {
        return SessionChecks.stillValid(directory, user);
    }
}
