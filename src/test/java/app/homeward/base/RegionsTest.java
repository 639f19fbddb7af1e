package app.homeward.base;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The clinic's default country from its time zone, and the viewer's region from the browser (decision 0031). */
class RegionsTest {

    @Test
    void a_clinics_time_zone_suggests_its_country() {
        assertThat(Regions.fromTimeZone(ZoneId.of("Europe/London"))).isEqualTo("GB");
        assertThat(Regions.fromTimeZone(ZoneId.of("Europe/Madrid"))).isEqualTo("ES");
        assertThat(Regions.fromTimeZone(ZoneId.of("Atlantic/Canary"))).isEqualTo("ES");
        assertThat(Regions.fromTimeZone(ZoneId.of("America/Mexico_City"))).isEqualTo("MX");
        assertThat(Regions.fromTimeZone(ZoneId.of("America/Chicago"))).isEqualTo("US");
        assertThat(Regions.fromTimeZone(ZoneId.of("America/New_York"))).isEqualTo("US");
        assertThat(Regions.fromTimeZone(ZoneId.of("Asia/Tokyo"))).isEmpty();
        assertThat(Regions.fromTimeZone(ZoneId.of("UTC"))).isEmpty();
        assertThat(Regions.fromTimeZone(null)).isEmpty();
    }

    @Test
    void the_browsers_region_is_that_of_its_first_language_that_names_one() {
        assertThat(Regions.fromAcceptLanguage("en-GB,en;q=0.9")).isEqualTo("GB");
        assertThat(Regions.fromAcceptLanguage("en-US,en;q=0.9,es;q=0.8")).isEqualTo("US");
        assertThat(Regions.fromAcceptLanguage("es,es-MX;q=0.9")).isEqualTo("MX");
        assertThat(Regions.fromAcceptLanguage("en")).isEmpty();
        assertThat(Regions.fromAcceptLanguage(null)).isEmpty();
        assertThat(Regions.fromAcceptLanguage("")).isEmpty();
        assertThat(Regions.fromAcceptLanguage(";;;=garbage")).isEmpty();
    }

    @Test
    void only_iso_countries_are_kept() {
        assertThat(Regions.country(" gb ")).isEqualTo("GB");
        assertThat(Regions.country("ZZ")).isEmpty();
        assertThat(Regions.country("GBR")).isEmpty();
        assertThat(Regions.country(null)).isEmpty();
    }
}
