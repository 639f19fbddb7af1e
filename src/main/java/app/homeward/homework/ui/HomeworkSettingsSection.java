package app.homeward.homework.ui;

import app.homeward.base.ui.ClinicSettingsSection;
import app.homeward.homework.HomeworkSettingsService;
import com.vaadin.flow.component.Component;

/** The clinic's homework rules on the clinic settings page, right after the clinic's own sections. */
@org.springframework.stereotype.Component
class HomeworkSettingsSection implements ClinicSettingsSection {

    private final HomeworkSettingsService settings;

    HomeworkSettingsSection(HomeworkSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Component create() {
        return new HomeworkSettingsForm(settings);
    }
}
