package app.homeward.reminder;

import app.homeward.tenancy.ClinicBranding;

import java.time.LocalTime;

/**
 * The clinic's reminder rules as the planner, the send-time check and the emails read them: the defaults for
 * clients who have not chosen (on or off, quiet hours in local time), the extra nudges, the weekly summary;
 * with the homework grace period (how long an occurrence stays open) and the clinic's status and look.
 */
public record ReminderRules(ClinicBranding clinic, boolean remindersDefaultOn, LocalTime quietStart,
                            LocalTime quietEnd, int dueSoonHours, int overdueHours, int graceHours,
                            boolean weeklySummary) {
}
