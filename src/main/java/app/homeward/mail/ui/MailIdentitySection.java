package app.homeward.mail.ui;

import app.homeward.base.ui.Forms;
import app.homeward.mail.MailIdentities;
import app.homeward.mail.MailIdentitySettings;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import java.util.Map;

/**
 * "Discreet sender", a section of clinic settings: emails and calendar files show a neutral name
 * instead of the clinic's, for clients whose inbox, lock screen or calendar others may see.
 */
class MailIdentitySection extends Div {

    final Checkbox discreet = new Checkbox();
    final TextField neutralName = new TextField();

    MailIdentitySection(MailIdentities identities) {
        addClassName("form-section");
        setId("mail-identity-settings");
        MailIdentitySettings settings = identities.settings(getLocale());
        discreet.setLabel(getTranslation("settings.mail.discreet"));
        discreet.setHelperText(getTranslation("settings.mail.discreet.help"));
        discreet.setId("discreet-sender");
        discreet.setValue(settings.discreet());
        neutralName.setLabel(getTranslation("settings.mail.neutral-name"));
        neutralName.setHelperText(getTranslation("settings.mail.neutral-name.help", settings.defaultName()));
        neutralName.setPlaceholder(settings.defaultName());
        neutralName.setId("neutral-name");
        neutralName.setMaxLength(60);
        neutralName.setClearButtonVisible(true);
        neutralName.setValue(settings.neutralName());
        neutralName.setEnabled(settings.discreet());
        discreet.addValueChangeListener(e -> neutralName.setEnabled(e.getValue()));

        Forms.FormAlert alert = new Forms.FormAlert();
        Button save = new Button(getTranslation("settings.mail.save"), e -> {
            Map<String, HasValidation> fields = Map.of("neutralName", neutralName);
            Forms.submit(fields, alert, this, () -> {
                identities.update(discreet.getValue(), neutralName.getValue());
                Forms.notifySuccess(getTranslation(discreet.getValue() ? "settings.mail.saved-on" : "settings.mail.saved-off"));
            });
        });
        save.setId("save-mail-identity");
        Forms.sectionSave(save);
        add(new H2(getTranslation("settings.mail")), new Paragraph(getTranslation("settings.mail.intro")), alert,
                discreet, neutralName, save);
    }
}
