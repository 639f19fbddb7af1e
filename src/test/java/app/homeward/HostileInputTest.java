package app.homeward;

import app.homeward.TestClinics.TestAccount;
import app.homeward.base.Text;
import app.homeward.clinic.SignupService;
import app.homeward.clinic.ui.ClinicPageView;
import app.homeward.clinic.ui.ClinicSettingsView;
import app.homeward.clinic.ui.SignupView;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.security.InvitationService;
import app.homeward.security.InvitationService.InvitationSummary;
import app.homeward.security.RateLimits;
import app.homeward.security.Role;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import app.homeward.security.SignInThrottle;
import app.homeward.security.SignInThrottles;
import app.homeward.staff.ui.StaffView;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Hostile input through every public form and the admin forms: each string is either refused with a
 * message on the field it was typed into, or stored and shown back as the same plain text (control and
 * direction-override characters stripped). Nothing throws out of a view and nothing is half saved.
 */
class HostileInputTest extends ViewTest {

    /** One mail server for all 121 cases (each looks only at mail to its own random address). */
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final String GOOD_PASSWORD = "calm harbour evening tide";

    @Autowired ClinicDirectory clinics;
    @Autowired SignupService signup;
    @Autowired SignInService signIn;
    @Autowired SignInThrottle throttle;
    @Autowired RateLimits limits;
    @Autowired InvitationService invitations;

    static Stream<Named<String>> hostileStrings() {
        return Stream.of(
                Named.of("script tag", "<script>alert(1)</script>"),
                Named.of("attribute breakout", "\"><img src=x onerror=alert(1)>"),
                Named.of("SQL injection", "' OR '1'='1'; DROP TABLE account; --"),
                Named.of("10,000 characters", "x".repeat(10_000)),
                Named.of("NUL and BEL", "a\u0000b\u0007c"),
                Named.of("emoji", "🙂🏳️‍🌈"),
                Named.of("right-to-left override", "abc\u202Edcba"),
                Named.of("email without domain", "a@"),
                Named.of("email without local part", "@b.c"),
                Named.of("email with a space", "a b@c.d"),
                Named.of("path traversal", "../admin"));
    }

    static Stream<Arguments> signupFields() {
        return crossed("clinicName", "slug", "adminName", "email", "password");
    }

    static Stream<Arguments> signInFields() {
        return crossed("email", "password");
    }

    static Stream<Arguments> invitationFields() {
        return crossed("name", "email");
    }

    static Stream<Arguments> settingsFields() {
        return crossed("name", "colour");
    }

    private static Stream<Arguments> crossed(String... fields) {
        return Stream.of(fields).flatMap(field -> hostileStrings().map(hostile -> Arguments.of(field, hostile)));
    }

    @BeforeEach
    void freshAllowances() {
        limits.reset();
        SignInThrottles.reset(throttle);
    }

    @AfterEach
    void forgetFailures() {
        SignInThrottles.reset(throttle);
    }

    // --- signup ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "signup {0} ← {1}")
    @MethodSource("signupFields")
    void signup_refuses_hostile_input_or_stores_it_as_plain_text(String field, String hostile) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("clinicName", "Hostile Input Clinic " + TestClinics.random(6));
        input.put("slug", TestClinics.randomSlug());
        input.put("adminName", "Ada Admin");
        input.put("email", TestClinics.randomEmail());
        input.put("password", GOOD_PASSWORD);
        input.put(field, hostile);

        navigate(SignupView.class);
        Map<String, TextFieldBase<?, String>> fields = Map.of(
                "clinicName", find(TextField.class).id("clinic-name"),
                "slug", find(TextField.class).id("slug"),
                "adminName", find(TextField.class).id("admin-name"),
                "email", find(EmailField.class).id("email"),
                "password", find(PasswordField.class).id("password"));
        assertThatCode(() -> {
            for (var entry : input.entrySet()) {
                setValue(fields.get(entry.getKey()), entry.getValue());
            }
            test(find(Checkbox.class).id("agreed")).click();
            test(find(Button.class).id("create-clinic")).click();
        }).as("nothing escapes the view").doesNotThrowAnyException();

        boolean created = find(Paragraph.class).withId("signup-sent").exists();
        if (!created) {
            assertRefusedOn((HasValidation) fields.get(field), fields.values());
            assertThat(clinics.findBySlug(input.get("slug"))).as("no clinic row").isEmpty();
            assertThat(clinics.all()).noneMatch(c -> c.name().equals(Text.clean(input.get("clinicName"))));
            return;
        }
        // stored: the clinic, its admin and password are exactly what was typed (cleaned of control characters)
        String slug = input.get("slug");
        String email = input.get("email");
        ClinicBranding clinic = clinics.findBySlug(slug).orElseThrow(() -> new AssertionError("half saved: no clinic"));
        assertPlainTextStored(clinic.name(), input.get("clinicName"));
        assertThat(find(Paragraph.class).id("signup-sent").getText()).contains(email);
        var mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).as("verification mail").hasSize(1);
        HomewardUser admin = signup.verify(slug, Mails.token(Mails.text(mails.getFirst()), slug, "verify"))
                .orElseThrow(() -> new AssertionError("half saved: the link does not activate an admin"));
        assertPlainTextStored(admin.displayName(), input.get("adminName"));
        assertThat(signIn.signIn(slug, email, input.get("password"), TestClinics.randomIp()))
                .as("the password works exactly as typed").isInstanceOf(SignInOutcome.Success.class);
    }

    // --- sign-in --------------------------------------------------------------------------------

    @ParameterizedTest(name = "sign-in {0} ← {1}")
    @MethodSource("signInFields")
    void sign_in_with_hostile_input_fails_with_the_plain_message(String field, String hostile) {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        navigate("c/" + clinic.slug(), ClinicPageView.class);

        assertThatCode(() -> {
            test(find(EmailField.class).id("email")).setValue(field.equals("email") ? hostile : therapist.email());
            test(find(PasswordField.class).id("password")).setValue(field.equals("password") ? hostile : therapist.password());
            test(find(Button.class).id("sign-in")).click();
        }).as("nothing escapes the view").doesNotThrowAnyException();

        Div alert = find(Div.class).id("signin-alert");
        assertThat(alert.isVisible()).isTrue();
        assertThat(alert.getText()).isEqualTo("That email and password don't match an account here. Please try again.");
        assertThat(CurrentUser.get()).isEmpty();
    }

    // --- invitations ----------------------------------------------------------------------------

    @ParameterizedTest(name = "invitation {0} ← {1}")
    @MethodSource("invitationFields")
    void invitation_refuses_hostile_input_or_stores_it_as_plain_text(String field, String hostile) {
        ClinicBranding clinic = testClinics.clinic();
        testClinics.account(clinic, Role.CLINIC_ADMIN).signIn();
        String name = field.equals("name") ? hostile : "Cleo Colleague";
        String email = field.equals("email") ? hostile : TestClinics.randomEmail();
        navigate(StaffView.class);
        TextField nameField = find(TextField.class).id("invite-name");
        EmailField emailField = find(EmailField.class).id("invite-email");

        assertThatCode(() -> {
            setValue(nameField, name);
            setValue(emailField, email);
            test(find(Button.class).id("send-invitation")).click();
        }).as("nothing escapes the view").doesNotThrowAnyException();

        List<InvitationSummary> open = invitations.openStaffInvitations();
        if (open.isEmpty()) {
            assertRefusedOn(field.equals("name") ? nameField : emailField, List.of(nameField, emailField));
            return;
        }
        assertThat(open).hasSize(1);
        assertPlainTextStored(open.getFirst().displayName(), name);
        assertThat(open.getFirst().email()).isEqualTo(email);
        @SuppressWarnings("unchecked")
        Grid<InvitationSummary> grid = find(Grid.class).id("invitations-grid");
        GridTester<Grid<InvitationSummary>, InvitationSummary> rows = test(grid);
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.getCellText(0, 0)).as("shown as the same plain text").isEqualTo(open.getFirst().displayName());
    }

    // --- clinic settings ------------------------------------------------------------------------

    @ParameterizedTest(name = "settings {0} ← {1}")
    @MethodSource("settingsFields")
    void clinic_settings_refuse_hostile_input_or_store_it_as_plain_text(String field, String hostile) {
        ClinicBranding clinic = testClinics.clinic();
        testClinics.account(clinic, Role.CLINIC_ADMIN).signIn();
        navigate(ClinicSettingsView.class);
        TextField nameField = find(TextField.class).id("clinic-name");
        TextField accentField = find(TextField.class).id("accent-colour");
        TextField typedInto = field.equals("name") ? nameField : accentField;

        assertThatCode(() -> {
            setValue(typedInto, hostile);
            test(find(Button.class).id("save-settings")).click();
        }).as("nothing escapes the view").doesNotThrowAnyException();

        ClinicBranding after = clinics.findById(clinic.id()).orElseThrow();
        String pageAccent = UI.getCurrent().getElement().getStyle().get("--homeward-accent");
        assertThat(pageAccent).as("no hostile value reaches the page's CSS").isNotEqualTo(hostile);
        if (!find(Notification.class).withCondition(n -> test(n).getText().equals("Settings saved.")).exists()) {
            assertRefusedOn(typedInto, List.of(nameField, accentField));
            assertThat(after.name()).isEqualTo(clinic.name());
            assertThat(after.accentColor()).isEqualTo(clinic.accentColor());
            return;
        }
        assertThat(field).as("only a name can be stored: a colour is #rrggbb").isEqualTo("name");
        assertPlainTextStored(after.name(), hostile);
        assertThat(after.accentColor()).isEqualTo(clinic.accentColor());
        assertThat(nameField.getValue()).as("the form shows what was stored").isEqualTo(after.name());
        navigate(StaffView.class);
        navigate(ClinicSettingsView.class);
        assertThat(find(TextField.class).id("clinic-name").getValue()).as("comes back identical").isEqualTo(after.name());
    }

    // --- helpers --------------------------------------------------------------------------------

    private void setValue(TextFieldBase<?, String> field, String value) {
        switch (field) {
            case EmailField email -> test(email).setValue(value);
            case PasswordField password -> test(password).setValue(value);
            case TextField text -> test(text).setValue(value);
            default -> throw new IllegalArgumentException(field.getClass().getName());
        }
    }

    /** The field typed into is invalid with a message; the other fields are not flagged. */
    private static void assertRefusedOn(HasValidation field, Collection<? extends TextFieldBase<?, String>> all) {
        assertThat(field.isInvalid()).as("the field typed into is flagged").isTrue();
        assertThat(field.getErrorMessage()).as("with a message").isNotBlank().doesNotStartWith("!");
        all.stream().filter(f -> f != field).forEach(other ->
                assertThat(other.isInvalid()).as(other.getId().orElse("field") + " is not flagged").isFalse());
    }

    /** What is stored is what was typed, less control and direction characters: plain text, never markup. */
    private static void assertPlainTextStored(String stored, String typed) {
        assertThat(stored).isEqualTo(Text.clean(typed));
        assertThat(stored).doesNotContain("\u0000", "\u0007", "\u202E");
        assertThat(IntStream.range(0, stored.length()).map(stored::charAt)).noneMatch(Character::isISOControl);
    }
}
