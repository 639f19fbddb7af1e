package app.homeward.client.ui;

import app.homeward.homework.ui.ClientFormat;
import app.homeward.base.ui.FormFields;
import app.homeward.base.DomainException;
import app.homeward.base.Messages;
import app.homeward.base.ui.Forms;
import app.homeward.client.ClientProfile;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Adding a client (with their email: the invitation goes there) or editing one's details: name,
 * time zone, language, next session, simplified mode. One column, so it reads on a phone too. The
 * caller's action calls the service; a rule it breaks is shown at its field and the dialog stays open.
 */
public final class ClientDetailsDialog extends Dialog {

    /** What saving does; throws the service's DomainException to keep the dialog open. */
    @FunctionalInterface
    interface SaveAction {
        void save(ClientDetailsDialog form);
    }

    // public fields: the homework loop's view test fills them in from its own package
    public final TextField name = new TextField();
    public final EmailField email = new EmailField();
    public final ComboBox<String> timeZone = new ComboBox<>();
    final Select<String> language = new Select<>();
    final DatePicker nextSession = new DatePicker();
    final Checkbox simplified = new Checkbox();
    public final Button save = new Button();
    final Forms.FormAlert alert = new Forms.FormAlert();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /** {@code existing} null: adding a new client with the given defaults. */
    ClientDetailsDialog(ClientProfile existing, ZoneId defaultZone, String defaultLanguage, SaveAction action) {
        boolean adding = existing == null;
        addClassName("client-details-dialog");
        setHeaderTitle(getTranslation(adding ? "caseload.add.title" : "client.edit.title"));
        setWidth("560px");
        setMaxWidth("100%");
        setCloseOnOutsideClick(false);

        name.setLabel(getTranslation("client.field.name"));
        name.setId("client-name");
        name.setMaxLength(120);
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        email.setLabel(getTranslation("client.field.email"));
        email.setId("client-email");
        email.setMaxLength(254);
        email.setRequiredIndicatorVisible(true);
        email.setWidthFull();
        email.getElement().setAttribute("autocomplete", "off");
        email.setHelperText(getTranslation("client.field.email.help"));
        timeZone.setLabel(getTranslation("client.field.time-zone"));
        timeZone.setId("client-time-zone");
        timeZone.setItems(FormFields.TIME_ZONES);
        timeZone.setHelperText(getTranslation("client.field.time-zone.help"));
        timeZone.setWidthFull();
        language.setLabel(getTranslation("client.field.language"));
        language.setId("client-language");
        language.setItems(Messages.SUPPORTED.stream().map(Locale::getLanguage).toList());
        language.setItemLabelGenerator(code -> code == null ? "" : getTranslation("language." + code));
        language.setWidthFull();
        nextSession.setLabel(getTranslation("client.field.next-session"));
        nextSession.setId("client-next-session");
        nextSession.setClearButtonVisible(true);
        nextSession.setHelperText(getTranslation("client.field.next-session.help"));
        ClientFormat.localize(nextSession, this);
        simplified.setLabel(getTranslation("client.field.simplified"));
        simplified.setId("client-simplified");
        simplified.setHelperText(getTranslation("client.field.simplified.help"));

        if (adding) {
            timeZone.setValue(defaultZone.getId());
            language.setValue(defaultLanguage);
        } else {
            name.setValue(existing.displayName());
            timeZone.setValue(existing.timeZone().getId());
            language.setValue(existing.language());
            nextSession.setValue(existing.nextSession());
            simplified.setValue(existing.simplified());
        }

        fields.put("name", name);
        fields.put("email", email);
        fields.put("timeZone", timeZone);
        fields.put("language", language);
        fields.put("nextSession", nextSession);

        Div form = new Div();
        form.addClassName("dialog-form");
        if (adding) {
            form.add(new Paragraph(getTranslation("caseload.add.intro")));
        }
        form.add(alert, name);
        if (adding) {
            form.add(email);
        }
        form.add(timeZone, language, nextSession, simplified);
        add(form);

        save.setText(getTranslation(adding ? "caseload.add.save" : "client.edit.save"));
        save.setId("save-client");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            Forms.submit(fields, alert, this, () -> {
                action.save(this);
                close();
            });
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("cancel-client");
        getFooter().add(cancel, save);
    }

    @Override
    public void open() {
        super.open();
        name.focus();
    }
}
