package app.homeward.reminder;

import app.homeward.homework.HomeworkSettings;
import app.homeward.homework.HomeworkSettingsLookup;
import app.homeward.tenancy.ClinicDirectory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and stores the clinic's reminder settings (their own table, decision 0041) and puts them together with
 * what reminders need from the clinic (status, look) and from homework (the grace period, the clinic's word for
 * homework). Runs in the
 * caller's transaction; the callers (the reminder service, planner and delivery) decide who may ask.
 */
@Component
class ClinicReminderRules {

    private final ClinicReminderSettingsRepository settings;
    private final ClinicDirectory clinics;
    private final HomeworkSettingsLookup homework;
    private final Clock clock;

    ClinicReminderRules(ClinicReminderSettingsRepository settings, ClinicDirectory clinics,
                        HomeworkSettingsLookup homework, Clock clock) {
        this.settings = settings;
        this.clinics = clinics;
        this.homework = homework;
        this.clock = clock;
    }

    /** The rules of the clinic (the bound one: the tenant filter sees to it); empty for an unknown clinic. */
    Optional<ReminderRules> of(UUID clinicId) {
        return clinics.findById(clinicId).map(clinic -> {
            ReminderSettings s = settings(clinicId);
            HomeworkSettings rules = homework.of(clinicId);
            return new ReminderRules(clinic, s.remindersDefaultOn(), s.quietStart(), s.quietEnd(), s.dueSoonHours(),
                    s.overdueHours(), rules.graceHours(), s.weeklySummary(), rules.word());
        });
    }

    /** The admin's settings alone, in one read: what the settings page shows. */
    ReminderSettings settings(UUID clinicId) {
        return settings.findByClinicId(clinicId).map(ClinicReminderSettings::settings)
                .orElse(ReminderSettings.DEFAULTS);
    }

    void change(UUID clinicId, boolean remindersOn, LocalTime quietStart, LocalTime quietEnd, int dueSoonHours,
                int overdueHours, boolean weeklySummary) {
        settings.findByClinicId(clinicId).ifPresentOrElse(
                s -> s.change(remindersOn, quietStart, quietEnd, dueSoonHours, overdueHours, weeklySummary,
                        clock.instant()),
                () -> settings.save(new ClinicReminderSettings(remindersOn, quietStart, quietEnd, dueSoonHours,
                        overdueHours, weeklySummary, clock.instant())));
    }
}
