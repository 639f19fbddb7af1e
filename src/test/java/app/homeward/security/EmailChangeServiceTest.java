package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changing one's sign-in email: re-authentication, a link to the new address, uniqueness in the clinic, sessions end. */
class EmailChangeServiceTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired EmailChangeService emails;
    @Autowired Reauthentication reauthentication;
    @Autowired SignInService signIn;
    @Autowired AccountDirectory directory;
    @Autowired RateLimits limits;
    @Autowired SignInThrottle throttle;

    ClinicBranding clinic;
    TestAccount client;
    String newAddress;

    @BeforeEach
    void aSignedInClientWhoConfirmedItsThem() {
        limits.reset();
        clinic = testClinics.clinic();
        client = testClinics.account(clinic, Role.CLIENT);
        client.signIn();
        reauthentication.confirm(client.password(), Map.of(), TestClinics.randomIp());
        newAddress = TestClinics.randomEmail();
    }

    @AfterEach
    void forgetTheFailures() {
        SignInThrottles.reset(throttle);
    }

    @Test
    void the_link_sent_to_the_new_address_moves_the_account_there_ends_its_sessions_and_tells_the_old_address() {
        HomewardUser session = client.principal();

        emails.request("  " + newAddress.toUpperCase() + " ");

        String token = tokenSentTo(newAddress);
        assertThat(stillValid(session)).as("nothing changes before the link is opened").isTrue();
        assertThat(signIn.signIn(clinic.slug(), client.email(), client.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
        assertThat(emails.tokenUsable(clinic.slug(), token)).isTrue();

        assertThat(emails.confirm(clinic.slug(), token)).isEqualTo(newAddress);

        assertThat(stillValid(session)).as("every session of the account ends").isFalse();
        assertThat(signIn.signIn(clinic.slug(), newAddress, client.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
        assertThat(signIn.signIn(clinic.slug(), client.email(), client.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Failed.class);
        MimeMessage notice = Mails.awaitTo(greenMail, client.email(), 1).getFirst();
        assertThat(Mails.subject(notice)).isEqualTo("Your sign-in email for " + clinic.name() + " was changed");
        assertThat(Mails.text(notice)).doesNotContain(newAddress).doesNotContain("http");
        assertThat(emails.tokenUsable(clinic.slug(), token)).as("single use").isFalse();
        assertThatThrownBy(() -> emails.confirm(clinic.slug(), token))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.email.link-invalid"));
    }

    @Test
    void without_confirming_who_it_is_nothing_is_sent() {
        client.signIn();

        assertThatThrownBy(() -> emails.request(newAddress))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("reauth.required"));
        assertThat(Mails.to(greenMail, newAddress)).isEmpty();
    }

    @Test
    void a_malformed_or_unchanged_address_is_refused_on_the_email_field() {
        assertRefused("not an address", "validation.email");
        assertRefused("", "validation.required");
        assertRefused(client.email().toUpperCase(), "account.email.same");
    }

    @Test
    void an_address_another_account_of_the_clinic_has_is_refused_when_the_link_is_opened_and_nothing_changes() {
        TestAccount other = testClinics.account(clinic, Role.CLIENT);

        emails.request(other.email());
        String token = tokenSentTo(other.email());

        assertThatThrownBy(() -> emails.confirm(clinic.slug(), token))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("account.email-taken"));
        assertThat(signIn.signIn(clinic.slug(), client.email(), client.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
        assertThat(stillValid(client.principal())).isTrue();
    }

    @Test
    void the_same_address_at_another_clinic_is_no_obstacle() {
        TestAccount elsewhere = testClinics.account(testClinics.clinic(), Role.CLIENT);

        emails.request(elsewhere.email());

        assertThat(emails.confirm(clinic.slug(), tokenSentTo(elsewhere.email()))).isEqualTo(elsewhere.email());
    }

    @Test
    void the_link_works_at_its_own_clinic_only_and_for_24_hours() {
        emails.request(newAddress);
        String token = tokenSentTo(newAddress);
        ClinicBranding other = testClinics.clinic();

        assertThat(emails.tokenUsable(other.slug(), token)).isFalse();
        assertThatThrownBy(() -> emails.confirm(other.slug(), token)).isInstanceOf(DomainException.class);
        clock.moveBy(Duration.ofHours(24).plusMinutes(1));
        assertThat(emails.tokenUsable(clinic.slug(), token)).isFalse();
        assertThatThrownBy(() -> emails.confirm(clinic.slug(), token)).isInstanceOf(DomainException.class);
    }

    @Test
    void a_newer_link_replaces_the_older_one() {
        emails.request(newAddress);
        String first = tokenSentTo(newAddress);
        String second = TestClinics.randomEmail();
        emails.request(second);

        assertThat(emails.tokenUsable(clinic.slug(), first)).isFalse();
        assertThat(emails.confirm(clinic.slug(), tokenSentTo(second))).isEqualTo(second);
    }

    @Test
    void asking_again_and_again_is_limited() {
        for (int i = 0; i < 3; i++) {
            emails.request(TestClinics.randomEmail());
        }

        assertRefused(TestClinics.randomEmail(), "account.email.too-many");
    }

    @Test
    void the_operator_has_no_clinic_email_to_change() {
        TestUsers.signInAs(TestUsers.operator());

        assertThatThrownBy(() -> emails.request(newAddress)).isInstanceOf(AccessDeniedException.class);
    }

    private void assertRefused(String address, String key) {
        assertThatThrownBy(() -> emails.request(address)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.field()).isEqualTo("email");
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    private String tokenSentTo(String address) {
        List<MimeMessage> mails = Mails.awaitTo(greenMail, address, 1);
        MimeMessage mail = mails.getLast();
        assertThat(Mails.subject(mail)).isEqualTo("Confirm your new email for " + clinic.name());
        return Mails.token(Mails.text(mail), clinic.slug(), "confirm-email");
    }

    private boolean stillValid(HomewardUser user) {
        var signedIn = CurrentUser.get();
        TestUsers.signInAs(user);
        try {
            return directory.sessionStillValid(user);
        } finally {
            signedIn.ifPresentOrElse(TestUsers::signInAs, TestUsers::signOut);
        }
    }
}
