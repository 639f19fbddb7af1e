package app.homeward.base;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates and times read the US way in English and the Spanish way in Spanish, in the zone asked for. */
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
    void a_region_the_browser_adds_does_not_change_the_format_and_other_languages_read_as_english() {
        assertThat(Dates.date(DAY, Locale.UK)).isEqualTo("Nov 26, 2026");
        assertThat(Dates.date(DAY, Locale.forLanguageTag("es-MX"))).isEqualTo("26 nov 2026");
        assertThat(Dates.time(LocalTime.of(19, 0), Locale.GERMAN)).isEqualTo("7:00 PM");
        assertThat(Dates.formatLocale(EN)).isEqualTo(Locale.US);
        assertThat(Dates.formatLocale(null)).isEqualTo(Locale.US);
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
