package app.homeward.tenancy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which accents would make a focus ring look like a validation error (issue 14: "with a red accent…"). */
class ContrastTest {

    @ParameterizedTest
    @ValueSource(strings = {"#d32f2f", "#e53935", "#c62828", "#ff0000", "#e91e63", "#f4511e", "#b71c1c"})
    void reds_pinks_and_red_oranges_resemble_an_error(String accent) {
        assertThat(Contrast.resemblesError(accent)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#2f6f73", "#1565c0", "#2e7d32", "#6a1b9a", "#f9a825", "#5d4037", "#9e9e9e", "#3b1010", "#f0c8c8"})
    void teal_blue_green_purple_amber_brown_grey_and_very_dark_or_pale_reds_do_not(String accent) {
        assertThat(Contrast.resemblesError(accent)).isFalse();
    }
}
