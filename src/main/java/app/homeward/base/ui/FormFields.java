package app.homeward.base.ui;

import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;

import java.time.ZoneId;
import java.util.List;

/**
 * The sign-in and password fields every public form uses, built the same way everywhere: full width,
 * the right {@code autocomplete} hint for password managers, and the same length limits as the services;
 * the one list of time zones every zone picker offers; and the bounded whole numbers of settings and plans.
 */
public final class FormFields {

    public static final int MAX_EMAIL = 254;

    private FormFields() {
    }

    /** The time zones people pick from: region/city ids and UTC, sorted (no legacy abbreviations like "EST"). */
    public static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") || z.equals("UTC")).sorted().toList();

    public static EmailField email(String label, String id) {
        EmailField email = new EmailField(label);
        email.setId(id);
        email.setWidthFull();
        email.setMaxLength(MAX_EMAIL);
        email.getElement().setAttribute("autocomplete", "username");
        return email;
    }

    public static PasswordField currentPassword(String label, String id) {
        PasswordField password = new PasswordField(label);
        password.setId(id);
        password.setWidthFull();
        password.getElement().setAttribute("autocomplete", "current-password");
        return password;
    }

    /** A new password, with the policy explained underneath. */
    public static PasswordField newPassword(String label, String id, String helperText, int maxLength) {
        PasswordField password = new PasswordField(label);
        password.setId(id);
        password.setWidthFull();
        password.setHelperText(helperText);
        password.setMaxLength(maxLength);
        password.getElement().setAttribute("autocomplete", "new-password");
        return password;
    }

    /** A whole number from {@code min} to {@code max} with step buttons (a number of days, hours or times). */
    public static IntegerField wholeNumber(IntegerField field, String label, String id, int min, int max) {
        field.setLabel(label);
        field.setId(id);
        field.setMin(min);
        field.setMax(max);
        field.setStepButtonsVisible(true);
        return field;
    }
}
