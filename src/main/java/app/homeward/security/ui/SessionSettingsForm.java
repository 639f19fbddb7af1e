package app.homeward.security.ui;

import app.homeward.base.DomainException;
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
        idle.setLabel(getTranslation("sessions.settings.idle"));
        idle.setHelperText(getTranslation("sessions.settings.idle.help",
                SessionLimits.MIN_IDLE_MINUTES, SessionLimits.MAX_IDLE_MINUTES));
        idle.setId("session-idle-minutes");
        idle.setMin(SessionLimits.MIN_IDLE_MINUTES);
        idle.setMax(SessionLimits.MAX_IDLE_MINUTES);
        idle.setStepButtonsVisible(true);
        idle.setValue(limits.idleMinutes());
        absolute.setLabel(getTranslation("sessions.settings.absolute"));
        absolute.setHelperText(getTranslation("sessions.settings.absolute.help",
                SessionLimits.MIN_ABSOLUTE_HOURS, SessionLimits.MAX_ABSOLUTE_HOURS));
        absolute.setId("session-absolute-hours");
        absolute.setMin(SessionLimits.MIN_ABSOLUTE_HOURS);
        absolute.setMax(SessionLimits.MAX_ABSOLUTE_HOURS);
        absolute.setStepButtonsVisible(true);
        absolute.setValue(limits.absoluteHours());

        Forms.FormAlert alert = new Forms.FormAlert();
        Map<String, HasValidation> fields = Map.of("idleMinutes", idle, "absoluteHours", absolute);
        save.setText(getTranslation("sessions.settings.save"));
        save.setId("save-session-settings");
        Forms.sectionSave(save);
        save.addClickListener(e -> {
            Forms.clear(fields, alert);
            try {
                SessionLimits saved = sessions.updateClinicLimits(idle.getValue(), absolute.getValue());
                Forms.notifySuccess(getTranslation("sessions.settings.saved", saved.idleMinutes(), saved.absoluteHours()));
            } catch (DomainException problem) {
                Forms.show(problem, fields, alert, this);
            }
        });
        add(new H2(getTranslation("sessions.settings")), new Paragraph(getTranslation("sessions.settings.intro")),
                alert, idle, absolute, save);
    }
}
