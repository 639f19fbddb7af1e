package app.homeward.worksheet;

import app.homeward.worksheet.ReliableChange.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Jacobson &amp; Truax reliable change, checked against arithmetic done by hand:
 * SEdiff = SD × √2 × √(1 − r), RCI = (latest − first) / SEdiff, reliable when |RCI| ≥ 1.96.
 */
class ReliableChangeTest {

    private static WorksheetDocument load(String name) {
        try (InputStream in = ReliableChangeTest.class.getResourceAsStream("/worksheets/built-in/" + name)) {
            return BuiltInLibrary.parse(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final Scoring PHQ9 = load("phq-9.yaml").scoring();

    @Test
    void the_phq9_threshold_is_4_points() {
        // SEdiff = 3.52 × 1.414214 × √0.16 (0.4) = 1.991213; 1.96 × 1.991213 = 3.903 → 4
        assertThat(ReliableChange.threshold(0.84, 3.52)).isEqualTo(4);
        assertThat(ReliableChange.of(PHQ9, List.of(20, 20)).threshold()).isEqualTo(4);
        // the stricter NHS Talking Therapies figure, for a clinic's copy: SD 5.4 gives 1.96 × 3.054701 = 5.987 → 6
        assertThat(ReliableChange.threshold(0.84, 5.4)).isEqualTo(6);
    }

    @Test
    void the_gad7_threshold_is_4_points() {
        // SEdiff = 3.41 × 1.414214 × √0.17 (0.412311) = 1.988355; 1.96 × 1.988355 = 3.897 → 4
        assertThat(ReliableChange.of(load("gad-7.yaml").scoring(), List.of(12, 7)).threshold()).isEqualTo(4);
    }

    @Test
    void the_dass21_subscale_thresholds_are_8_7_and_8_points() {
        // depression 7.74 × 1.414214 × √0.12 (0.346410) = 3.791795 → × 1.96 = 7.432 → 8
        // anxiety    5.90 × 1.414214 × √0.18 (0.424264) = 3.539774 → × 1.96 = 6.938 → 7
        // stress     8.40 × 1.414214 × √0.10 (0.316228) = 3.756594 → × 1.96 = 7.363 → 8
        List<Scoring.Subscale> subscales = load("dass-21.yaml").scoring().subscales();
        assertThat(subscales).extracting(s -> ReliableChange.of(s, List.of(0, 0)).threshold()).containsExactly(8, 7, 8);
    }

    @ParameterizedTest(name = "PHQ-9 {0} → {1}: {2}, recovered {3}")
    @CsvSource(delimiter = '|', textBlock = """
            18 | 11 | RELIABLE_IMPROVEMENT   | false | -3.5154
            12 |  8 | RELIABLE_IMPROVEMENT   | true  | -2.0088
            14 | 10 | RELIABLE_IMPROVEMENT   | false | -2.0088
            12 |  9 | NO_RELIABLE_CHANGE     | false | -1.5066
            12 | 12 | NO_RELIABLE_CHANGE     | false |  0.0
             8 | 11 | NO_RELIABLE_CHANGE     | false |  1.5066
             8 | 12 | RELIABLE_DETERIORATION | false |  2.0088
            """)
    void phq9_changes_by_hand(int first, int latest, Outcome outcome, boolean recovered, double index) {
        // RCI = change / 1.991213: −7 → −3.5154, −4 → −2.0088, −3 → −1.5066, +3 → 1.5066, +4 → 2.0088.
        // Recovered needs a reliable fall from 10 or more (the cut-off) to below 10: 12 → 8 is, 14 → 10 is not
        // (10 is still at the cut-off), 12 → 9 crosses the cut-off but by 3 points, which is not reliable.
        ReliableChange change = ReliableChange.of(PHQ9, List.of(first, latest));
        assertThat(change.outcome()).isEqualTo(outcome);
        assertThat(change.recovered()).isEqualTo(recovered);
        assertThat(change.index()).isCloseTo(index, within(0.0001));
        assertThat(change.first()).isEqualTo(first);
        assertThat(change.latest()).isEqualTo(latest);
    }

    @Test
    void the_exact_boundary_is_reliable_and_one_point_less_is_not() {
        // r = 0.5, SD = 25: SEdiff = 25 × √2 × √0.5 = 25 exactly on paper, 1.96 × 25 = 49 exactly on paper;
        // a change of 49 has |RCI| = 1.96, which counts as reliable (≥), 48 has 1.92, which does not
        assertThat(ReliableChange.threshold(0.5, 25.0)).isEqualTo(49);
        ReliableChange at = ReliableChange.of(0.5, 25.0, null, List.of(60, 11));
        assertThat(at.outcome()).isEqualTo(Outcome.RELIABLE_IMPROVEMENT);
        assertThat(at.index()).isCloseTo(-1.96, within(1e-9));
        assertThat(ReliableChange.of(0.5, 25.0, null, List.of(60, 12)).outcome()).isEqualTo(Outcome.NO_RELIABLE_CHANGE);
        assertThat(ReliableChange.of(0.5, 25.0, null, List.of(11, 60)).outcome()).isEqualTo(Outcome.RELIABLE_DETERIORATION);
        assertThat(ReliableChange.of(0.5, 25.0, null, List.of(12, 60)).outcome()).isEqualTo(Outcome.NO_RELIABLE_CHANGE);
    }

    @Test
    void only_the_first_and_latest_scores_count_and_missing_scores_are_skipped() {
        // 20 → (5, 25, none) → 13: change −7 on the PHQ-9, reliable; the scores in between do not matter
        ReliableChange change = ReliableChange.of(PHQ9, Arrays.asList(null, 20, 5, 25, null, 13, null));
        assertThat(change.first()).isEqualTo(20);
        assertThat(change.latest()).isEqualTo(13);
        assertThat(change.outcome()).isEqualTo(Outcome.RELIABLE_IMPROVEMENT);
        assertThat(change.reliable()).isTrue();
    }

    @Test
    void one_score_is_not_enough_data() {
        ReliableChange change = ReliableChange.of(PHQ9, List.of(14));
        assertThat(change.outcome()).isEqualTo(Outcome.NOT_ENOUGH_DATA);
        assertThat(change.first()).isEqualTo(14);
        assertThat(change.latest()).isNull();
        assertThat(change.index()).isNull();
        assertThat(change.threshold()).as("still shown: the next score needs to move 4 points").isEqualTo(4);
        assertThat(change.reliable()).isFalse();
        assertThat(ReliableChange.of(PHQ9, Arrays.asList(null, 14, null)).outcome()).isEqualTo(Outcome.NOT_ENOUGH_DATA);
        assertThat(ReliableChange.of(PHQ9, List.of()).outcome()).isEqualTo(Outcome.NOT_ENOUGH_DATA);
    }

    @Test
    void a_measure_without_reliability_or_sd_is_not_enough_data() {
        Scoring phq15 = load("phq-15.yaml").scoring();
        ReliableChange change = ReliableChange.of(phq15, List.of(25, 5));
        assertThat(change.outcome()).isEqualTo(Outcome.NOT_ENOUGH_DATA);
        assertThat(change.threshold()).isNull();
        assertThat(change.recovered()).isFalse();
        assertThat(ReliableChange.threshold(0.8, null)).isNull();
        assertThat(ReliableChange.threshold(null, 5.0)).isNull();
        assertThat(ReliableChange.threshold(1.0, 5.0)).as("r = 1 would make any change reliable").isNull();
        assertThat(ReliableChange.threshold(0.8, 0.0)).isNull();
    }

    @ParameterizedTest(name = "PCL-5 {0} → {1}: {2}, recovered {3}")
    @CsvSource(delimiter = '|', textBlock = """
            50 | 40 | RELIABLE_IMPROVEMENT   | false | -1.96
            40 | 30 | RELIABLE_IMPROVEMENT   | true  | -1.96
            40 | 31 | NO_RELIABLE_CHANGE     | false | -1.764
            35 | 32 | NO_RELIABLE_CHANGE     | false | -0.588
            20 | 29 | NO_RELIABLE_CHANGE     | false |  1.764
            20 | 45 | RELIABLE_DETERIORATION | false |  4.9
            """)
    void pcl5_is_judged_by_the_published_ten_points(int first, int latest, Outcome outcome, boolean recovered,
                                                     double index) {
        // No trusted norm SD, so the file states the National Center for PTSD's figure: 10 points.
        // RCI on the same scale = change × 1.96 / 10: −10 → −1.96, −9 → −1.764, −3 → −0.588, +25 → 4.9.
        // Recovered: a reliable fall from the cut-off (33) or above to below it: 40 → 30 is; 35 → 32 crosses
        // it by 3 points, which is not reliable; 50 → 40 is reliable but still above it.
        Scoring pcl5 = load("pcl-5.yaml").scoring();
        assertThat(pcl5.reliability()).as("the formula's inputs stay absent").isNull();
        ReliableChange change = ReliableChange.of(pcl5, List.of(first, latest));
        assertThat(change.threshold()).isEqualTo(10);
        assertThat(change.outcome()).isEqualTo(outcome);
        assertThat(change.recovered()).isEqualTo(recovered);
        assertThat(change.index()).isCloseTo(index, within(0.0001));
    }

    @Test
    void reliability_and_sd_win_over_a_published_figure() {
        // PHQ-9 figures (threshold 4) with a published 6 beside them: the formula decides
        Scoring both = new Scoring(PHQ9.items(), PHQ9.reversed(), PHQ9.bands(), PHQ9.alerts(), List.of(), null,
                0.84, 3.52, 10, 6);
        assertThat(ReliableChange.of(both, List.of(15, 10)).threshold()).isEqualTo(4);
        assertThat(ReliableChange.of(both, List.of(15, 10)).outcome()).isEqualTo(Outcome.RELIABLE_IMPROVEMENT);
        Scoring publishedOnly = new Scoring(PHQ9.items(), PHQ9.reversed(), PHQ9.bands(), PHQ9.alerts(), List.of(), null,
                null, null, 10, 6);
        assertThat(ReliableChange.of(publishedOnly, List.of(15, 10)).outcome()).isEqualTo(Outcome.NO_RELIABLE_CHANGE);
        assertThat(ReliableChange.of(publishedOnly, List.of(15, 9)).outcome()).isEqualTo(Outcome.RELIABLE_IMPROVEMENT);
    }

    @Test
    void without_a_cutoff_nobody_is_counted_as_recovered() {
        ReliableChange change = ReliableChange.of(0.84, 5.4, null, List.of(20, 2));
        assertThat(change.outcome()).isEqualTo(Outcome.RELIABLE_IMPROVEMENT);
        assertThat(change.recovered()).isFalse();
    }

    @Test
    void a_dass21_subscale_is_judged_by_its_own_figures() {
        // depression: threshold 8, cut-off 10; 18 → 10 is −8 (reliable) but 10 is not below the cut-off;
        // 16 → 8 is −8 from at/above 10 to below it: recovered; 16 → 10 is −6: no reliable change
        Scoring.Subscale depression = load("dass-21.yaml").scoring().subscales().getFirst();
        assertThat(ReliableChange.of(depression, List.of(18, 10)).outcome()).isEqualTo(Outcome.RELIABLE_IMPROVEMENT);
        assertThat(ReliableChange.of(depression, List.of(18, 10)).recovered()).isFalse();
        assertThat(ReliableChange.of(depression, List.of(16, 8)).recovered()).isTrue();
        assertThat(ReliableChange.of(depression, List.of(16, 10)).outcome()).isEqualTo(Outcome.NO_RELIABLE_CHANGE);
    }
}
