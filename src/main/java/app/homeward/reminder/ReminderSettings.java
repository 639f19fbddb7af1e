package app.homeward.reminder;

import java.time.LocalTime;

/**
 * What a clinic admin sets for reminders: the defaults for clients who have not chosen (on or off, quiet hours
 * in local time), the extra "due soon" and "overdue" nudges (hours; 0: none) and the weekly summary.
 */
public record ReminderSettings(boolean remindersDefaultOn, LocalTime quietStart, LocalTime quietEnd,
                               int dueSoonHours, int overdueHours, boolean weeklySummary) {

    /** What a clinic that never saved its settings gets (what the clinic row held before decision 0041). */
    public static final ReminderSettings DEFAULTS = new ReminderSettings(true, LocalTime.of(21, 30),
            LocalTime.of(8, 0), 0, 0, false);
}
