package app.homeward.clinic.ui;

import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.security.RateLimits;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /signup: a newcomer creates a clinic; every wrong input is explained on its own field and saves nothing. */
class SignupViewTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired ClinicDirectory clinics;
    @Autowired RateLimits limits;

    SignupView view;
    String clinicName;
    String slug;
    String email;

    @BeforeEach
    void openTheSignupPage() {
        // every browserless request comes from the same address: do not let earlier signups use up its allowance
        limits.reset();
        clinicName = "Harbour Counselling " + TestClinics.random(6);
        slug = TestClinics.randomSlug();
        email = TestClinics.randomEmail();
        view = navigate(SignupView.class);
    }

    @Test
    void newcomer_creates_a_clinic_and_is_asked_to_check_their_email() throws Exception {
        fillIn(clinicName, slug, "Ada Newcomer", email, "calm harbour evening tide");

        test(view.create).click();

        Paragraph sent = find(Paragraph.class).id("signup-sent");
        assertThat(sent.getText()).isEqualTo("We've sent a link to " + email + ". Open it to activate your clinic.");
        assertThat(find(Paragraph.class).withText("The link works once and for 24 hours.").exists()).isTrue();
        assertThat(view.clinicName.isAttached()).as("the form is gone").isFalse();

        ClinicBranding clinic = clinics.findBySlug(slug).orElseThrow();
        assertThat(clinic.name()).isEqualTo(clinicName);
        assertThat(clinic.status()).isEqualTo(ClinicStatus.PENDING_VERIFICATION);

        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).hasSize(1);
        assertThat(Mails.subject(mails.getFirst())).isEqualTo("Activate " + clinicName + " on Homeward");
        assertThat(Mails.token(Mails.text(mails.getFirst()), slug, "verify")).isNotBlank();
    }

    @Test
    void the_address_is_suggested_from_the_clinic_name_until_the_newcomer_edits_it() {
        test(view.clinicName).setValue("Sunrise Therapy Café");
        assertThat(view.slug.getValue()).isEqualTo("sunrise-therapy-cafe");

        test(view.slug).setValue("sunrise-madrid");
        test(view.clinicName).setValue("Sunrise Therapy Café Madrid");

        assertThat(view.slug.getValue()).as("a typed address is kept").isEqualTo("sunrise-madrid");
    }

    @Test
    void a_taken_address_is_refused_on_the_address_field() {
        ClinicBranding existing = testClinics.clinic();
        fillIn(clinicName, existing.slug(), "Ada Newcomer", email, "calm harbour evening tide");

        assertThat(view.slug.isInvalid()).as("flagged while typing").isTrue();
        test(view.create).click();

        assertOnlyInvalid(view.slug, "This address is taken. Please choose another.");
        assertThat(clinics.findBySlug(existing.slug()).orElseThrow().name()).isEqualTo(existing.name());
        assertNothingCreated();
    }

    @Test
    void a_reserved_address_is_refused_on_the_address_field() {
        fillIn(clinicName, "admin", "Ada Newcomer", email, "calm harbour evening tide");

        test(view.create).click();

        assertOnlyInvalid(view.slug, "This address is reserved. Please choose another.");
        assertThat(clinics.findBySlug("admin")).isEmpty();
        assertNothingCreated();
    }

    @Test
    void a_path_as_address_is_refused_on_the_address_field() {
        fillIn(clinicName, "../admin", "Ada Newcomer", email, "calm harbour evening tide");

        test(view.create).click();

        assertOnlyInvalid(view.slug, "Use 3–40 lowercase letters, digits or single hyphens, "
                + "starting and ending with a letter or digit.");
        assertThat(clinics.findBySlug("../admin")).isEmpty();
        assertNothingCreated();
    }

    @Test
    void a_short_password_is_refused_on_the_password_field() {
        fillIn(clinicName, slug, "Ada Newcomer", email, "short pass");

        test(view.create).click();

        assertOnlyInvalid(view.password, "Use at least 12 characters.");
        assertNothingCreated();
    }

    @Test
    void a_common_password_is_refused_on_the_password_field() {
        fillIn(clinicName, slug, "Ada Newcomer", email, "1qaz2wsx3edc");

        test(view.create).click();

        assertOnlyInvalid(view.password,
                "This password is one of the most common ones and easy to guess. Please choose another.");
        assertNothingCreated();
    }

    @Test
    void the_terms_must_be_agreed_to() {
        fillIn(clinicName, slug, "Ada Newcomer", email, "calm harbour evening tide");
        test(view.agreed).click(); // untick

        test(view.create).click();

        assertOnlyInvalid(view.agreed, "Please confirm the terms to continue.");
        assertNothingCreated();
    }

    @Test
    void after_a_refusal_the_newcomer_can_fix_the_field_and_create_the_clinic() {
        fillIn(clinicName, slug, "Ada Newcomer", email, "short pass");
        test(view.create).click();
        assertThat(view.password.isInvalid()).isTrue();

        test(view.password).setValue("calm harbour evening tide");
        test(view.create).click();

        assertThat(find(Paragraph.class).withId("signup-sent").exists()).isTrue();
        assertThat(clinics.findBySlug(slug)).isPresent();
    }

    private void fillIn(String name, String address, String adminName, String adminEmail, String password) {
        test(view.clinicName).setValue(name);
        test(view.slug).setValue(address);
        test(view.adminName).setValue(adminName);
        test(view.email).setValue(adminEmail);
        test(view.password).setValue(password);
        test(view.agreed).click();
        assertThat(view.agreed.getValue()).isTrue();
    }

    /** The one field shows the message; every other field is fine, and the form is still there. */
    private void assertOnlyInvalid(HasValidation field, String message) {
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo(message);
        Map<String, HasValidation> all = Map.of("clinicName", view.clinicName, "slug", view.slug,
                "adminName", view.adminName, "email", view.email, "password", view.password,
                "agreed", view.agreed);
        all.forEach((name, other) -> {
            if (other != field) {
                assertThat(other.isInvalid()).as(name + " is not flagged").isFalse();
            }
        });
        assertThat(find(Paragraph.class).withId("signup-sent").exists()).isFalse();
        assertThat(view.create.isEnabled()).as("the button works again").isTrue();
    }

    private void assertNothingCreated() {
        assertThat(clinics.findBySlug(slug)).isEmpty();
        assertThat(clinics.all()).noneMatch(c -> c.name().equals(clinicName));
        assertThat(Mails.to(greenMail, email)).isEmpty();
    }
}
