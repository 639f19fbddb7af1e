package app.homeward.reminder.ui;

import app.homeward.base.Dates;
import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.reminder.ReminderService;
import app.homeward.reminder.ReminderSettings;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The clinic's reminder rules, a section of clinic settings: defaults for clients and the extra nudges. */
class ClinicReminderSection extends Div {

    final Checkbox remindersOn = new Checkbox();
    final TimePicker quietStart = new TimePicker();
    final TimePicker quietEnd = new TimePicker();
    final IntegerField dueSoon = new IntegerField();
    final IntegerField overdue = new IntegerField();
    final Checkbox weekly = new Checkbox();

    ClinicReminderSection(ReminderService reminders) {
        addClassName("form-section");
        setId("reminder-settings");
        ReminderSettings rules = reminders.clinicSettings();
        remindersOn.setLabel(getTranslation("settings.reminders.on"));
        remindersOn.setId("clinic-reminders-on");
        remindersOn.setValue(rules.remindersDefaultOn());
        quietStart.setLabel(getTranslation("settings.reminders.quiet-start"));
        quietStart.setId("clinic-quiet-start");
        quietEnd.setLabel(getTranslation("settings.reminders.quiet-end"));
        quietEnd.setId("clinic-quiet-end");
        for (TimePicker picker : new TimePicker[]{quietStart, quietEnd}) {
            picker.setClearButtonVisible(true);
            picker.setStep(Duration.ofMinutes(15));
            picker.setLocale(Dates.formatLocale(getLocale()));
        }
        quietStart.setValue(rules.quietStart());
        quietEnd.setValue(rules.quietEnd());
        quietEnd.setHelperText(getTranslation("settings.reminders.quiet.help"));
        FormFields.wholeNumber(dueSoon, getTranslation("settings.reminders.due-soon"), "clinic-due-soon", 0, 48);
        dueSoon.setHelperText(getTranslation("settings.reminders.due-soon.help"));
        dueSoon.setValue(rules.dueSoonHours());
        FormFields.wholeNumber(overdue, getTranslation("settings.reminders.overdue"), "clinic-overdue", 0, 168);
        overdue.setHelperText(getTranslation("settings.reminders.overdue.help"));
        overdue.setValue(rules.overdueHours());
        weekly.setLabel(getTranslation("settings.reminders.weekly"));
        weekly.setHelperText(getTranslation("settings.reminders.weekly.help"));
        weekly.setId("clinic-weekly-summary");
        weekly.setValue(rules.weeklySummary());

        Forms.FormAlert alert = new Forms.FormAlert();
        Button save = new Button(getTranslation("settings.reminders.save"), e -> {
            Map<String, HasValidation> fields = new LinkedHashMap<>();
            fields.put("quietStart", quietStart);
            fields.put("quietEnd", quietEnd);
            fields.put("dueSoonHours", dueSoon);
            fields.put("overdueHours", overdue);
            Forms.submit(fields, alert, this, () -> {
                reminders.updateClinicRules(remindersOn.getValue(), quietStart.getValue(), quietEnd.getValue(),
                        dueSoon.getValue(), overdue.getValue(), weekly.getValue());
                Forms.notifySuccess(getTranslation("settings.reminders.saved"));
            });
        });
        save.setId("save-reminder-settings");
        Forms.sectionSave(save);
        add(new H2(getTranslation("settings.reminders")), new Paragraph(getTranslation("settings.reminders.intro")),
                alert, remindersOn, new Div(quietStart, quietEnd), dueSoon, overdue, weekly, save);
    }
}
