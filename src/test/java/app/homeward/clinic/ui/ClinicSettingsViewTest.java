package app.homeward.clinic.ui;

import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.base.DomainException;
import app.homeward.clinic.ClinicSettingsService;
import app.homeward.portal.ui.NotFoundView;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.security.ui.ClinicFinderView;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** /app/settings: the clinic admin's name, colour, time zone, language and logo. */
class ClinicSettingsViewTest extends ViewTest {

    static final String COLOUR_FORMAT = "Enter a colour as # followed by six hex digits, like #2f6f73.";

    @Autowired ClinicDirectory clinics;
    @Autowired ClinicSettingsService settings;

    ClinicBranding clinic;
    TestAccount admin;

    @BeforeEach
    void anAdminIsSignedIn() {
        clinic = testClinics.clinic();
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();
    }

    @Test
    void the_admin_changes_name_colour_time_zone_and_language() {
        ClinicSettingsView view = navigate(ClinicSettingsView.class);
        assertThat(view.name.getValue()).isEqualTo(clinic.name());
        String newName = "Cedar Family Therapy " + TestClinics.random(4);

        test(view.name).setValue("  " + newName + "\u202E ");
        test(view.accent).setValue("#1D4E89");
        test(view.timeZone).selectItem("America/New_York");
        test(view.language).selectItem("Español");
        test(view.save).click();

        assertThat(test(find(Notification.class).single()).getText()).isEqualTo("Settings saved.");
        ClinicBranding saved = clinics.findById(clinic.id()).orElseThrow();
        assertThat(saved.name()).isEqualTo(newName);
        assertThat(saved.accentColor()).isEqualTo("#1d4e89");
        assertThat(saved.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(saved.defaultLanguage()).isEqualTo("es");
        assertThat(view.accent.isInvalid()).isFalse();
        assertThat(view.name.getValue()).as("the form shows what was stored").isEqualTo(newName);
        assertThat(view.accent.getValue()).isEqualTo("#1d4e89");
        assertThat(UI.getCurrent().getElement().getStyle().get("--homeward-accent")).as("the page wears the new colour")
                .isEqualTo("#1d4e89");
        assertThat(find(Span.class).id("navbar-clinic").getText()).as("the admin's own header, at once").isEqualTo(newName);
        assertThat(find(Div.class).withClassName("drawer-brand").single().getElement().getTextRecursively())
                .as("and the drawer").contains(newName);
    }

    @Test
    void saving_one_section_after_another_shows_one_confirmation_at_a_time() {
        ClinicSettingsView view = navigate(ClinicSettingsView.class);
        test(view.save).click();
        test(find(Button.class).id("save-homework-settings")).click();

        assertThat(find(Notification.class).all().stream().filter(Notification::isOpened).toList())
                .as("the second replaces the first").singleElement()
                .satisfies(n -> assertThat(test(n).getText()).isNotEqualTo("Settings saved."));
        assertThat(find(Button.class).id("save-settings").getParent().orElseThrow().getElement().getClassList().contains("form-section"))
                .as("the save button sits in its card").isTrue();
    }

    @Test
    void the_country_for_dates_follows_the_time_zone_until_the_admin_chooses_one() {
        ClinicSettingsView view = navigate(ClinicSettingsView.class);
        assertThat(view.country.getValue()).as("follows the time zone").isEmpty();
        assertThat(view.country.getItemLabelGenerator().apply("")).isEqualTo("From the time zone");
        assertThat(clinic.country()).as("Europe/Madrid suggests Spain").isEqualTo("ES");

        test(view.country).selectItem("United Kingdom");
        test(view.save).click();

        ClinicBranding saved = clinics.findById(clinic.id()).orElseThrow();
        assertThat(saved.countrySetting()).isEqualTo("GB");
        assertThat(saved.country()).isEqualTo("GB");

        test(view.country).selectItem("From the time zone");
        test(view.save).click();
        assertThat(clinics.findById(clinic.id()).orElseThrow().country()).isEqualTo("ES");
    }

    @Test
    void a_colour_name_is_explained_on_the_colour_field_and_nothing_is_saved() {
        assertColourRefused("red");
    }

    @Test
    void a_colour_with_a_non_hex_digit_is_explained_on_the_colour_field_and_nothing_is_saved() {
        assertColourRefused("#12345g");
    }

    @Test
    void a_light_colour_shows_the_contrast_warning() {
        ClinicSettingsView view = navigate(ClinicSettingsView.class);
        Span note = find(Span.class).id("contrast-note");
        assertThat(note.getText()).as("the default colour reads well").contains("easy to read");

        test(view.accent).setValue("#ffff00");

        assertThat(note.getText()).isEqualTo("White text on this colour has a contrast of only 1.1:1; "
                + "at least 4.5:1 is needed for small text. Consider a darker shade.");
        assertThat(note.getClassNames()).contains("contrast-note--warn");
    }

    @Test
    void a_therapist_cannot_open_the_clinic_settings() {
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();

        navigate("app/settings", NotFoundView.class);

        assertThat(find(ClinicSettingsView.class).exists()).isFalse();
    }

    @Test
    void someone_signed_out_is_sent_to_find_their_clinic() {
        TestUsers.signOut();

        navigate("app/settings", ClinicFinderView.class);

        assertThat(find(ClinicSettingsView.class).exists()).isFalse();
    }

    @Test
    void uploading_a_text_file_named_logo_png_shows_a_message_and_keeps_no_logo() {
        ClinicSettingsView view = navigate(ClinicSettingsView.class);

        test(view.logoUpload).upload("logo.png", "image/png",
                "just text, renamed to look like a picture".getBytes(StandardCharsets.UTF_8));

        assertThat(test(find(Notification.class).single()).getText())
                .isEqualTo("Please upload a PNG, JPEG or WebP image.");
        assertThat(clinics.findById(clinic.id()).orElseThrow().hasLogo()).isFalse();
    }

    @Test
    void uploading_a_png_shows_it_as_the_logo() {
        ClinicSettingsView view = navigate(ClinicSettingsView.class);

        test(view.logoUpload).upload("logo.png", "image/png", png(2048));

        assertThat(test(find(Notification.class).single()).getText()).isEqualTo("Logo saved.");
        assertThat(clinics.findById(clinic.id()).orElseThrow().hasLogo()).isTrue();
        assertThat(find(Image.class).withClassName("clinic-logo").exists()).isTrue();
    }

    // --- logo rules, at service level ---------------------------------------------------------

    @Test
    void a_png_logo_is_accepted() {
        ClinicBranding updated = settings.changeLogo(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D));

        assertThat(updated.hasLogo()).isTrue();
        assertThat(clinics.logo(clinic.id()).orElseThrow().contentType()).isEqualTo("image/png");
    }

    @Test
    void a_jpeg_logo_is_accepted() {
        settings.changeLogo(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'));

        assertThat(clinics.logo(clinic.id()).orElseThrow().contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void a_webp_logo_is_accepted() {
        settings.changeLogo(bytes('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '));

        assertThat(clinics.logo(clinic.id()).orElseThrow().contentType()).isEqualTo("image/webp");
    }

    @Test
    void an_svg_logo_is_refused() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);

        assertLogoRefused(svg, "settings.logo-type");
    }

    @Test
    void a_text_file_named_like_a_png_is_refused() {
        byte[] text = "PNG? no, just text pretending to be logo.png".getBytes(StandardCharsets.UTF_8);

        assertLogoRefused(text, "settings.logo-type");
    }

    @Test
    void a_logo_over_512_kb_is_refused_and_one_of_exactly_512_kb_is_accepted() {
        byte[] tooBig = png(512 * 1024 + 1);
        assertLogoRefused(tooBig, "settings.logo-size");

        settings.changeLogo(png(512 * 1024));
        assertThat(clinics.logo(clinic.id()).orElseThrow().bytes()).hasSize(512 * 1024);
    }

    private void assertColourRefused(String colour) {
        ClinicSettingsView view = navigate(ClinicSettingsView.class);
        String before = clinics.findById(clinic.id()).orElseThrow().accentColor();

        test(view.accent).setValue(colour);
        test(view.save).click();

        assertThat(view.accent.isInvalid()).isTrue();
        assertThat(view.accent.getErrorMessage()).isEqualTo(COLOUR_FORMAT);
        assertThat(view.name.isInvalid()).isFalse();
        assertThat(find(Notification.class).exists()).as("no 'saved' notification").isFalse();
        assertThat(clinics.findById(clinic.id()).orElseThrow().accentColor()).isEqualTo(before);
    }

    private void assertLogoRefused(byte[] logo, String messageKey) {
        assertThatThrownBy(() -> settings.changeLogo(logo))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
        assertThat(clinics.findById(clinic.id()).orElseThrow().hasLogo()).isFalse();
    }

    private static byte[] png(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 7);
        byte[] magic = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
