package app.homeward.reminder.ui;

import app.homeward.base.ui.ClinicSettingsSection;
import app.homeward.reminder.ReminderService;
import com.vaadin.flow.component.Component;

/** Reminder defaults and nudges on the clinic settings page. */
@org.springframework.stereotype.Component
class ReminderSettingsSection implements ClinicSettingsSection {

    private final ReminderService reminders;

    ReminderSettingsSection(ReminderService reminders) {
        this.reminders = reminders;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Component create() {
        return new ClinicReminderSection(reminders);
    }
}
