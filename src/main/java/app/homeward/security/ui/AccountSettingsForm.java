package app.homeward.security.ui;

import app.homeward.base.DomainException;
import app.homeward.base.ui.Forms;
import app.homeward.security.AccountService;
import app.homeward.security.AccountSummary;
import app.homeward.security.PasswordPolicy;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;

import java.util.Map;

/** Language and password of the signed-in person; shared by the staff and the client portal. */
public class AccountSettingsForm extends Div {

    private static final String CLINIC_DEFAULT = "default";

    public AccountSettingsForm(AccountService accounts) {
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

        PasswordField current = new PasswordField(getTranslation("account.password.current"));
        current.setId("current-password");
        current.getElement().setAttribute("autocomplete", "current-password");
        PasswordField next = new PasswordField(getTranslation("account.password.new"));
        next.setId("new-password");
        next.setHelperText(getTranslation("password.help", PasswordPolicy.MIN_LENGTH));
        next.setMaxLength(PasswordPolicy.MAX_LENGTH);
        next.getElement().setAttribute("autocomplete", "new-password");
        Forms.FormAlert alert = new Forms.FormAlert();
        Map<String, HasValidation> fields = Map.of("currentPassword", current, "password", next);
        Button change = new Button(getTranslation("account.password.save"), e -> {
            Forms.clear(fields, alert);
            try {
                accounts.changeMyPassword(current.getValue(), next.getValue());
                current.clear();
                next.clear();
                Forms.notifySuccess(getTranslation("account.password.saved"));
            } catch (DomainException problem) {
                Forms.show(problem, fields, alert, this);
            }
        });
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.PRIMARY);

        Div languageSection = new Div(new H2(getTranslation("account.language.title")), language, saveLanguage);
        languageSection.addClassName("form-section");
        Div passwordSection = new Div(new H2(getTranslation("account.password.title")),
                new Paragraph(getTranslation("account.password.intro")), alert, current, next, change);
        passwordSection.addClassName("form-section");
        add(new H1(getTranslation("account.title")), new Paragraph(me.displayName() + " · " + me.email()),
                languageSection, passwordSection);
    }
}
