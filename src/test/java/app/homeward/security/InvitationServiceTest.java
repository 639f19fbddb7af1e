package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A clinic admin invites staff by email: a single-use link, valid 7 days, revocable, renewable. */
class InvitationServiceTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired InvitationService invitationService;
    @Autowired SignInService signIn;
    @Autowired AccountRepository accounts;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcTemplate jdbc;

    ClinicBranding clinic;
    TestAccount admin;
    String email;
    String password;

    @BeforeEach
    void anAdminSignedInAtTheirClinic() {
        clinic = testClinics.clinic();
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();
        email = TestClinics.randomEmail();
        password = "a-long-passphrase-" + TestClinics.random(8);
    }

    @Test
    void inviting_a_therapist_emails_a_link_to_the_clinic_invitation_page() {
        var summary = invitationService.inviteStaff(email, "Teresa Therapist", Role.THERAPIST);

        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).hasSize(1);
        String token = Mails.token(Mails.text(mails.getFirst()), clinic.slug(), "invite");
        assertThat(Mails.html(mails.getFirst())).contains("http://localhost:8080/c/" + clinic.slug() + "/invite/" + token);
        assertThat(summary.email()).isEqualTo(email);
        assertThat(summary.role()).isEqualTo(Role.THERAPIST);
        assertThat(summary.expired()).isFalse();
        assertThat(summary.expiresAt()).isCloseTo(clock.instant().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
    }

    @Test
    void preview_shows_who_is_invited_with_which_role() {
        invitationService.inviteStaff(email, "Teresa Therapist", Role.THERAPIST);
        String token = readToken(1);
        TestUsers.signOut();

        Optional<InvitationService.InvitationPreview> preview = invitationService.preview(clinic.slug(), token);

        assertThat(preview).hasValueSatisfying(p -> {
            assertThat(p.email()).isEqualTo(email);
            assertThat(p.role()).isEqualTo(Role.THERAPIST);
            assertThat(p.displayName()).isEqualTo("Teresa Therapist");
            assertThat(p.clinicName()).isEqualTo(clinic.name());
        });
    }

    @Test
    void accepting_creates_an_active_therapist_signed_in() {
        invitationService.inviteStaff(email, "Teresa Therapist", Role.THERAPIST);
        String token = readToken(1);
        TestUsers.signOut();

        HomewardUser user = invitationService.accept(clinic.slug(), token, "Teresa T.", password);

        assertThat(user.role()).isEqualTo(Role.THERAPIST);
        assertThat(user.clinicId()).isEqualTo(clinic.id());
        assertThat(user.clinicSlug()).isEqualTo(clinic.slug());
        assertThat(user.email()).isEqualTo(email);
        Account account = inClinic(() -> accounts.findByEmail(email)).orElseThrow();
        assertThat(account.getId()).isEqualTo(user.accountId());
        assertThat(account.getStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.getRole()).isEqualTo(Role.THERAPIST);
        assertThat(account.getDisplayName()).isEqualTo("Teresa T.");
        assertThat(signIn.signIn(clinic.slug(), email, password, TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void invitation_link_works_only_once() {
        invitationService.inviteStaff(email, "Teresa Therapist", Role.THERAPIST);
        String token = readToken(1);
        TestUsers.signOut();
        invitationService.accept(clinic.slug(), token, "Teresa", password);

        assertThat(invitationService.preview(clinic.slug(), token)).isEmpty();
        assertThatThrownBy(() -> invitationService.accept(clinic.slug(), token, "Mallory", "another-long-passphrase"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("invitation.invalid"));
        assertThat(inClinic(() -> accounts.findByEmail(email))).get()
                .extracting(Account::getDisplayName).isEqualTo("Teresa");
    }

    @Test
    void accepting_with_a_weak_password_is_refused_and_keeps_the_link() {
        invitationService.inviteStaff(email, "Teresa Therapist", Role.THERAPIST);
        String token = readToken(1);
        TestUsers.signOut();

        assertThatThrownBy(() -> invitationService.accept(clinic.slug(), token, "Teresa", "too-short"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(inClinic(() -> accounts.findByEmail(email))).isEmpty();
        assertThat(invitationService.preview(clinic.slug(), token)).isPresent();
    }

    @Test
    void expired_invitation_is_refused() {
        var summary = invitationService.inviteStaff(email, "Teresa Therapist", Role.THERAPIST);
        String token = readToken(1);
        TestUsers.signOut();
        expire(summary.id());

        assertThat(invitationService.preview(clinic.slug(), token)).isEmpty();
        assertThatThrownBy(() -> invitationService.accept(clinic.slug(), token, "Teresa", password))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("invitation.invalid"));
        assertThat(inClinic(() -> accounts.findByEmail(email))).isEmpty();
    }

    @Test
    void revoked_invitation_link_stops_working() {
        var summary = invitationService.inviteStaff(email, "Teresa Therapist", Role.THERAPIST);
        String token = readToken(1);

        invitationService.revoke(summary.id());
        TestUsers.signOut();

        assertThat(invitationService.preview(clinic.slug(), token)).isEmpty();
        assertThatThrownBy(() -> invitationService.accept(clinic.slug(), token, "Teresa", password))
                .isInstanceOf(DomainException.class);
        admin.signIn();
        assertThat(invitationService.openStaffInvitations()).extracting(InvitationService.InvitationSummary::id)
                .doesNotContain(summary.id());
    }

    @Test
    void invitation_link_does_not_work_on_another_clinics_page() {
        invitationService.inviteStaff(email, "Teresa Therapist", Role.THERAPIST);
        String token = readToken(1);
        ClinicBranding other = testClinics.clinic();
        TestUsers.signOut();

        assertThat(invitationService.preview(other.slug(), token)).isEmpty();
        assertThatThrownBy(() -> invitationService.accept(other.slug(), token, "Teresa", password))
                .isInstanceOf(DomainException.class);
        assertThat(invitationService.preview(clinic.slug(), token)).isPresent();
    }

    @Test
    void inviting_an_existing_member_is_refused_on_the_email_field() {
        TestAccount member = testClinics.account(clinic, Role.THERAPIST);

        assertThatThrownBy(() -> invitationService.inviteStaff(member.email().toUpperCase(Locale.ROOT),
                "Again", Role.THERAPIST))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.messageKey()).isEqualTo("invitation.already-member");
                });
    }

    @Test
    void member_of_another_clinic_can_be_invited() {
        TestAccount elsewhere = testClinics.account(testClinics.clinic(), Role.THERAPIST);

        var summary = invitationService.inviteStaff(elsewhere.email(), "Shared Therapist", Role.THERAPIST);

        assertThat(summary.email()).isEqualTo(elsewhere.email());
    }

    @Test
    void inviting_an_open_invitations_email_again_renews_it_and_the_old_link_stops_working() {
        var first = invitationService.inviteStaff(email, "Teresa Therapist", Role.THERAPIST);
        String oldToken = readToken(1);

        var second = invitationService.inviteStaff(email, "Teresa Therapist", Role.THERAPIST);
        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, 2);
        assertThat(mails).hasSize(2);
        String newToken = mails.stream().map(m -> Mails.token(Mails.text(m), clinic.slug(), "invite"))
                .filter(t -> !t.equals(oldToken)).findFirst().orElseThrow();
        TestUsers.signOut();

        assertThat(second.id()).as("the same invitation, renewed").isEqualTo(first.id());
        assertThat(invitationService.preview(clinic.slug(), oldToken)).isEmpty();
        assertThat(invitationService.preview(clinic.slug(), newToken)).isPresent();
        admin.signIn();
        assertThat(invitationService.openStaffInvitations()).filteredOn(i -> i.email().equals(email)).hasSize(1);
    }

    @Test
    void resending_issues_a_new_link_and_the_old_one_stops_working() {
        var summary = invitationService.inviteStaff(email, "Teresa Therapist", Role.THERAPIST);
        String oldToken = readToken(1);

        invitationService.resend(summary.id());
        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, 2);
        assertThat(mails).hasSize(2);
        String newToken = mails.stream().map(m -> Mails.token(Mails.text(m), clinic.slug(), "invite"))
                .filter(t -> !t.equals(oldToken)).findFirst().orElseThrow();

        assertThat(invitationService.preview(clinic.slug(), oldToken)).isEmpty();
        assertThat(invitationService.preview(clinic.slug(), newToken)).isPresent();
    }

    @Test
    void clients_cannot_be_invited_as_staff() {
        assertThatThrownBy(() -> invitationService.inviteStaff(email, "Client", Role.CLIENT))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("role"));
        assertThatThrownBy(() -> invitationService.inviteStaff(email, "Operator", Role.PLATFORM_OPERATOR))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("role"));
    }

    private String readToken(int expectedMails) {
        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, expectedMails);
        assertThat(mails).hasSize(expectedMails);
        return Mails.token(Mails.text(mails.getLast()), clinic.slug(), "invite");
    }

    private <T> T inClinic(Supplier<T> work) {
        return TenantContext.callAs(clinic.id(), () -> tx.execute(s -> work.get()));
    }

    /** Moves the invitation's expiry into the past: by id and clinic, as tenant rules ask even in tests. */
    private void expire(UUID invitationId) {
        int updated = jdbc.update("update invitation set expires_at = ? where id = ? and clinic_id = ?",
                Timestamp.valueOf(LocalDateTime.of(2020, 1, 1, 0, 0)), invitationId.toString(), clinic.id().toString());
        assertThat(updated).isEqualTo(1);
    }
}
