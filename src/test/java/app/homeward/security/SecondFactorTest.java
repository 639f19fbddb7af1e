package app.homeward.security;

import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TotpCodes;
import app.homeward.ViewTest;
import app.homeward.audit.AuditTrail;
import app.homeward.base.NotFoundException;
import app.homeward.base.DomainException;
import app.homeward.clinic.ui.ClinicPageView;
import app.homeward.platform.ui.OperatorSignInView;
import app.homeward.portal.ui.StaffHomeView;
import app.homeward.security.SecondFactorService.CodeCheck;
import app.homeward.security.ui.ClientAccountView;
import app.homeward.security.ui.ClinicFinderView;
import app.homeward.security.ui.OperatorSecondFactorView;
import app.homeward.security.ui.SecondFactorView;
import app.homeward.security.ui.StaffAccountView;
import app.homeward.staff.ui.StaffView;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import com.vaadin.browserless.internal.MockPage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two-step sign-in through the real pages (browserless): staff and the operator must set up an
 * authenticator before anything else, clients may; codes are checked against the tests' own RFC 6238
 * generator on the moved application clock, accepted once, throttled like passwords; recovery codes
 * work once; resets by an admin and by the operator are audited and end the account's sessions.
 */
class SecondFactorTest extends ViewTest {

    static final String WRONG = "That code isn't right. Check the app and enter the newest code (or a recovery code you haven't used).";

    @Autowired SignInThrottle throttle;
    @Autowired SecondFactorService secondFactors;
    @Autowired AccountService accountService;
    @Autowired AccountDirectory directory;
    @Autowired PasswordResetService resets;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate auditJdbc;
    @Autowired AccountRepository accounts;
    @Autowired PlatformOperatorRepository operators;
    @Autowired TransactionTemplate tx;

    ClinicBranding clinic;
    TestAccount therapist;

    /** What enrolling left the person with. */
    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    @BeforeEach
    void aClinicWithATherapist() {
        // every browserless request comes from one address: a clean throttle, on a still clock, for each test
        SignInThrottles.resetOnFrozenClock(throttle, clock.instant());
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
    }

    @AfterEach
    void forgetTheFailures() {
        SignInThrottles.reset(throttle);
    }

    @Test
    void a_therapists_password_leads_to_setting_up_an_authenticator_and_nothing_else_is_reachable_before() {
        String next = signInWithPassword(therapist);

        assertThat(next).isEqualTo("c/" + clinic.slug() + "/second-factor");
        assertThat(CurrentUser.get()).as("not signed in yet").isEmpty();
        assertThatThrownBy(() -> accountService.me()).as("services refuse the half-signed-in session")
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
        navigate("app", ClinicFinderViewClass.get());
        assertThat(find(StaffHomeView.class).exists()).as("the staff home is not reachable").isFalse();
        navigate("app/account", ClinicFinderViewClass.get());

        Enrolled enrolled = enrolOnThePage();

        assertThat(enrolled.recoveryCodes()).hasSize(10);
        assertThat(CurrentUser.get()).hasValueSatisfying(u -> assertThat(u.accountId()).isEqualTo(therapist.id()));
        test(find(Button.class).id("continue-after-codes")).click();
        assertThat(lastLocation()).isEqualTo("app");
        navigate("app", StaffHomeView.class);
        assertThat(actions(clinic.id())).contains("second-factor.enrolled");
    }

    @Test
    void the_qr_code_holds_the_secret_shown_as_text_under_a_neutral_name_and_nothing_is_stored_before_the_code() {
        signInWithPassword(therapist);
        navigate("c/" + clinic.slug() + "/second-factor", SecondFactorView.class);
        String shown = find(Span.class).id("totp-secret").getText();

        SecondFactorService.Enrolment enrolment = secondFactors.pendingEnrolment();

        assertThat(shown).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(enrolment.secret()).isEqualTo(shown.replace(" ", ""));
        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/Homeward:")
                .contains("secret=" + enrolment.secret(), "issuer=Homeward", "digits=6", "period=30", "algorithm=SHA1")
                .doesNotContain(clinic.name().replace(" ", "%20")).doesNotContain(clinic.slug());
        assertThat(storedFactor(therapist).secret()).as("a secret never confirmed is never stored").isNull();
        assertThat(TotpCodes.base32(enrolment.secret())).hasSize(20);
    }

    @Test
    void an_enrolled_therapist_signs_in_with_a_code_which_is_accepted_only_once() {
        Enrolled enrolled = enrol(therapist);
        clock.moveBy(Duration.ofSeconds(30));

        signInWithPassword(therapist);
        String code = TotpCodes.code(enrolled.secret(), clock.instant());
        enterCode(code);
        assertThat(CurrentUser.get()).as("signed in with the code").isPresent();
        assertThat(lastLocation()).isEqualTo("app");

        signOutOfThisBrowser();
        signInWithPassword(therapist);
        enterCode(code);
        assertThat(alertText()).as("the same code again, within its 30 seconds").isEqualTo(WRONG);
        assertThat(CurrentUser.get()).isEmpty();

        clock.moveBy(Duration.ofSeconds(30));
        enterCode(TotpCodes.code(enrolled.secret(), clock.instant()));
        assertThat(CurrentUser.get()).as("the next code works").isPresent();
    }

    @Test
    void a_phone_one_step_off_is_accepted_but_not_two_steps_off() {
        Enrolled enrolled = enrol(therapist);
        clock.moveBy(Duration.ofMinutes(5));

        signInWithPassword(therapist);
        enterCode(TotpCodes.code(enrolled.secret(), clock.instant().plusSeconds(60)));
        assertThat(alertText()).isEqualTo(WRONG);
        enterCode(TotpCodes.code(enrolled.secret(), clock.instant().minusSeconds(60)));
        assertThat(alertText()).isEqualTo(WRONG);
        enterCode(TotpCodes.code(enrolled.secret(), clock.instant().minusSeconds(30)));

        assertThat(CurrentUser.get()).as("a phone 30 seconds behind").isPresent();
    }

    @Test
    void a_recovery_code_signs_in_once_and_says_how_many_are_left() {
        Enrolled enrolled = enrol(therapist);
        String recovery = enrolled.recoveryCodes().get(0);

        signInWithPassword(therapist);
        enterCode(recovery.toUpperCase());
        assertThat(CurrentUser.get()).isPresent();
        assertThat(find(Paragraph.class).id("recovery-codes-left").getText()).contains("You have 9 recovery codes left");
        test(find(Button.class).id("continue-after-recovery")).click();
        assertThat(lastLocation()).isEqualTo("app");
        assertThat(actions(clinic.id())).contains("second-factor.recovery-code-used");

        signOutOfThisBrowser();
        signInWithPassword(therapist);
        enterCode(recovery);
        assertThat(alertText()).isEqualTo(WRONG);
        assertThat(CurrentUser.get()).isEmpty();
    }

    @Test
    void wrong_codes_are_slowed_down_like_wrong_passwords() {
        Enrolled enrolled = enrol(therapist);
        clock.moveBy(Duration.ofSeconds(30));
        signInWithPassword(therapist);
        for (int i = 0; i < 3; i++) {
            enterCode("000000".equals(TotpCodes.code(enrolled.secret(), clock.instant())) ? "111111" : "000000");
            assertThat(alertText()).isEqualTo(WRONG);
        }

        enterCode(TotpCodes.code(enrolled.secret(), clock.instant()));

        assertThat(alertText()).isEqualTo("Too many attempts. Please wait 1 second, then try again.");
        assertThat(CurrentUser.get()).as("even the right code waits").isEmpty();
    }

    @Test
    void a_password_reset_never_skips_the_code() {
        enrol(therapist);
        String token = TenantContext.callAs(clinic.id(), () -> directory.issueToken(therapist.id(), TokenPurpose.PASSWORD_RESET));
        resets.reset(clinic.slug(), token, "a-brand-new-passphrase-2027");

        String next = signInWithPassword(therapist.email(), "a-brand-new-passphrase-2027");

        assertThat(next).isEqualTo("c/" + clinic.slug() + "/second-factor");
        assertThat(CurrentUser.get()).isEmpty();
        navigate(next, SecondFactorView.class);
        assertThat(find(TextField.class).id("code").getLabel()).isEqualTo("6-digit code");
    }

    @Test
    void a_client_signs_in_without_a_code_until_they_turn_it_on_and_can_turn_it_off_again() {
        TestAccount client = testClinics.account(clinic, Role.CLIENT);
        assertThat(signInWithPassword(client)).isEqualTo("my");
        assertThat(CurrentUser.get()).isPresent();

        navigate("my/account", ClientAccountView.class);
        assertThat(find(Paragraph.class).id("second-factor-status").getText()).startsWith("Off.");
        test(find(Button.class).id("start-enrolment")).click();
        String secret = find(Span.class).id("totp-secret").getText();
        test(find(TextField.class).id("enrol-code")).setValue(TotpCodes.code(secret, clock.instant()));
        test(find(Button.class).id("confirm-enrolment")).click();
        assertThat(recoveryCodes()).hasSize(10);
        assertThat(find(Paragraph.class).id("second-factor-status").getText()).contains("Unused recovery codes: 10");

        signOutOfThisBrowser();
        clock.moveBy(Duration.ofSeconds(30));
        assertThat(signInWithPassword(client)).isEqualTo("c/" + clinic.slug() + "/second-factor");
        enterCode(TotpCodes.code(secret, clock.instant()));
        assertThat(lastLocation()).isEqualTo("my");

        clock.moveBy(Duration.ofSeconds(30));
        navigate("my/account", ClientAccountView.class);
        test(find(TextField.class).id("manage-code")).setValue(TotpCodes.code(secret, clock.instant()));
        test(find(Button.class).id("turn-off-second-factor")).click();
        assertThat(find(Paragraph.class).id("second-factor-status").getText()).startsWith("Off.");
        signOutOfThisBrowser();
        assertThat(signInWithPassword(client)).isEqualTo("my");
    }

    @Test
    void staff_cannot_turn_their_second_factor_off() {
        enrol(therapist);
        therapist.signIn();

        assertThatThrownBy(() -> secondFactors.turnOffMine("123456", TestClinics.randomIp()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void new_recovery_codes_replace_the_old_ones_after_a_current_code() {
        Enrolled enrolled = enrol(therapist);
        clock.moveBy(Duration.ofSeconds(30));
        signInWithPassword(therapist);
        enterCode(TotpCodes.code(enrolled.secret(), clock.instant()));
        navigate("app/account", StaffAccountView.class);

        test(find(TextField.class).id("manage-code")).setValue(TotpCodes.code(enrolled.secret(), clock.instant()));
        test(find(Button.class).id("renew-recovery-codes")).click();
        assertThat(alertTexts()).as("the code that signed in cannot be used again").contains(WRONG);
        clock.moveBy(Duration.ofSeconds(30));
        test(find(TextField.class).id("manage-code")).setValue(TotpCodes.code(enrolled.secret(), clock.instant()));
        test(find(Button.class).id("renew-recovery-codes")).click();
        List<String> fresh = recoveryCodes();

        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());
        signOutOfThisBrowser();
        signInWithPassword(therapist);
        enterCode(enrolled.recoveryCodes().get(1));
        assertThat(alertText()).as("an old recovery code").isEqualTo(WRONG);
        enterCode(fresh.get(1));
        assertThat(CurrentUser.get()).isPresent();
    }

    @Test
    void an_admin_resets_a_therapists_second_factor_on_the_team_page_which_is_audited_and_ends_their_sessions() {
        enrol(therapist);
        HomewardUser therapistSession = CurrentUser.require();
        signOutOfThisBrowser();
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();
        navigate(StaffView.class);
        @SuppressWarnings("unchecked")
        var grid = (Grid<AccountSummary>) find(Grid.class).id("staff-grid");
        var rows = test(grid);
        int row = IntStream.range(0, rows.size()).filter(i -> rows.getRow(i).id().equals(therapist.id()))
                .findFirst().orElseThrow();
        test(find(Button.class, rows.getCellComponent(row, 4)).withText("Reset two-step sign-in").single()).click();
        test(find(ConfirmDialog.class).single()).confirm();

        assertThat(notificationTexts()).contains(therapist.displayName() + "'s two-step sign-in is reset.");
        assertThat(storedFactor(therapist).isOn()).isFalse();
        assertThat(directory.sessionStillValid(therapistSession)).as("the therapist's sessions end").isFalse();
        assertThat(resets(clinic.id())).contains(admin.id() + " reset " + therapist.id() + " therapist");
        signOutOfThisBrowser();
        assertThat(signInWithPassword(therapist)).as("sets up a new authenticator").isEqualTo("c/" + clinic.slug() + "/second-factor");
        navigate("c/" + clinic.slug() + "/second-factor", SecondFactorView.class);
        assertThat(find(Span.class).id("totp-secret").getText()).isNotBlank();
    }

    @Test
    void an_admin_cannot_reset_their_own_second_factor() {
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        enrol(admin);

        assertThatThrownBy(() -> secondFactors.reset(admin.id())).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "second-factor.reset-self");
    }

    @Test
    void an_admin_of_clinic_b_cannot_reset_a_therapist_of_clinic_a() {
        enrol(therapist);
        signOutOfThisBrowser();
        testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN).signIn();

        assertThatThrownBy(() -> secondFactors.reset(therapist.id())).isInstanceOf(NotFoundException.class);
        assertThat(secondFactors.accountsWithSecondFactor()).doesNotContain(therapist.id());
        assertThat(storedFactor(therapist).isOn()).as("unchanged").isTrue();
    }

    @Test
    void a_therapist_cannot_reset_anyone() {
        TestAccount colleague = testClinics.account(clinic, Role.THERAPIST);
        enrol(colleague);
        signOutOfThisBrowser();
        therapist.signIn();

        assertThatThrownBy(() -> secondFactors.reset(colleague.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_operator_resets_a_clinic_admins_second_factor_but_no_one_elses() {
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        enrol(admin);
        signOutOfThisBrowser();
        enrol(therapist);
        signOutOfThisBrowser();
        HomewardUser operator = TestUsers.signInAs(TestUsers.operator());

        assertThat(secondFactors.clinicAdmins(clinic.id())).singleElement()
                .satisfies(a -> assertThat(a.id()).isEqualTo(admin.id()))
                .satisfies(a -> assertThat(a.secondFactorOn()).isTrue());
        assertThatThrownBy(() -> secondFactors.resetClinicAdmin(clinic.id(), therapist.id()))
                .as("a therapist is the clinic admin's to reset").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> secondFactors.resetClinicAdmin(testClinics.clinic().id(), admin.id()))
                .as("the admin under another clinic's id").isInstanceOf(NotFoundException.class);

        secondFactors.resetClinicAdmin(clinic.id(), admin.id());

        assertThat(storedFactor(admin).isOn()).isFalse();
        assertThat(storedFactor(therapist).isOn()).isTrue();
        assertThat(resets(clinic.id())).contains(operator.accountId() + " reset " + admin.id() + " clinic-admin");
        assertThat(directory.sessionStillValid(admin.principal())).as("the admin's sessions end").isFalse();
    }

    @Test
    void the_operator_sets_up_an_authenticator_at_the_first_sign_in_and_then_signs_in_with_a_code() {
        try {
            navigate("platform/sign-in", OperatorSignInView.class);
            test(find(EmailField.class).id("email")).setValue(TestClinics.OPERATOR_EMAIL);
            test(find(PasswordField.class).id("password")).setValue(TestClinics.OPERATOR_PASSWORD);
            test(find(Button.class).id("sign-in")).click();
            assertThat(lastLocation()).isEqualTo("platform/second-factor");
            assertThat(CurrentUser.get()).isEmpty();

            navigate("platform/second-factor", OperatorSecondFactorView.class);
            String secret = find(Span.class).id("totp-secret").getText();
            test(find(TextField.class).id("enrol-code")).setValue(TotpCodes.code(secret, clock.instant()));
            test(find(Button.class).id("confirm-enrolment")).click();
            assertThat(CurrentUser.get()).hasValueSatisfying(u -> assertThat(u.isOperator()).isTrue());
            assertThat(recoveryCodes()).hasSize(10);

            signOutOfThisBrowser();
            clock.moveBy(Duration.ofSeconds(30));
            navigate("platform/sign-in", OperatorSignInView.class);
            test(find(EmailField.class).id("email")).setValue(TestClinics.OPERATOR_EMAIL);
            test(find(PasswordField.class).id("password")).setValue(TestClinics.OPERATOR_PASSWORD);
            test(find(Button.class).id("sign-in")).click();
            navigate("platform/second-factor", OperatorSecondFactorView.class);
            enterCode(TotpCodes.code(secret, clock.instant()));
            assertThat(lastLocation()).isEqualTo("platform");
            assertThat(CurrentUser.get()).hasValueSatisfying(u -> assertThat(u.isOperator()).isTrue());
        } finally {
            // one operator serves the whole suite: leave it as other tests expect it
            tx.executeWithoutResult(s -> operators.findByEmail(TestClinics.OPERATOR_EMAIL)
                    .ifPresent(o -> o.secondFactor().clear()));
        }
    }

    @Test
    void a_sign_in_waiting_for_its_code_times_out_and_is_not_valid_on_another_clinics_page() {
        enrol(therapist);
        ClinicBranding other = testClinics.clinic();
        signInWithPassword(therapist);

        navigate("c/" + other.slug() + "/second-factor", SecondFactorView.class);
        assertThat(find(Div.class).id("second-step-expired").isVisible()).isTrue();

        clock.moveBy(Duration.ofMinutes(16));
        navigate("c/" + clinic.slug() + "/second-factor", SecondFactorView.class);
        assertThat(find(Div.class).id("second-step-expired").isVisible()).as("15 minutes to enter the code").isTrue();
        assertThat(secondFactors.completeSignIn("123456", TestClinics.randomIp())).isEqualTo(new CodeCheck.Expired());
    }

    // ---------------------------------------------------------------------------------------------

    /** Signs in with the password on the clinic's page; returns where the page sends the browser. */
    private String signInWithPassword(TestAccount account) {
        return signInWithPassword(account.email(), account.password());
    }

    private String signInWithPassword(String email, String password) {
        navigate("c/" + clinic.slug(), ClinicPageView.class);
        test(find(EmailField.class).id("email")).setValue(email);
        test(find(PasswordField.class).id("password")).setValue(password);
        test(find(Button.class).id("sign-in")).click();
        return lastLocation();
    }

    /** Signs in with the password and sets up an authenticator on the page, as a first sign-in does. */
    private Enrolled enrol(TestAccount account) {
        signOutOfThisBrowser();
        assertThat(signInWithPassword(account)).endsWith("/second-factor");
        return enrolOnThePage();
    }

    private Enrolled enrolOnThePage() {
        navigate("c/" + clinic.slug() + "/second-factor", SecondFactorView.class);
        String secret = find(Span.class).id("totp-secret").getText();
        test(find(TextField.class).id("enrol-code")).setValue(TotpCodes.code(secret, clock.instant()));
        test(find(Button.class).id("confirm-enrolment")).click();
        return new Enrolled(secret, recoveryCodes());
    }

    private void enterCode(String code) {
        if (!find(TextField.class).withId("code").exists()) {
            navigate("c/" + clinic.slug() + "/second-factor", SecondFactorView.class);
        }
        test(find(TextField.class).id("code")).setValue(code);
        test(find(Button.class).id("verify-code")).click();
    }

    private List<String> recoveryCodes() {
        return find(UnorderedList.class).id("recovery-codes").getChildren()
                .map(c -> ((ListItem) c).getText()).toList();
    }

    private String alertText() {
        return find(Div.class).id("code-alert").getText();
    }

    private List<String> alertTexts() {
        return find(Div.class).withClassName("form-alert").all().stream().map(Div::getText).toList();
    }

    private String lastLocation() {
        return ((MockPage) UI.getCurrent().getPage()).getLastExternalNavigationURL();
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    private SecondFactor storedFactor(TestAccount account) {
        return TenantContext.callAs(account.clinicId(), () -> tx.execute(s ->
                accounts.findById(account.id()).orElseThrow().secondFactor()));
    }

    /** Where an anonymous browser is sent for a protected page. */
    private static final class ClinicFinderViewClass {
        static Class<ClinicFinderView> get() {
            return ClinicFinderView.class;
        }
    }

    /** The actions on the clinic's audit trail (queued records written first). */
    private List<String> actions(UUID clinicId) {
        audit.flush();
        return auditJdbc.queryForList("select action from audit_record where clinic_id = ?", String.class, clinicId.toString());
    }

    /** The clinic's second-factor resets as "actor reset account role". */
    private List<String> resets(UUID clinicId) {
        audit.flush();
        return auditJdbc.queryForList("select concat(actor_id, ' reset ', object_id, ' ', detail) from audit_record"
                + " where clinic_id = ? and action = 'second-factor.reset'", String.class, clinicId.toString());
    }
}
