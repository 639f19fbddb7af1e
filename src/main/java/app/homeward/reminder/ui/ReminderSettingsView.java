package app.homeward.reminder.ui;

import app.homeward.base.ui.FormFields;
import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.HomeworkWord;
import app.homeward.base.Messages;
import app.homeward.base.ui.Forms;
import app.homeward.reminder.QuietHours;
import app.homeward.reminder.ReminderChoices;
import app.homeward.reminder.ReminderService;
import app.homeward.security.Role;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;

import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * /my/reminders: the client chooses whether, when and in which language reminders come, quiet hours
 * in which none arrive, and per homework whether to be reminded. Says plainly what each choice means
 * (quiet all day = no reminders; a preferred time inside quiet hours moves to their end).
 */
@Route("my/reminders")
@Menu(title = "nav.reminders", order = 80, icon = "BELL")
@RolesAllowed(Role.CLIENT_NAME)
public class ReminderSettingsView extends Div implements HasDynamicTitle {

    private final ReminderService reminders;
    final Checkbox enabled = new Checkbox();
    final TimePicker preferred = new TimePicker();
    final TimePicker quietStart = new TimePicker();
    final TimePicker quietEnd = new TimePicker();
    final ComboBox<String> timeZone = new ComboBox<>();
    final Select<String> language = new Select<>();
    final Paragraph quietNote = new Paragraph();
    private final Forms.FormAlert alert = new Forms.FormAlert();

    public ReminderSettingsView(ReminderService reminders) {
        this.reminders = reminders;
        addClassName("page");
        addClassName("reminder-settings");
        ReminderChoices choices = reminders.mine();

        enabled.setLabel(getTranslation("reminders.enabled"));
        enabled.setId("reminders-enabled");
        enabled.setValue(choices.enabled() && choices.unsubscribedAt() == null);

        preferred.setLabel(getTranslation("reminders.preferred"));
        preferred.setHelperText(getTranslation("reminders.preferred.help"));
        preferred.setId("reminders-preferred");
        preferred.setClearButtonVisible(true);
        preferred.setStep(Duration.ofMinutes(15));
        preferred.setValue(choices.preferredTime());

        quietStart.setLabel(getTranslation("reminders.quiet-start"));
        quietStart.setId("reminders-quiet-start");
        quietEnd.setLabel(getTranslation("reminders.quiet-end"));
        quietEnd.setId("reminders-quiet-end");
        for (TimePicker picker : new TimePicker[]{quietStart, quietEnd}) {
            picker.setClearButtonVisible(true);
            picker.setStep(Duration.ofMinutes(15));
        }
        quietStart.setValue(choices.quietHours().start());
        quietEnd.setValue(choices.quietHours().end());
        quietNote.setId("reminders-quiet-note");
        quietNote.addClassName("field-note");
        quietNote.getElement().setAttribute("aria-live", "polite");

        timeZone.setLabel(getTranslation("reminders.time-zone"));
        timeZone.setId("reminders-time-zone");
        timeZone.setItems(FormFields.TIME_ZONES);
        timeZone.setValue(choices.zone().getId());
        timeZone.setHelperText(getTranslation("reminders.time-zone.help"));
        language.setLabel(getTranslation("reminders.language"));
        language.setId("reminders-language");
        language.setItems(Messages.SUPPORTED.stream().map(Locale::getLanguage).toList());
        language.setItemLabelGenerator(code -> code == null ? "" : getTranslation("language." + code));
        language.setValue(choices.language());

        Locale locale = Dates.formatLocale(getLocale());
        for (TimePicker picker : new TimePicker[]{preferred, quietStart, quietEnd}) {
            picker.setLocale(locale);
            picker.addValueChangeListener(e -> explainQuietHours());
        }
        explainQuietHours();

        Button save = new Button(getTranslation("reminders.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("reminders-save");

        Div general = new Div(new H2(getTranslation("reminders.when")), alert, enabled, preferred,
                new Div(quietStart, quietEnd), quietNote, timeZone, language, save);
        general.addClassName("form-section");
        add(new H1(getTranslation("reminders.title")), new Paragraph(getTranslation("reminders.intro")));
        if (choices.unsubscribedAt() != null) {
            Paragraph stopped = new Paragraph(getTranslation("reminders.unsubscribed"));
            stopped.addClassName("notice");
            stopped.setId("reminders-unsubscribed");
            add(stopped);
        }
        add(general, plans(choices));
    }

    /** Says what the quiet hours mean as they are typed, so nobody is surprised by a missing reminder. */
    private void explainQuietHours() {
        QuietHours quiet = new QuietHours(quietStart.getValue(), quietEnd.getValue());
        if (quiet.wholeDay()) {
            quietNote.setText(getTranslation("reminders.quiet.all-day"));
        } else if (!quiet.none() && preferred.getValue() != null && quiet.contains(preferred.getValue())) {
            quietNote.setText(getTranslation("reminders.quiet.moves", Dates.time(quiet.end(), getLocale())));
        } else if (quiet.none()) {
            quietNote.setText(getTranslation("reminders.quiet.none"));
        } else {
            quietNote.setText(getTranslation("reminders.quiet.between", Dates.time(quiet.start(), getLocale()),
                    Dates.time(quiet.end(), getLocale())));
        }
    }

    private void save() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("quietStart", quietStart);
        fields.put("quietEnd", quietEnd);
        fields.put("timeZone", timeZone);
        fields.put("language", language);
        Forms.clear(fields, alert);
        String before = getLocale().getLanguage();
        try {
            reminders.updateMine(enabled.getValue(), preferred.getValue(), quietStart.getValue(), quietEnd.getValue(),
                    timeZone.getValue(), language.getValue());
            Forms.notifyClientSuccess(getTranslation("reminders.saved"));
            if (language.getValue() != null && !language.getValue().equals(before)) {
                // the portal follows the language chosen for the emails
                // the new language, in the region the page already writes dates in
                // and keeps the clinic's word for homework the page already says (decision 0046)
                Locale chosen = HomeworkWord.of(getLocale()).on(
                        Dates.viewerLocale(Messages.forLanguageTag(language.getValue()), getLocale().getCountry(), ""));
                VaadinSession.getCurrent().setLocale(chosen);
                UI.getCurrent().getPage().reload();
            }
        } catch (DomainException problem) {
            Forms.show(problem, fields, alert, this);
        }
    }

    private Div plans(ReminderChoices choices) {
        Div section = new Div(new H2(getTranslation("reminders.plans")));
        section.addClassName("form-section");
        section.setId("reminders-plans");
        if (choices.plans().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("reminders.plans.empty"));
            empty.addClassName("empty-state");
            section.add(empty);
            return section;
        }
        section.add(new Paragraph(getTranslation("reminders.plans.intro")));
        for (ReminderChoices.PlanReminder plan : choices.plans()) {
            Checkbox on = new Checkbox(getTranslation("reminders.plan.on"), plan.enabled());
            TimePicker own = new TimePicker(getTranslation("reminders.plan.time"));
            own.setLocale(Dates.formatLocale(getLocale()));
            own.setClearButtonVisible(true);
            own.setStep(Duration.ofMinutes(15));
            own.setValue(plan.ownTime());
            own.setHelperText(getTranslation("reminders.plan.time.help"));
            own.setEnabled(plan.enabled());
            Runnable change = () -> {
                try {
                    reminders.updatePlan(plan.assignmentId(), on.getValue(), own.getValue());
                    own.setEnabled(on.getValue());
                    Forms.notifyClientSuccess(getTranslation("reminders.saved"));
                } catch (DomainException problem) {
                    Forms.notifyClientError(getTranslation(problem.messageKey(), problem.arguments()));
                }
            };
            on.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    change.run();
                }
            });
            own.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    change.run();
                }
            });
            H3 title = new H3(plan.title());
            Div row = new Div(title, on, own);
            row.addClassName("plan-reminder");
            section.add(row);
        }
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reminders.title") + " · Homeward";
    }
}
