package app.homeward.reminder.ui;

import app.homeward.base.ui.ClinicSettingsSection;
import app.homeward.reminder.AlertEscalation;
import com.vaadin.flow.component.Component;

/** "Safety alerts" on the clinic settings page: when an unacknowledged alert goes to the admins. */
@org.springframework.stereotype.Component
class AlertEscalationSection implements ClinicSettingsSection {

    private final AlertEscalation escalation;

    AlertEscalationSection(AlertEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    public Component create() {
        return new AlertEscalationForm(escalation);
    }
}
