package app.homeward.reminder;

import app.homeward.base.HomeworkWord;
import app.homeward.tenancy.ClinicBranding;

import java.time.LocalTime;

/**
 * The clinic's reminder rules as the planner, the send-time check and the emails read them: the defaults for
 * clients who have not chosen (on or off, quiet hours in local time), the extra nudges, the weekly summary;
 * with the homework grace period (how long an occurrence stays open), the clinic's word for homework (what
 * its clients' emails say, decision 0046) and the clinic's status and look.
 */
public record ReminderRules(ClinicBranding clinic, boolean remindersDefaultOn, LocalTime quietStart,
                            LocalTime quietEnd, int dueSoonHours, int overdueHours, int graceHours,
                            boolean weeklySummary, HomeworkWord homeworkWord) {

    public ReminderRules {
        homeworkWord = homeworkWord == null ? HomeworkWord.HOMEWORK : homeworkWord;
    }

    /** Rules of a clinic that says homework. */
    public ReminderRules(ClinicBranding clinic, boolean remindersDefaultOn, LocalTime quietStart, LocalTime quietEnd,
                         int dueSoonHours, int overdueHours, int graceHours, boolean weeklySummary) {
        this(clinic, remindersDefaultOn, quietStart, quietEnd, dueSoonHours, overdueHours, graceHours, weeklySummary,
                HomeworkWord.HOMEWORK);
    }
}
