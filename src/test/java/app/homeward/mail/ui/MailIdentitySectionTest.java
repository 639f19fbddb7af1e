package app.homeward.mail.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.clinic.ui.ClinicSettingsView;
import app.homeward.mail.MailIdentities;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The discreet sender on the clinic settings page: turned on with a name of the clinic's own, and explained. */
class MailIdentitySectionTest extends ViewTest {

    @Autowired MailIdentities identities;

    ClinicBranding clinic;

    @BeforeEach
    void signedInAdmin() {
        clinic = testClinics.clinic("Northside Trauma Centre");
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();
    }

    @Test
    void the_admin_turns_the_discreet_sender_on_with_a_name_of_the_clinics_own() {
        navigate(ClinicSettingsView.class);
        Checkbox discreet = find(Checkbox.class).id("discreet-sender");
        TextField name = find(TextField.class).id("neutral-name");
        assertThat(discreet.getValue()).isFalse();
        assertThat(name.isEnabled()).as("only with the discreet sender on").isFalse();
        assertThat(name.getPlaceholder()).isEqualTo("Appointments");

        test(discreet).click();
        test(name).setValue("Study group");
        test(find(Button.class).id("save-mail-identity")).click();

        assertThat(test(find(Notification.class).single()).getText())
                .isEqualTo("Saved. Emails and calendar files now use the neutral name.");
        assertThat(identities.sender(clinic.id()).discreet()).isTrue();
        assertThat(identities.sender(clinic.id()).neutralName()).isEqualTo("Study group");
        navigate(ClinicSettingsView.class);
        assertThat(find(TextField.class).id("neutral-name").getValue()).as("the form shows what was stored")
                .isEqualTo("Study group");
    }

    @Test
    void a_neutral_name_that_names_the_clinic_is_refused_on_the_field() {
        navigate(ClinicSettingsView.class);
        test(find(Checkbox.class).id("discreet-sender")).click();
        TextField name = find(TextField.class).id("neutral-name");
        test(name).setValue("Northside Trauma Centre notices");

        test(find(Button.class).id("save-mail-identity")).click();

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("The neutral name must not contain your clinic's name.");
        assertThat(identities.sender(clinic.id()).discreet()).isFalse();
    }
}
