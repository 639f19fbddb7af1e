package app.homeward.reminder.ui;

import app.homeward.base.ui.Forms;
import app.homeward.reminder.AlertEscalation;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

import java.util.Map;

/**
 * Safety alerts always reach a person: the therapist at once (the admins if the therapist's account is not
 * active), and the admins again if nobody acknowledged the alert after the time chosen here.
 */
class AlertEscalationForm extends Div {

    final Select<Integer> after = new Select<>();
    final Button save = new Button();

    AlertEscalationForm(AlertEscalation escalation) {
        addClassName("form-section");
        setId("alert-settings");
        after.setLabel(getTranslation("alerts.escalation.after"));
        after.setId("alert-escalation-hours");
        after.setItems(AlertEscalation.CHOICES_HOURS);
        after.setItemLabelGenerator(hours -> hours == 0 ? getTranslation("alerts.escalation.never")
                : getTranslation("alerts.escalation.hours", hours));
        after.setHelperText(getTranslation("alerts.escalation.help"));
        after.setValue(escalation.hours());

        Forms.FormAlert alert = new Forms.FormAlert();
        Map<String, HasValidation> fields = Map.of("escalationHours", after);
        save.setText(getTranslation("alerts.escalation.save"));
        save.setId("save-alert-settings");
        Forms.sectionSave(save);
        save.addClickListener(e -> {
            Forms.submit(fields, alert, this, () -> {
                escalation.change(after.getValue());
                Forms.notifySuccess(after.getValue() == 0 ? getTranslation("alerts.escalation.saved.never")
                        : getTranslation("alerts.escalation.saved", after.getValue()));
            });
        });
        add(new H2(getTranslation("alerts.escalation.title")), new Paragraph(getTranslation("alerts.escalation.intro")),
                alert, after, save);
    }
}
