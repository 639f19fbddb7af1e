package app.homeward.reminder;

import app.homeward.base.ClinicSetting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalTime;

/**
 * The clinic's reminder settings, one row per clinic at most; a clinic without one gets
 * {@link ReminderSettings#DEFAULTS}.
 */
@Entity
@Table(name = "clinic_reminder_settings")
class ClinicReminderSettings extends ClinicSetting {

    /** Reminders for clients who have not chosen: on or off, and the default quiet hours (local time). */
    @Column(name = "reminders_default_on", nullable = false)
    private boolean remindersDefaultOn;

    @Column(name = "default_quiet_start")
    private LocalTime defaultQuietStart;

    @Column(name = "default_quiet_end")
    private LocalTime defaultQuietEnd;

    /** Hours before the due time for a "due soon" nudge; 0 = none. */
    @Column(name = "due_soon_hours", nullable = false)
    private int dueSoonHours;

    /** Hours after the due time for an "overdue" nudge (sent only within the grace period); 0 = none. */
    @Column(name = "overdue_hours", nullable = false)
    private int overdueHours;

    /** A short "your week ahead" email to clients with homework in the coming week, on Sundays. */
    @Column(name = "weekly_summary", nullable = false)
    private boolean weeklySummary;

    protected ClinicReminderSettings() {
    }

    ClinicReminderSettings(boolean remindersDefaultOn, LocalTime quietStart, LocalTime quietEnd, int dueSoonHours,
                           int overdueHours, boolean weeklySummary, Instant now) {
        change(remindersDefaultOn, quietStart, quietEnd, dueSoonHours, overdueHours, weeklySummary, now);
    }

    void change(boolean remindersDefaultOn, LocalTime quietStart, LocalTime quietEnd, int dueSoonHours,
                int overdueHours, boolean weeklySummary, Instant now) {
        this.remindersDefaultOn = remindersDefaultOn;
        this.defaultQuietStart = quietStart;
        this.defaultQuietEnd = quietEnd;
        this.dueSoonHours = dueSoonHours;
        this.overdueHours = overdueHours;
        this.weeklySummary = weeklySummary;
        changedAt(now);
    }

    ReminderSettings settings() {
        return new ReminderSettings(remindersDefaultOn, defaultQuietStart, defaultQuietEnd, dueSoonHours,
                overdueHours, weeklySummary);
    }
}
