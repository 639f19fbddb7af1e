package app.homeward.privacy;

import app.homeward.base.Dates;
import app.homeward.base.Messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/** Words, dates and times in the client's language and time zone, for the files built for them. */
record Texts(Messages messages, Locale locale, ZoneId zone) {

    String t(String key, Object... args) {
        return messages.getTranslation(key, locale, args);
    }

    String dateTime(Instant instant) {
        return instant == null ? Dates.NONE : Dates.dateTime(instant, zone, locale);
    }

    String date(LocalDate date) {
        return date == null ? Dates.NONE : Dates.date(date, locale);
    }

    String date(Instant instant) {
        return instant == null ? Dates.NONE : Dates.date(instant, zone, locale);
    }

    String time(LocalTime time) {
        return time == null ? Dates.NONE : Dates.time(time, locale);
    }

    String yesNo(boolean value) {
        return t(value ? "worksheet.yes" : "worksheet.no");
    }
}
