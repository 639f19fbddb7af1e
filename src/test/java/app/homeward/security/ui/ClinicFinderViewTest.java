package app.homeward.security.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** /login understands the clinic address however people paste it. */
class ClinicFinderViewTest {

    @ParameterizedTest
    @CsvSource({
            "sunrise, sunrise",
            "Sunrise, sunrise",
            "'  sunrise  ', sunrise",
            "/c/sunrise, sunrise",
            "https://homeward.example.org/c/sunrise, sunrise",
            "https://homeward.example.org/c/sunrise/, sunrise",
            "localhost:8080/c/north-side-2, north-side-2"})
    void a_pasted_address_or_short_name_leads_to_the_clinic(String typed, String slug) {
        assertThat(ClinicFinderView.slugFrom(typed)).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../admin", "<script>", "two words", "/c/"})
    void anything_else_is_not_a_clinic_address(String typed) {
        assertThat(ClinicFinderView.slugFrom(typed)).isNull();
    }
}
