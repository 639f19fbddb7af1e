package app.homeward.security.ui;

import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.security.SignedOutNotice;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;

/**
 * The parts of a sign-in form, the same on a clinic's front door and on the operator's page: email, password,
 * the alert (which says calmly why someone was just signed out, if they were) and the button, which Enter
 * presses. The page adds them to its card and decides what a click does.
 */
public record SignInForm(EmailField email, PasswordField password, Forms.FormAlert alert, Button submit) {

    /** The parts, labelled in {@code page}'s language. */
    public static SignInForm on(Component page) {
        EmailField email = FormFields.email(page.getTranslation("signin.email"), "email");
        PasswordField password = FormFields.currentPassword(page.getTranslation("signin.password"), "password");
        Forms.FormAlert alert = new Forms.FormAlert();
        alert.setId("signin-alert");
        // just signed out (idle or time limit, sessions ended elsewhere, or "Sign out"): say so, calmly
        SignedOutNotice.take().ifPresent(notice -> alert.info(page.getTranslation(notice.messageKey(), notice.arguments())));
        Button submit = new Button(page.getTranslation("signin.submit"));
        submit.setId("sign-in");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        return new SignInForm(email, password, alert, submit);
    }
}
