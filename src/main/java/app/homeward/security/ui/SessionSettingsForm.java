package app.homeward.security.ui;

import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.security.SessionLimits;
import app.homeward.security.SessionService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;

import java.util.Map;

/** The clinic's automatic logoff: minutes without activity, and hours in all, before a session ends. */
class SessionSettingsForm extends Div {

    final IntegerField idle = new IntegerField();
    final IntegerField absolute = new IntegerField();
    final Button save = new Button();

    SessionSettingsForm(SessionService sessions) {
        addClassName("form-section");
        setId("session-settings");
        SessionLimits limits = sessions.clinicLimits();
        FormFields.wholeNumber(idle, getTranslation("sessions.settings.idle"), "session-idle-minutes",
                SessionLimits.MIN_IDLE_MINUTES, SessionLimits.MAX_IDLE_MINUTES);
        idle.setHelperText(getTranslation("sessions.settings.idle.help",
                SessionLimits.MIN_IDLE_MINUTES, SessionLimits.MAX_IDLE_MINUTES));
        idle.setValue(limits.idleMinutes());
        FormFields.wholeNumber(absolute, getTranslation("sessions.settings.absolute"), "session-absolute-hours",
                SessionLimits.MIN_ABSOLUTE_HOURS, SessionLimits.MAX_ABSOLUTE_HOURS);
        absolute.setHelperText(getTranslation("sessions.settings.absolute.help",
                SessionLimits.MIN_ABSOLUTE_HOURS, SessionLimits.MAX_ABSOLUTE_HOURS));
        absolute.setValue(limits.absoluteHours());

        Forms.FormAlert alert = new Forms.FormAlert();
        Map<String, HasValidation> fields = Map.of("idleMinutes", idle, "absoluteHours", absolute);
        save.setText(getTranslation("sessions.settings.save"));
        save.setId("save-session-settings");
        Forms.sectionSave(save);
        save.addClickListener(e -> {
            Forms.submit(fields, alert, this, () -> {
                SessionLimits saved = sessions.updateClinicLimits(idle.getValue(), absolute.getValue());
                Forms.notifySuccess(getTranslation("sessions.settings.saved", saved.idleMinutes(), saved.absoluteHours()));
            });
        });
        add(new H2(getTranslation("sessions.settings")), new Paragraph(getTranslation("sessions.settings.intro")),
                alert, idle, absolute, save);
    }
}
