package app.homeward.base;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates and times read in the page's language, the way the viewer's region writes them, in the zone asked for (decision 0031). */
class DatesTest {

    static final Locale EN = Locale.ENGLISH;
    static final Locale ES = Locale.forLanguageTag("es");
    static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    /** 18:00 UTC: 7 PM in Madrid, 12 noon in Mexico City. */
    static final Instant EVENING_IN_MADRID = Instant.parse("2026-11-26T18:00:00Z");

    @Test
    void english_dates_and_times_read_the_us_way() {
        assertThat(Dates.date(DAY, EN)).isEqualTo("Nov 26, 2026");
        assertThat(Dates.time(LocalTime.of(19, 0), EN)).isEqualTo("7:00 PM");
        assertThat(Dates.time(LocalTime.of(0, 30), EN)).isEqualTo("12:30 AM");
        assertThat(Dates.dateTime(EVENING_IN_MADRID, ZoneId.of("Europe/Madrid"), EN)).isEqualTo("Nov 26, 2026, 7:00 PM");
        assertThat(Dates.shortDate(DAY, EN, LocalDate.of(2026, 1, 1))).isEqualTo("Nov 26");
        assertThat(Dates.shortDate(LocalDate.of(2027, 1, 4), EN, DAY)).isEqualTo("Jan 4, 2027");
    }

    @Test
    void spanish_dates_and_times_read_the_spanish_way() {
        assertThat(Dates.date(DAY, ES)).isEqualTo("26 nov 2026");
        assertThat(Dates.time(LocalTime.of(19, 0), ES)).isEqualTo("19:00");
        assertThat(Dates.dateTime(EVENING_IN_MADRID, ZoneId.of("Europe/Madrid"), ES)).isEqualTo("26 nov 2026, 19:00");
        assertThat(Dates.shortDate(DAY, ES, LocalDate.of(2026, 1, 1))).isEqualTo("26 nov");
        assertThat(Dates.shortDate(LocalDate.of(2027, 1, 4), ES, DAY)).isEqualTo("4 ene 2027");
    }

    @Test
    void a_locale_without_a_region_reads_english_the_us_way_and_other_languages_as_english() {
        assertThat(Dates.time(LocalTime.of(19, 0), Locale.GERMAN)).isEqualTo("7:00 PM");
        assertThat(Dates.formatLocale(EN)).isEqualTo(Locale.US);
        assertThat(Dates.formatLocale(null)).isEqualTo(Locale.US);
        assertThat(Dates.formatLocale(ES)).isEqualTo(ES);
    }

    @Test
    void english_in_the_uk_reads_day_first_on_a_24_hour_clock() {
        Locale gb = Locale.forLanguageTag("en-GB");
        assertThat(Dates.date(LocalDate.of(2026, 12, 4), gb)).isEqualTo("4 Dec 2026");
        assertThat(Dates.time(LocalTime.of(19, 0), gb)).isEqualTo("19:00");
        assertThat(Dates.time(LocalTime.of(21, 30), gb)).isEqualTo("21:30");
        assertThat(Dates.dateTime(Instant.parse("2026-12-04T16:43:00Z"), ZoneId.of("Europe/London"), gb))
                .isEqualTo("4 Dec 2026, 16:43");
        assertThat(Dates.shortDate(LocalDate.of(2026, 12, 10), gb, DAY)).isEqualTo("10 Dec");
        assertThat(Dates.formatLocale(gb)).isEqualTo(gb);
    }

    @Test
    void english_in_the_us_reads_month_first_on_a_12_hour_clock() {
        Locale us = Locale.forLanguageTag("en-US");
        assertThat(Dates.date(LocalDate.of(2026, 12, 4), us)).isEqualTo("Dec 4, 2026");
        assertThat(Dates.time(LocalTime.of(19, 0), us)).isEqualTo("7:00 PM");
        assertThat(Dates.dateTime(Instant.parse("2026-12-04T16:43:00Z"), ZoneId.of("UTC"), us))
                .isEqualTo("Dec 4, 2026, 4:43 PM");
        assertThat(Dates.shortDate(LocalDate.of(2026, 12, 10), us, DAY)).isEqualTo("Dec 10");
    }

    @Test
    void spanish_in_spain_and_in_mexico_follow_each_countrys_clock() {
        Locale spain = Locale.forLanguageTag("es-ES");
        Locale mexico = Locale.forLanguageTag("es-MX");
        assertThat(Dates.date(LocalDate.of(2026, 12, 4), spain)).isEqualTo("4 dic 2026");
        assertThat(Dates.time(LocalTime.of(19, 0), spain)).isEqualTo("19:00");
        assertThat(Dates.dateTime(EVENING_IN_MADRID, ZoneId.of("Europe/Madrid"), spain)).isEqualTo("26 nov 2026, 19:00");
        assertThat(Dates.date(LocalDate.of(2026, 12, 4), mexico)).isEqualTo("4 dic 2026");
        assertThat(Dates.time(LocalTime.of(19, 0), mexico)).isEqualTo("7:00 p.m.");
        assertThat(Dates.formatLocale(mexico)).isEqualTo(mexico);
    }

    @Test
    void a_language_without_texts_keeps_english_words_in_the_viewers_order() {
        assertThat(Dates.formatLocale(Locale.forLanguageTag("fr-FR"))).isEqualTo(Locale.forLanguageTag("en-FR"));
        assertThat(Dates.time(LocalTime.of(19, 0), Locale.forLanguageTag("de-DE"))).isEqualTo("19:00");
    }

    @Test
    void the_viewers_region_comes_from_the_browser_else_the_clinics_country() {
        assertThat(Dates.viewerLocale(EN, "GB", "ES")).isEqualTo(Locale.forLanguageTag("en-GB"));
        assertThat(Dates.viewerLocale(EN, "", "GB")).isEqualTo(Locale.forLanguageTag("en-GB"));
        assertThat(Dates.viewerLocale(ES, null, "MX")).isEqualTo(Locale.forLanguageTag("es-MX"));
        assertThat(Dates.viewerLocale(Locale.forLanguageTag("es-AR"), "", "")).isEqualTo(ES);
        assertThat(Dates.viewerLocale(null, "zz", "")).isEqualTo(EN);
    }

    @Test
    void an_instant_is_shown_in_the_zone_asked_for_not_the_servers() {
        assertThat(Dates.dateTime(EVENING_IN_MADRID, ZoneId.of("America/Mexico_City"), EN)).isEqualTo("Nov 26, 2026, 12:00 PM");
        assertThat(Dates.date(Instant.parse("2026-11-26T23:30:00Z"), ZoneId.of("Europe/Madrid"), EN)).isEqualTo("Nov 27, 2026");
        assertThat(Dates.date(Instant.parse("2026-11-26T23:30:00Z"), ZoneId.of("America/Mexico_City"), ES)).isEqualTo("26 nov 2026");
    }

    @Test
    void nothing_reads_as_a_dash() {
        assertThat(Dates.date((LocalDate) null, EN)).isEqualTo(Dates.NONE);
        assertThat(Dates.time(null, ES)).isEqualTo(Dates.NONE);
        assertThat(Dates.dateTime(null, ZoneId.of("UTC"), EN)).isEqualTo(Dates.NONE);
        assertThat(Dates.shortDate(null, EN, DAY)).isEqualTo(Dates.NONE);
    }
}
