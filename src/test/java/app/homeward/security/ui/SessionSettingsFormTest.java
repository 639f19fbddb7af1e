package app.homeward.security.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.clinic.ui.ClinicSettingsView;
import app.homeward.security.Role;
import app.homeward.security.SessionLimits;
import app.homeward.security.SessionService;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Automatic sign-out on the clinic settings page (/app/settings). */
class SessionSettingsFormTest extends ViewTest {

    @Autowired SessionService sessions;

    ClinicBranding clinic;
    TestAccount admin;

    @BeforeEach
    void anAdminOnTheSettingsPage() {
        clinic = testClinics.clinic();
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();
        navigate(ClinicSettingsView.class);
    }

    @Test
    void the_section_shows_the_defaults_and_saves_shorter_limits() {
        SessionSettingsForm form = find(SessionSettingsForm.class).single();
        assertThat(form.idle.getValue()).isEqualTo(30);
        assertThat(form.absolute.getValue()).isEqualTo(12);
        assertThat(form.idle.getLabel()).isEqualTo("Minutes without activity before signing out");
        assertThat(form.idle.getHelperText()).isEqualTo("Between 5 and 30 minutes.");

        test(form.idle).setValue(10);
        test(form.absolute).setValue(8);
        test(form.save).click();

        assertThat(test(find(Notification.class).last()).getText()).isEqualTo(
                "Sign-out settings saved: after 10 minutes without activity, and after 8 hours in any case. "
                        + "Open sessions follow them from now on.");
        assertThat(sessions.clinicLimits()).isEqualTo(new SessionLimits(Duration.ofMinutes(10), Duration.ofHours(8)));
    }

    @Test
    void values_out_of_bounds_get_a_clear_message_on_their_field_and_nothing_is_saved() {
        SessionSettingsForm form = find(SessionSettingsForm.class).single();

        form.idle.setValue(45); // typed: the field's own min/max does not stop the value reaching the server
        test(form.save).click();
        assertThat(form.idle.isInvalid()).isTrue();
        assertThat(form.idle.getErrorMessage()).isEqualTo("Choose between 5 and 30 minutes.");

        test(form.idle).setValue(20);
        form.absolute.clear();
        test(form.save).click();
        assertThat(form.idle.isInvalid()).isFalse();
        assertThat(form.absolute.isInvalid()).isTrue();
        assertThat(form.absolute.getErrorMessage()).isEqualTo("Please fill this in.");

        form.absolute.setValue(24);
        test(form.save).click();
        assertThat(form.absolute.getErrorMessage()).isEqualTo("Choose between 1 and 12 hours.");
        assertThat(sessions.clinicLimits()).isEqualTo(SessionLimits.DEFAULT);
    }
}
