package app.homeward.homework.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Measure charts put a tick at the top of the scale, and never two labels on top of each other. */
class ChartsTest {

    @ParameterizedTest(name = "a scale of {0} points: a tick every {1}")
    @CsvSource({
            "27, 3",   // PHQ-9: 0, 3 … 27 (not 0, 5 … 25, 27)
            "21, 3",   // GAD-7
            "80, 10",  // PCL-5
            "40, 4",   // AUDIT
            "42, 6",   // a DASS-21 subscale (× 2)
            "30, 3",   // PHQ-15
            "6, 1",    // PHQ-2, GAD-2
            "100, 10"})
    void the_step_divides_the_scale_into_at_most_ten_parts(int range, int step) {
        assertThat(Charts.tickStep(range)).isEqualTo(step);
        assertThat(range % step).isZero();
    }

    @ParameterizedTest
    @CsvSource({"0", "-3", "2", "23"})
    void a_scale_no_step_divides_well_is_left_to_chart_js(int range) {
        assertThat(Charts.tickStep(range)).isNull();
    }
}
