package app.homeward.security.ui;

import app.homeward.base.RequestOrigin;
import app.homeward.base.DomainException;
import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.security.Reauthentication;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "Confirm it's you": the current password, and a field for each further factor that applies to the
 * person (the second factor's code where enrolled, see {@code ReauthenticationCheck}). Used before
 * changing the email, the password or the second factor.
 */
public class ReauthenticationDialog extends Dialog {

    final PasswordField password;
    final Map<String, TextField> factors = new LinkedHashMap<>();
    final Button confirm = new Button();
    final Button cancel = new Button();

    /**
     * Runs {@code change} (a call to a service that requires a recent re-authentication). When the service
     * answers {@code reauth.required}, asks the person to confirm who they are and runs it again once they
     * have; any other problem goes to {@code onProblem}, as the form shows it.
     */
    public static void attempt(Reauthentication reauthentication, Runnable change, Consumer<DomainException> onProblem) {
        try {
            change.run();
        } catch (DomainException problem) {
            if ("reauth.required".equals(problem.messageKey())) {
                new ReauthenticationDialog(reauthentication, () -> attempt(reauthentication, change, onProblem)).open();
            } else {
                onProblem.accept(problem);
            }
        }
    }

    ReauthenticationDialog(Reauthentication reauthentication, Runnable afterwards) {
        setId("reauth-dialog");
        setHeaderTitle(getTranslation("reauth.title"));
        setCloseOnOutsideClick(false);
        password = FormFields.currentPassword(getTranslation("reauth.password"), "reauth-password");
        password.setAutofocus(true);
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("password", password);
        Forms.FormAlert alert = new Forms.FormAlert();
        add(new Paragraph(getTranslation("reauth.intro")), alert, password);
        for (Reauthentication.Factor factor : reauthentication.extraFactors()) {
            TextField code = new TextField(getTranslation(factor.labelKey()));
            code.setId("reauth-" + factor.field());
            code.setWidthFull();
            code.setMaxLength(64);
            code.getElement().setAttribute("autocomplete", "one-time-code");
            code.getElement().setAttribute("inputmode", "numeric");
            factors.put(factor.field(), code);
            fields.put(factor.field(), code);
            add(code);
        }
        confirm.setText(getTranslation("reauth.confirm"));
        confirm.setId("reauth-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        confirm.addClickListener(e -> {
            Forms.clear(fields, alert);
            Map<String, String> values = new LinkedHashMap<>();
            factors.forEach((field, input) -> values.put(field, input.getValue()));
            try {
                reauthentication.confirm(password.getValue(), values, RequestOrigin.current());
                close();
                afterwards.run();
            } catch (DomainException problem) {
                password.clear();
                factors.values().forEach(TextField::clear);
                Forms.show(problem, fields, alert, this);
            }
        });
        cancel.setText(getTranslation("reauth.cancel"));
        cancel.setId("reauth-cancel");
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, confirm);
    }
}
