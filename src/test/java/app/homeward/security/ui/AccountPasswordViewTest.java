package app.homeward.security.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.base.Messages;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The password part of account settings (/my/account for clients): why a password is refused, and the limit on attempts. */
class AccountPasswordViewTest extends ViewTest {

    @Test
    void a_predictable_new_password_is_refused_on_its_field_saying_why_in_spanish() {
        ClinicBranding clinic = testClinics.clinic("Clínica Alborada");
        TestAccount client = testClinics.account(clinic, Role.CLIENT);
        client.signIn();
        UI.getCurrent().setLocale(Messages.SPANISH);
        navigate("my/account", ClientAccountView.class);

        PasswordField next = change("Alborada2026!!");
        assertThat(next.isInvalid()).isTrue();
        assertThat(next.getErrorMessage()).startsWith("No uses el nombre de tu centro en la contraseña");

        next = change("aaaaaaaaaaaaaa");
        assertThat(next.getErrorMessage()).startsWith("Demasiado previsible: caracteres o palabras repetidos");

        next = change("passwordpassword");
        assertThat(next.getErrorMessage()).startsWith("Esta contraseña es una de las más comunes");
    }

    @Test
    void after_ten_attempts_in_an_hour_the_form_asks_to_wait_on_the_new_password() {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount client = testClinics.account(clinic, Role.CLIENT);
        client.signIn();
        navigate("my/account", ClientAccountView.class);
        for (int i = 0; i < 10; i++) {
            assertThat(change("passwordpassword").getErrorMessage()).startsWith("This password is one of the most common");
        }

        PasswordField next = change("lanterns over the quiet bay");

        assertThat(next.isInvalid()).isTrue();
        assertThat(next.getErrorMessage())
                .isEqualTo("Too many attempts to change your password. Please wait a few minutes, then try again.");
    }

    /** Types a new password and submits it (refused before any re-authentication is asked for); returns the field. */
    private PasswordField change(String newPassword) {
        PasswordField next = find(PasswordField.class).id("new-password");
        test(next).setValue(newPassword);
        test(find(Button.class).id("change-password")).click();
        return next;
    }
}
