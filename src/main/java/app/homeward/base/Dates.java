package app.homeward.base;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How dates and times read in Homeward: in the page's language, the way the viewer's region writes them
 * (decision 0031). A page's locale is the language plus a region ({@link #viewerLocale}): the browser's
 * where it says one, else the clinic's country. So English reads "4 Dec 2026, 19:00" in the UK and
 * "Dec 4, 2026, 7:00 PM" in the US; Spanish "4 dic 2026, 19:00" in Spain and "4 dic 2026, 7:00 p.m." in
 * Mexico. A locale without a region reads English the US way and Spanish the Spanish way. An instant is
 * shown in the time zone the caller names: on staff pages the clinic's
 * ({@code ClinicDirectory#currentTimeZone}), on the client's pages the client's.
 *
 * <p>The one place that formats dates for people; views do not build their own formatters.
 */
public final class Dates {

    /** Shown where there is no value, so an empty cell never looks like a loading error. */
    public static final String NONE = "–";

    private static final Locale US = Locale.US;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofLocalizedPattern("MMMd");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofLocalizedPattern("yMMMd");
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofLocalizedPattern("MMMMEEEEd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofLocalizedPattern("yMMM");

    private Dates() {
    }

    /**
     * The locale dates are formatted in for a page's locale: the language the texts are in (English for
     * anything we have no texts in) with the locale's region, so "en-GB" → en-GB and "fr-FR" → en-FR (English
     * words, French order and clock). Without a region: US English for English, Spanish for Spanish.
     * Vaadin's date and time pickers are given this locale too, so a field and the text around it agree.
     */
    public static Locale formatLocale(Locale locale) {
        Locale language = Messages.supported(locale);
        String region = locale == null ? "" : Regions.country(locale.getCountry());
        if (!region.isEmpty()) {
            return Locale.of(language.getLanguage(), region);
        }
        return language.equals(Messages.SPANISH) ? Messages.SPANISH : US;
    }

    /**
     * The locale a person's pages use: their language, with the region of their browser when it says one
     * ("en-GB" in {@code Accept-Language}), else the clinic's country ("GB", see {@link Regions}); no
     * region when neither is known. Texts only look at the language, dates at both.
     *
     * @param language      the account's or page's language ("en", "es"; a region on it is ignored)
     * @param browserRegion the region from the browser, {@link Regions#fromAcceptLanguage}; blank when none
     * @param clinicCountry the clinic's country (its setting, or the one its time zone suggests); blank when none
     */
    public static Locale viewerLocale(Locale language, String browserRegion, String clinicCountry) {
        String lang = Messages.supported(language).getLanguage();
        String region = Regions.country(browserRegion);
        if (region.isEmpty()) {
            region = Regions.country(clinicCountry);
        }
        return region.isEmpty() ? Locale.of(lang) : Locale.of(lang, region);
    }

    /** "Nov 26, 2026" / "26 nov 2026". */
    public static String date(LocalDate date, Locale language) {
        return date == null ? NONE : format(DATE, date, language);
    }

    /** The day an instant falls on in the zone: "Nov 26, 2026" / "26 nov 2026". */
    public static String date(Instant instant, ZoneId zone, Locale language) {
        return instant == null ? NONE : date(instant.atZone(zone).toLocalDate(), language);
    }

    /** "7:00 PM" / "19:00". */
    public static String time(LocalTime time, Locale language) {
        return time == null ? NONE : format(TIME, time, language);
    }

    /** "Nov 26, 2026, 7:00 PM" / "26 nov 2026, 19:00", in the given zone. */
    public static String dateTime(Instant instant, ZoneId zone, Locale language) {
        return instant == null ? NONE : format(DATE_TIME, instant.atZone(zone), language);
    }

    /** "Nov 26" / "26 nov", with the year only when it is not {@code today}'s: "Jan 4, 2027" / "4 ene 2027". */
    public static String shortDate(LocalDate date, Locale language, LocalDate today) {
        if (date == null) {
            return NONE;
        }
        return format(today != null && date.getYear() == today.getYear() ? DAY_MONTH : DAY_MONTH_YEAR, date, language);
    }

    /** A calendar month: "Nov 2026" / "nov 2026". */
    public static String month(YearMonth month, Locale language) {
        return month == null ? NONE : format(MONTH, month, language);
    }

    /** "Thursday, November 26" / "jueves, 26 de noviembre": a day in the coming weeks, as people say it. */
    public static String weekday(LocalDate date, Locale language) {
        return date == null ? NONE : format(WEEKDAY, date, language);
    }

    /**
     * Formats in the language's format locale. Java 20+ (CLDR 42) puts a narrow no-break space before
     * "AM"/"PM"; it becomes a plain space, so the text is the same on every JDK and in copied text.
     */
    private static String format(DateTimeFormatter formatter, TemporalAccessor value, Locale language) {
        return formatter.withLocale(formatLocale(language)).format(value).replace('\u202f', ' ');
    }
}
