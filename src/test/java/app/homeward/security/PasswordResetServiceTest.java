package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.base.LinkTokens;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Forgot password: an emailed single-use link, valid 30 minutes, that ends every session of the account. */
class PasswordResetServiceTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired PasswordResetService resets;
    @Autowired SignInService signIn;
    @Autowired AccountDirectory directory;
    @Autowired AccountTokenRepository tokens;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcTemplate jdbc;

    ClinicBranding clinic;
    TestAccount client;

    @BeforeEach
    void aClinicWithAClient() {
        clinic = testClinics.clinic("Harbour Light " + TestClinics.random(4));
        client = testClinics.account(clinic, Role.CLIENT);
    }

    @Test
    void requesting_a_reset_emails_one_link_to_the_clinic_reset_page() {
        resets.requestReset(clinic.slug(), client.email(), ip());

        List<MimeMessage> mails = Mails.awaitTo(greenMail, client.email(), 1);
        assertThat(mails).hasSize(1);
        String text = Mails.text(mails.getFirst());
        String html = Mails.html(mails.getFirst());
        String token = Mails.token(text, clinic.slug(), "reset");
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(html).contains("http://localhost:8080/c/" + clinic.slug() + "/reset/" + token);
        assertThat(resets.tokenUsable(clinic.slug(), token)).isTrue();
    }

    @Test
    void reset_mail_names_the_clinic_and_holds_no_password() {
        resets.requestReset(clinic.slug(), client.email(), ip());

        MimeMessage mail = Mails.awaitTo(greenMail, client.email(), 1).getFirst();
        String text = Mails.text(mail);
        String html = Mails.html(mail);
        assertThat(text).contains(clinic.name());
        assertThat(html).contains(clinic.name());
        assertThat(text + html + Mails.subject(mail)).doesNotContain(client.password());
    }

    @Test
    void unknown_address_gets_no_mail_and_no_error() {
        String unknown = TestClinics.randomEmail();

        assertThatCode(() -> resets.requestReset(clinic.slug(), unknown, ip())).doesNotThrowAnyException();
        // a known address asked for afterwards: once its mail is in, the unknown one's would be too
        resets.requestReset(clinic.slug(), client.email(), ip());
        assertThat(Mails.awaitTo(greenMail, client.email(), 1)).hasSize(1);
        greenMail.waitForIncomingEmail(500, greenMail.getReceivedMessages().length + 1);

        assertThat(Mails.to(greenMail, unknown)).isEmpty();
    }

    @Test
    void address_of_another_clinic_gets_no_mail() {
        ClinicBranding other = testClinics.clinic();
        TestAccount elsewhere = testClinics.account(other, Role.CLIENT);

        resets.requestReset(clinic.slug(), elsewhere.email(), ip());
        resets.requestReset(clinic.slug(), client.email(), ip());
        assertThat(Mails.awaitTo(greenMail, client.email(), 1)).hasSize(1);
        greenMail.waitForIncomingEmail(500, greenMail.getReceivedMessages().length + 1);

        assertThat(Mails.to(greenMail, elsewhere.email())).isEmpty();
    }

    @Test
    void reset_sets_the_new_password_and_the_old_one_stops_working() {
        String token = requestAndReadToken();
        String newPassword = "a-brand-new-passphrase-" + TestClinics.random(6);

        resets.reset(clinic.slug(), token, newPassword);

        assertThat(signIn.signIn(clinic.slug(), client.email(), newPassword, ip())).isInstanceOf(SignInOutcome.Success.class);
        assertThat(signIn.signIn(clinic.slug(), client.email(), client.password(), ip())).isEqualTo(new SignInOutcome.Failed());
    }

    @Test
    void reset_link_works_only_once() {
        String token = requestAndReadToken();
        resets.reset(clinic.slug(), token, "first-new-passphrase-" + TestClinics.random(6));
        String second = "second-new-passphrase-" + TestClinics.random(6);

        assertThat(resets.tokenUsable(clinic.slug(), token)).isFalse();
        assertThatThrownBy(() -> resets.reset(clinic.slug(), token, second))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("reset.invalid"));
        assertThat(signIn.signIn(clinic.slug(), client.email(), second, ip())).isEqualTo(new SignInOutcome.Failed());
    }

    @Test
    void a_newer_link_replaces_the_older_one() {
        String first = requestAndReadToken();
        resets.requestReset(clinic.slug(), client.email(), ip());
        List<MimeMessage> mails = Mails.awaitTo(greenMail, client.email(), 2);
        assertThat(mails).hasSize(2);
        String second = mails.stream().map(Mails::text).map(t -> Mails.token(t, clinic.slug(), "reset"))
                .filter(t -> !t.equals(first)).findFirst().orElseThrow();

        assertThat(resets.tokenUsable(clinic.slug(), first)).isFalse();
        assertThat(resets.tokenUsable(clinic.slug(), second)).isTrue();
    }

    @Test
    void expired_link_is_refused_and_the_password_stays() {
        String token = requestAndReadToken();
        expire(token);

        assertThat(resets.tokenUsable(clinic.slug(), token)).isFalse();
        assertThatThrownBy(() -> resets.reset(clinic.slug(), token, "too-late-passphrase-" + TestClinics.random(6)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("reset.invalid"));
        assertThat(signIn.signIn(clinic.slug(), client.email(), client.password(), ip())).isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void link_of_one_clinic_does_not_work_on_another_clinics_page() {
        String token = requestAndReadToken();
        ClinicBranding other = testClinics.clinic();

        assertThat(resets.tokenUsable(other.slug(), token)).isFalse();
        assertThatThrownBy(() -> resets.reset(other.slug(), token, "cross-clinic-passphrase-" + TestClinics.random(6)))
                .isInstanceOf(DomainException.class);
        assertThat(resets.tokenUsable(clinic.slug(), token)).isTrue();
    }

    @Test
    void new_password_must_follow_the_policy_and_a_refused_one_keeps_the_link() {
        String token = requestAndReadToken();

        assertThatThrownBy(() -> resets.reset(clinic.slug(), token, "short"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(resets.tokenUsable(clinic.slug(), token)).isTrue();
    }

    @Test
    void reset_ends_every_session_of_the_account() {
        SignInOutcome before = signIn.signIn(clinic.slug(), client.email(), client.password(), ip());
        HomewardUser session = ((SignInOutcome.Success) before).user();
        assertThat(stillValid(session)).isTrue();
        String token = requestAndReadToken();

        resets.reset(clinic.slug(), token, "after-reset-passphrase-" + TestClinics.random(6));

        assertThat(stillValid(session)).isFalse();
    }

    private boolean stillValid(HomewardUser session) {
        // what SessionGuardFilter does on each request, with the principal in the SecurityContext
        TestUsers.signInAs(session);
        try {
            return directory.sessionStillValid(session);
        } finally {
            TestUsers.signOut();
        }
    }

    private String requestAndReadToken() {
        int before = Mails.to(greenMail, client.email()).size();
        resets.requestReset(clinic.slug(), client.email(), ip());
        List<MimeMessage> mails = Mails.awaitTo(greenMail, client.email(), before + 1);
        assertThat(mails).hasSize(before + 1);
        return Mails.token(Mails.text(mails.getLast()), clinic.slug(), "reset");
    }

    /** Moves the token's expiry into the past: by id and clinic, as tenant rules ask even in tests. */
    private void expire(String token) {
        UUID id = TenantContext.callAs(clinic.id(),
                () -> tx.execute(s -> tokens.findByTokenHash(LinkTokens.hash(token)).orElseThrow().getId()));
        int updated = jdbc.update("update account_token set expires_at = ? where id = ? and clinic_id = ?",
                Timestamp.valueOf(LocalDateTime.of(2020, 1, 1, 0, 0)), id.toString(), clinic.id().toString());
        assertThat(updated).isEqualTo(1);
    }

    private static String ip() {
        return TestClinics.randomIp();
    }
}
