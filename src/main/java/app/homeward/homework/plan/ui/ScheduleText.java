package app.homeward.homework.plan.ui;

import app.homeward.base.Dates;
import app.homeward.homework.Schedule;
import app.homeward.homework.ui.ClientFormat;
import com.vaadin.flow.component.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A schedule in words, as a therapist and client would say it: "Daily at 8:00 PM from Nov 25 to
 * Dec 1", "Mon, Wed, Fri at 7:00 PM from Nov 25, 6 times", "Once on Nov 27 at 6:00 PM" (in Spanish
 * "Cada día a las 20:00 del 25 nov al 1 dic"). Times are the client's wall-clock times in the
 * client's time zone, as the schedule holds them.
 */
public final class ScheduleText {

    private ScheduleText() {
    }

    /** Dates near today are shortened ("Nov 25", not "Nov 25, 2026"): today is the client's, at the clock's now. */
    public static String describe(Schedule schedule, Component translator, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), schedule.zone() == null ? ZoneOffset.UTC : schedule.zone());
        return describe(schedule, translator, today);
    }

    public static String describe(Schedule schedule, Component translator, LocalDate today) {
        Locale locale = ClientFormat.locale(translator);
        String time = Dates.time(schedule.timeOfDay(), locale);
        if (schedule.kind() == null || schedule.start() == null) {
            return ClientFormat.NONE;
        }
        String start = Dates.shortDate(schedule.start(), locale, today);
        if (schedule.kind() == Schedule.Kind.ONCE) {
            return translator.getTranslation("schedule.text.once", start, time);
        }
        String rhythm = switch (schedule.kind()) {
            case DAILY -> translator.getTranslation("schedule.text.daily", time);
            case WEEKDAYS -> translator.getTranslation("schedule.text.weekdays", days(schedule, locale), time);
            case EVERY_N_DAYS -> translator.getTranslation("schedule.text.every", schedule.everyDays(), time);
            case ONCE -> throw new IllegalStateException();
        };
        if (schedule.end() != null && schedule.times() != null) {
            return translator.getTranslation("schedule.text.until-times", rhythm, start,
                    Dates.shortDate(schedule.end(), locale, today), schedule.times());
        }
        if (schedule.end() != null) {
            return translator.getTranslation("schedule.text.until", rhythm, start,
                    Dates.shortDate(schedule.end(), locale, today));
        }
        if (schedule.times() != null && schedule.times() == 1) {
            return translator.getTranslation("schedule.text.time-one", rhythm, start);
        }
        return translator.getTranslation("schedule.text.times", rhythm, start, schedule.times());
    }

    private static String days(Schedule schedule, Locale locale) {
        return schedule.weekdays().stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                .collect(Collectors.joining(", "));
    }

    /** A weekday's full name for checkbox labels. */
    static String dayName(DayOfWeek day, Locale locale) {
        String name = day.getDisplayName(TextStyle.FULL, locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
