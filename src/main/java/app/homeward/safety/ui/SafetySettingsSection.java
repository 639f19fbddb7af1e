package app.homeward.safety.ui;

import app.homeward.base.ui.ClinicSettingsSection;
import app.homeward.safety.ClinicSafety;
import com.vaadin.flow.component.Component;

/** "Crisis lines" and "Scores clients see" on the clinic settings page, right after the clinic's own sections. */
@org.springframework.stereotype.Component
class SafetySettingsSection implements ClinicSettingsSection {

    private final ClinicSafety safety;

    SafetySettingsSection(ClinicSafety safety) {
        this.safety = safety;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public Component create() {
        return new SafetySettingsForm(safety);
    }
}
