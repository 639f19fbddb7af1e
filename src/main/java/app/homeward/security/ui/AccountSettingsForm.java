package app.homeward.security.ui;

import app.homeward.base.DomainException;
import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.security.AccountService;
import app.homeward.security.AccountSummary;
import app.homeward.security.EmailChangeService;
import app.homeward.security.PasswordPolicy;
import app.homeward.security.Reauthentication;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;

import java.util.Map;

/**
 * Language, sign-in email, password and sessions of the signed-in person; shared by the staff and the
 * client portal. Changing the email or the password asks for the current password first
 * ({@link ReauthenticationDialog}).
 */
public class AccountSettingsForm extends Div {

    private static final String CLINIC_DEFAULT = "default";

    final EmailField newEmail = FormFields.email("", "new-email");
    final Button changeEmail = new Button();
    final PasswordField newPassword = FormFields.newPassword(getTranslation("account.password.new"), "new-password",
            getTranslation("password.help", PasswordPolicy.MIN_LENGTH), PasswordPolicy.MAX_LENGTH);
    final Button changePassword = new Button();
    final Button signOutElsewhere = new Button();

    public AccountSettingsForm(AccountService accounts, EmailChangeService emails, Reauthentication reauthentication) {
        addClassName("page");
        AccountSummary me = accounts.me();

        Select<String> language = new Select<>();
        language.setId("account-language");
        language.setLabel(getTranslation("account.language"));
        language.setItems(CLINIC_DEFAULT, "en", "es");
        language.setItemLabelGenerator(code -> getTranslation(
                CLINIC_DEFAULT.equals(code) ? "account.language.default" : "language." + code));
        language.setValue(me.language() == null ? CLINIC_DEFAULT : me.language());
        Button saveLanguage = new Button(getTranslation("account.language.save"), e -> {
            accounts.changeMyLanguage(CLINIC_DEFAULT.equals(language.getValue()) ? null : language.getValue());
            // reload so every text on the page switches language
            getUI().ifPresent(ui -> ui.getPage().reload());
        });
        saveLanguage.setId("save-language");
        Forms.sectionSave(saveLanguage);
        Div languageSection = new Div(new H2(getTranslation("account.language.title")), language, saveLanguage);
        languageSection.addClassName("form-section");

        add(new H1(getTranslation("account.title")), new Paragraph(me.displayName() + " · " + me.email()),
                languageSection, emailSection(me, emails, reauthentication), passwordSection(accounts, reauthentication),
                sessionsSection(accounts));
    }

    private Div emailSection(AccountSummary me, EmailChangeService emails, Reauthentication reauthentication) {
        newEmail.setLabel(getTranslation("account.email.new"));
        newEmail.getElement().setAttribute("autocomplete", "email");
        Forms.FormAlert alert = new Forms.FormAlert();
        alert.setId("email-alert");
        Map<String, HasValidation> fields = Map.of("email", newEmail);
        changeEmail.setText(getTranslation("account.email.save"));
        changeEmail.setId("change-email");
        changeEmail.addClickListener(e -> {
            Forms.clear(fields, alert);
            String address = newEmail.getValue();
            ReauthenticationDialog.attempt(reauthentication, () -> {
                emails.request(address);
                newEmail.clear();
                alert.info(getTranslation("account.email.sent", address.strip()));
                Forms.notifySuccess(getTranslation("account.email.sent.short"));
            }, problem -> Forms.show(problem, fields, alert, this));
        });
        Div section = new Div(new H2(getTranslation("account.email.title")),
                new Paragraph(getTranslation("account.email.current", me.email())),
                new Paragraph(getTranslation("account.email.intro")), alert, newEmail, changeEmail);
        section.addClassName("form-section");
        section.setId("email-settings");
        return section;
    }

    private Div passwordSection(AccountService accounts, Reauthentication reauthentication) {
        PasswordField next = newPassword;
        Forms.FormAlert alert = new Forms.FormAlert();
        Map<String, HasValidation> fields = Map.of("password", next);
        changePassword.setText(getTranslation("account.password.save"));
        changePassword.setId("change-password");
        changePassword.addThemeVariants(ButtonVariant.PRIMARY);
        changePassword.addClickListener(e -> {
            Forms.clear(fields, alert);
            String chosen = next.getValue();
            ReauthenticationDialog.attempt(reauthentication, () -> {
                accounts.changeMyPassword(chosen);
                next.clear();
                Forms.notifySuccess(getTranslation("account.password.saved"));
            }, problem -> Forms.show(problem, fields, alert, this));
        });
        Div section = new Div(new H2(getTranslation("account.password.title")),
                new Paragraph(getTranslation("account.password.intro")), alert, next, changePassword);
        section.addClassName("form-section");
        section.setId("password-settings");
        return section;
    }

    private Div sessionsSection(AccountService accounts) {
        signOutElsewhere.setText(getTranslation("account.sessions.sign-out-everywhere"));
        signOutElsewhere.setId("sign-out-everywhere");
        signOutElsewhere.addClickListener(e -> {
            accounts.signOutEverywhereElse();
            Forms.notifySuccess(getTranslation("account.sessions.signed-out-everywhere"));
        });
        Div section = new Div(new H2(getTranslation("account.sessions.title")),
                new Paragraph(getTranslation("account.sessions.intro")), signOutElsewhere);
        section.addClassName("form-section");
        section.setId("account-sessions");
        return section;
    }
}
