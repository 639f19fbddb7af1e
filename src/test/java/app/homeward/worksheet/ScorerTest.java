package app.homeward.worksheet;

import app.homeward.worksheet.Fields.NumberInput;
import app.homeward.worksheet.Fields.Option;
import app.homeward.worksheet.Fields.RatingScale;
import app.homeward.worksheet.Fields.ShortText;
import app.homeward.worksheet.Fields.SingleChoice;
import app.homeward.worksheet.Fields.YesNo;
import app.homeward.worksheet.ScoreResult.TriggeredAlert;
import app.homeward.worksheet.Scoring.AlertRule;
import app.homeward.worksheet.Scoring.Band;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Scores computed on the server: the shipped PHQ-9 and GAD-7 against worked answer sets, reverse
 * scoring, yes/no items, alert rules, and what is wrong with a scoring definition.
 */
class ScorerTest {

    private static final String[] FREQUENCY = {"not-at-all", "several-days", "more-than-half", "nearly-every-day"};

    private WorksheetDocument load(String name) {
        try (InputStream in = getClass().getResourceAsStream("/worksheets/built-in/" + name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            return BuiltInLibrary.parse(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** item1..itemN answered with the option scoring {@code scores[i]}. */
    private static Map<String, Object> frequencyAnswers(String scores) {
        int[] values = Arrays.stream(scores.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            answers.put("item" + (i + 1), FREQUENCY[values[i]]);
        }
        return answers;
    }

    @Nested
    class Phq9 {

        private final WorksheetDocument phq9 = load("phq-9.yaml");

        @Test
        void the_shipped_phq9_is_publishable() {
            assertThat(phq9.problems(true)).isEmpty();
            assertThat(phq9.scoring().items()).hasSize(9);
        }

        @ParameterizedTest(name = "{0} → {1} {2}")
        @CsvSource(delimiter = '|', textBlock = """
                0 0 0 0 0 0 0 0 0 |  0 | Minimal
                1 1 1 1 0 0 0 0 0 |  4 | Minimal
                2 1 1 1 0 0 0 0 0 |  5 | Mild
                3 3 3 0 0 0 0 0 0 |  9 | Mild
                3 3 3 1 0 0 0 0 0 | 10 | Moderate
                3 3 3 3 2 0 0 0 0 | 14 | Moderate
                3 3 3 3 3 0 0 0 0 | 15 | Moderately severe
                3 3 3 3 3 3 1 0 0 | 19 | Moderately severe
                3 3 3 3 3 3 2 0 0 | 20 | Severe
                0 1 2 3 0 1 2 3 0 | 12 | Moderate
                """)
        void phq9_totals_and_bands(String scores, int total, String band) {
            Map<String, Object> answers = frequencyAnswers(scores);
            assertThat(phq9.checkAnswers(answers, true)).isEmpty();
            ScoreResult result = Scorer.score(phq9, answers);
            assertThat(result.total()).isEqualTo(total);
            assertThat(result.band()).isEqualTo(band);
            assertThat(result.complete()).isTrue();
            assertThat(result.answeredItems()).isEqualTo(9);
            assertThat(result.items()).isEqualTo(9);
            assertThat(result.alerts()).isEmpty();
        }

        @Test
        void all_not_at_all_scores_zero_minimal_without_alert() {
            ScoreResult result = Scorer.score(phq9, frequencyAnswers("0 0 0 0 0 0 0 0 0"));
            assertThat(result.scored()).isTrue();
            assertThat(result.total()).isZero();
            assertThat(result.band()).isEqualTo("Minimal");
            assertThat(result.alerts()).isEmpty();
        }

        @Test
        void all_nearly_every_day_scores_27_severe_with_the_item9_alert() {
            ScoreResult result = Scorer.score(phq9, frequencyAnswers("3 3 3 3 3 3 3 3 3"));
            assertThat(result.total()).isEqualTo(27);
            assertThat(result.band()).isEqualTo("Severe");
            assertThat(result.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.target()).isEqualTo("item9");
                assertThat(alert.value()).isEqualTo(3);
            });
        }

        @Test
        void item9_on_several_days_raises_the_alert_even_when_the_total_is_minimal() {
            ScoreResult result = Scorer.score(phq9, frequencyAnswers("0 0 0 0 0 0 0 0 1"));
            assertThat(result.total()).isEqualTo(1);
            assertThat(result.band()).isEqualTo("Minimal");
            assertThat(result.alerts()).containsExactly(new TriggeredAlert("item9", 1,
                    "Item 9: thoughts of being better off dead or of self-harm"));
        }

        @Test
        void item9_not_at_all_raises_no_alert_whatever_the_total() {
            ScoreResult result = Scorer.score(phq9, frequencyAnswers("3 3 3 3 3 3 3 3 0"));
            assertThat(result.total()).isEqualTo(24);
            assertThat(result.band()).isEqualTo("Severe");
            assertThat(result.alerts()).isEmpty();
        }

        @Test
        void incomplete_answers_are_scored_but_not_complete() {
            Map<String, Object> answers = frequencyAnswers("2 2 1 0 3");
            ScoreResult result = Scorer.score(phq9, answers);
            assertThat(result.complete()).isFalse();
            assertThat(result.scored()).isTrue();
            assertThat(result.answeredItems()).isEqualTo(5);
            assertThat(result.items()).isEqualTo(9);
            assertThat(result.total()).isEqualTo(8);
        }

        @Test
        void no_answers_at_all_score_zero_of_nine_answered() {
            ScoreResult result = Scorer.score(phq9, Map.of());
            assertThat(result.total()).isZero();
            assertThat(result.answeredItems()).isZero();
            assertThat(result.complete()).isFalse();
        }

        @Test
        void an_answer_that_is_not_one_of_the_options_is_not_counted() {
            Map<String, Object> answers = frequencyAnswers("3 3 3 3 3 3 3 3 3");
            answers.put("item2", "always");
            answers.put("item3", 3);
            ScoreResult result = Scorer.score(phq9, answers);
            assertThat(result.answeredItems()).isEqualTo(7);
            assertThat(result.total()).isEqualTo(21);
            assertThat(result.complete()).isFalse();
        }

        @Test
        void the_unscored_difficulty_question_never_changes_the_total() {
            Map<String, Object> answers = frequencyAnswers("1 1 1 1 1 0 0 0 0");
            ScoreResult without = Scorer.score(phq9, answers);
            for (String difficulty : List.of("not-difficult", "somewhat", "very", "extremely")) {
                answers.put("difficulty", difficulty);
                assertThat(phq9.checkAnswers(answers, true)).isEmpty();
                ScoreResult with = Scorer.score(phq9, answers);
                assertThat(with).isEqualTo(without);
                assertThat(with.total()).isEqualTo(5);
                assertThat(with.answeredItems()).isEqualTo(9);
            }
        }

        @Test
        void submitting_with_an_item_missing_is_refused_but_a_draft_is_fine() {
            Map<String, Object> answers = frequencyAnswers("1 1 1 1 1 1 1 1");
            assertThat(phq9.checkAnswers(answers, false)).isEmpty();
            assertThat(phq9.checkAnswers(answers, true))
                    .containsExactly(new AnswerProblem("item9", "worksheet.answer.required"));
        }
    }

    @Nested
    class Gad7 {

        private final WorksheetDocument gad7 = load("gad-7.yaml");

        @Test
        void the_shipped_gad7_is_publishable() {
            assertThat(gad7.problems(true)).isEmpty();
            assertThat(gad7.scoring().items()).containsExactly("item1", "item2", "item3", "item4", "item5", "item6", "item7");
        }

        @ParameterizedTest(name = "{0} → {1} {2}")
        @CsvSource(delimiter = '|', textBlock = """
                0 0 0 0 0 0 0 |  0 | Minimal
                1 1 1 1 0 0 0 |  4 | Minimal
                1 1 1 1 1 0 0 |  5 | Mild
                3 3 3 0 0 0 0 |  9 | Mild
                2 2 2 2 2 0 0 | 10 | Moderate
                2 2 2 2 2 2 2 | 14 | Moderate
                3 3 3 3 3 0 0 | 15 | Severe
                3 3 3 3 3 3 3 | 21 | Severe
                """)
        void gad7_totals_and_bands(String scores, int total, String band) {
            Map<String, Object> answers = frequencyAnswers(scores);
            assertThat(gad7.checkAnswers(answers, true)).isEmpty();
            ScoreResult result = Scorer.score(gad7, answers);
            assertThat(result.total()).isEqualTo(total);
            assertThat(result.band()).isEqualTo(band);
            assertThat(result.complete()).isTrue();
            assertThat(result.answeredItems()).isEqualTo(7);
        }

        @Test
        void the_gad7_difficulty_question_is_not_scored() {
            Map<String, Object> answers = frequencyAnswers("1 0 0 0 0 0 0");
            answers.put("difficulty", "extremely");
            ScoreResult result = Scorer.score(gad7, answers);
            assertThat(result.total()).isEqualTo(1);
            assertThat(result.items()).isEqualTo(7);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // A small measure built in code
    // ---------------------------------------------------------------------------------------------

    static final List<Option> ZERO_TO_THREE = List.of(new Option("never", "Never", 0), new Option("sometimes", "Sometimes", 1),
            new Option("often", "Often", 2), new Option("always", "Always", 3));

    static List<Field> measureFields() {
        return List.of(
                new RatingScale("r1", "I feel rested", "", true, 1, 5, "Not at all", "", "Very"),
                new RatingScale("r2", "I feel tense", "", true, 1, 5, "Not at all", "", "Very"),
                new SingleChoice("c1", "I enjoy things", "", true, ZERO_TO_THREE),
                new YesNo("y1", "Did you sleep badly?", "", true),
                new YesNo("y2", "Did you go out?", "", true),
                new ShortText("note", "Anything else?", "", false, null),
                new RatingScale("extra", "Unscored rating", "", false, 0, 10, "", "", ""));
    }

    static Scoring measureScoring() {
        return new Scoring(List.of("r1", "r2", "c1", "y1", "y2"), List.of("r2", "c1", "y2"),
                List.of(new Band(0, 5, "Low"), new Band(6, 10, "Medium"), new Band(11, 15, "High")),
                List.of(new AlertRule(Scoring.TOTAL, 12, "High total"), new AlertRule("r2", 4, "Little tension")));
    }

    static WorksheetDocument measure(Scoring scoring) {
        return new WorksheetDocument("Weekly check", "A small measure", "Helps us both see change.",
                WorksheetCategory.MEASURES, List.of("measure"), 2, 1, "en", measureFields(), scoring);
    }

    static Map<String, Object> answers(Object... keysAndValues) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            answers.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return answers;
    }

    @Nested
    class ReverseScoring {

        private final WorksheetDocument measure = measure(measureScoring());

        @Test
        void the_measure_built_in_code_is_publishable() {
            assertThat(measure.problems(true)).isEmpty();
        }

        @Test
        void a_reversed_rating_counts_lowest_plus_highest_minus_value() {
            assertThat(Scorer.score(measure(single("r2", "r2")), answers("r2", 5)).total()).isEqualTo(1);
            assertThat(Scorer.score(measure(single("r2", "r2")), answers("r2", 2)).total()).isEqualTo(4);
            assertThat(Scorer.score(measure(single("r2", "r2")), answers("r2", 3)).total()).isEqualTo(3);
        }

        @Test
        void a_rating_not_reversed_counts_as_given() {
            assertThat(Scorer.score(measure(single("r1", null)), answers("r1", 5)).total()).isEqualTo(5);
            assertThat(Scorer.score(measure(single("r1", null)), answers("r1", 2)).total()).isEqualTo(2);
        }

        @Test
        void a_reversed_choice_counts_from_the_other_end_of_its_scores() {
            assertThat(Scorer.score(measure(single("c1", "c1")), answers("c1", "always")).total()).isZero();
            assertThat(Scorer.score(measure(single("c1", "c1")), answers("c1", "never")).total()).isEqualTo(3);
            assertThat(Scorer.score(measure(single("c1", "c1")), answers("c1", "sometimes")).total()).isEqualTo(2);
            assertThat(Scorer.score(measure(single("c1", null)), answers("c1", "always")).total()).isEqualTo(3);
        }

        @Test
        void a_reversed_choice_with_scores_not_starting_at_zero_stays_within_them() {
            List<Option> oneToFour = List.of(new Option("a", "A", 1), new Option("b", "B", 2),
                    new Option("c", "C", 3), new Option("d", "D", 4));
            WorksheetDocument doc = new WorksheetDocument("T", "", "R", WorksheetCategory.MEASURES, List.of(), 2, 1, "en",
                    List.of(new SingleChoice("q", "Q", "", false, oneToFour)),
                    new Scoring(List.of("q"), List.of("q"), List.of(), List.of()));
            assertThat(Scorer.score(doc, answers("q", "d")).total()).isEqualTo(1);
            assertThat(Scorer.score(doc, answers("q", "b")).total()).isEqualTo(3);
        }

        @Test
        void yes_scores_one_and_no_scores_zero() {
            assertThat(Scorer.score(measure(single("y1", null)), answers("y1", true)).total()).isEqualTo(1);
            assertThat(Scorer.score(measure(single("y1", null)), answers("y1", false)).total()).isZero();
            assertThat(Scorer.score(measure(single("y1", null)), answers("y1", false)).answeredItems()).isEqualTo(1);
        }

        @Test
        void a_reversed_yes_scores_zero() {
            assertThat(Scorer.score(measure(single("y2", "y2")), answers("y2", true)).total()).isZero();
            assertThat(Scorer.score(measure(single("y2", "y2")), answers("y2", false)).total()).isEqualTo(1);
        }

        @Test
        void a_whole_measure_adds_up_with_its_reversed_items() {
            // r1 4 + r2 (1→5) + c1 (often 2→1) + y1 yes 1 + y2 (no 0→1) = 12
            ScoreResult result = Scorer.score(measure, answers("r1", 4, "r2", 1, "c1", "often", "y1", true, "y2", false,
                    "note", "slept at my sister's", "extra", 10));
            assertThat(result.total()).isEqualTo(12);
            assertThat(result.band()).isEqualTo("High");
            assertThat(result.complete()).isTrue();
            assertThat(result.alerts()).containsExactlyInAnyOrder(
                    new TriggeredAlert("r2", 5, "Little tension"),
                    new TriggeredAlert(Scoring.TOTAL, 12, "High total"));
        }

        @Test
        void an_alert_on_the_total_fires_at_its_threshold_and_not_below() {
            // r1 4 + r2 (2→4) + c1 (often 2→1) + y1 yes 1 + y2 (yes 1→0) = 10
            ScoreResult below = Scorer.score(measure, answers("r1", 4, "r2", 2, "c1", "often", "y1", true, "y2", true));
            assertThat(below.total()).isEqualTo(10);
            assertThat(below.band()).isEqualTo("Medium");
            assertThat(below.alerts()).extracting(TriggeredAlert::target).doesNotContain(Scoring.TOTAL);
            // r1 5 + r2 (2→4) + c1 (never 0→3) + y1 no 0 + y2 (yes 1→0) = 12
            ScoreResult at = Scorer.score(measure, answers("r1", 5, "r2", 2, "c1", "never", "y1", false, "y2", true));
            assertThat(at.total()).isEqualTo(12);
            assertThat(at.alerts()).contains(new TriggeredAlert(Scoring.TOTAL, 12, "High total"));
        }

        @Test
        void an_item_alert_looks_at_the_reversed_value() {
            ScoreResult low = Scorer.score(measure, answers("r2", 5));
            assertThat(low.alerts()).isEmpty();
            ScoreResult high = Scorer.score(measure, answers("r2", 2));
            assertThat(high.alerts()).containsExactly(new TriggeredAlert("r2", 4, "Little tension"));
        }

        @Test
        void a_total_outside_every_band_has_no_band() {
            WorksheetDocument doc = measure(new Scoring(List.of("r1"), List.of(), List.of(new Band(0, 3, "Low")), List.of()));
            ScoreResult result = Scorer.score(doc, answers("r1", 5));
            assertThat(result.total()).isEqualTo(5);
            assertThat(result.band()).isNull();
        }

        @Test
        void a_document_without_scoring_is_not_scored() {
            ScoreResult result = Scorer.score(measure(null), answers("r1", 5));
            assertThat(result).isEqualTo(ScoreResult.NONE);
            assertThat(result.scored()).isFalse();
            assertThat(result.complete()).isFalse();
        }

        @Test
        void a_number_item_too_large_for_a_total_does_not_wrap_around() {
            WorksheetDocument doc = new WorksheetDocument("T", "", "R", WorksheetCategory.MEASURES, List.of(), 2, 1, "en",
                    List.of(new NumberInput("n", "Glasses of water", "", false, null, null, null, "")),
                    new Scoring(List.of("n"), List.of(), List.of(), List.of()));
            ScoreResult[] result = new ScoreResult[1];
            assertThatCode(() -> result[0] = Scorer.score(doc, answers("n", new BigDecimal("4294967297"))))
                    .doesNotThrowAnyException();
            // a non-negative answer must never give a negative or tiny total by silent int overflow
            assertThat(result[0].total()).isNotEqualTo(1);
            assertThat(result[0].total()).isNotNegative();
        }

        @Test
        void a_hostile_number_answer_never_makes_the_scorer_throw() {
            WorksheetDocument doc = new WorksheetDocument("T", "", "R", WorksheetCategory.MEASURES, List.of(), 2, 1, "en",
                    List.of(new NumberInput("n", "Glasses of water", "", false, null, null, null, "")),
                    new Scoring(List.of("n"), List.of(), List.of(), List.of()));
            assertThatCode(() -> Scorer.score(doc, answers("n", new BigDecimal("1E+999999999"))))
                    .doesNotThrowAnyException();
        }

        private static Scoring single(String item, String reversed) {
            return new Scoring(List.of(item), reversed == null ? List.of() : List.of(reversed), List.of(), List.of());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // What is wrong with a scoring definition
    // ---------------------------------------------------------------------------------------------

    @Nested
    class ScoringProblems {

        private List<TemplateProblem> problems(List<String> items, List<String> reversed, List<Band> bands,
                                               List<AlertRule> alerts) {
            return measure(new Scoring(items, reversed, bands, alerts)).problems(true);
        }

        private final List<String> items = List.of("r1", "r2", "c1", "y1");
        private final List<Band> bands = List.of(new Band(0, 5, "Low"), new Band(6, 14, "High"));

        @Test
        void a_reference_to_an_unknown_key_is_reported() {
            List<String> withGhost = new ArrayList<>(items);
            withGhost.add("ghost");
            assertThat(problems(withGhost, List.of(), bands, List.of()))
                    .containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-unknown", "ghost"));
        }

        @Test
        void a_short_text_cannot_be_a_scored_item() {
            List<String> withNote = new ArrayList<>(items);
            withNote.add("note");
            assertThat(problems(withNote, List.of(), bands, List.of()))
                    .containsExactly(new TemplateProblem("note", "worksheet.problem.scoring-not-scorable"));
        }

        @Test
        void a_choice_without_scores_cannot_be_a_scored_item() {
            WorksheetDocument phq9 = load("phq-9.yaml");
            List<String> withDifficulty = new ArrayList<>(phq9.scoring().items());
            withDifficulty.add("difficulty");
            Scoring scoring = new Scoring(withDifficulty, List.of(), phq9.scoring().bands(), phq9.scoring().alerts());
            assertThat(phq9.withScoring(scoring).problems(true))
                    .containsExactly(new TemplateProblem("difficulty", "worksheet.problem.scoring-not-scorable"));
        }

        @Test
        void an_item_counted_twice_is_reported() {
            assertThat(problems(List.of("r1", "r2", "r1"), List.of(), bands, List.of()))
                    .containsExactly(new TemplateProblem("r1", "worksheet.problem.scoring-twice"));
        }

        @Test
        void a_reversed_item_that_is_not_an_item_is_reported() {
            assertThat(problems(items, List.of("r2", "extra"), bands, List.of()))
                    .containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-unknown", "extra"));
        }

        @Test
        void overlapping_bands_are_reported() {
            List<Band> overlapping = List.of(new Band(0, 5, "Low"), new Band(5, 14, "High"));
            assertThat(problems(items, List.of(), overlapping, List.of()))
                    .containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-bands"));
        }

        @Test
        void overlapping_bands_are_reported_whatever_their_order() {
            List<Band> overlapping = List.of(new Band(6, 14, "High"), new Band(0, 8, "Low"));
            assertThat(problems(items, List.of(), overlapping, List.of()))
                    .containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-bands"));
        }

        @Test
        void an_inverted_or_unlabelled_band_is_reported() {
            assertThat(problems(items, List.of(), List.of(new Band(5, 0, "Low")), List.of()))
                    .containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-bands"));
            assertThat(problems(items, List.of(), List.of(new Band(0, 5, " ")), List.of()))
                    .containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-bands"));
        }

        @Test
        void an_alert_on_an_unknown_target_is_reported() {
            assertThat(problems(items, List.of(), bands, List.of(new AlertRule("item99", 1, "Look"))))
                    .containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-unknown", "item99"));
        }

        @Test
        void an_alert_on_a_field_that_is_not_an_item_is_reported() {
            assertThat(problems(items, List.of(), bands, List.of(new AlertRule("extra", 1, "Look"))))
                    .containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-unknown", "extra"));
        }

        @Test
        void an_alert_without_a_label_is_reported() {
            assertThat(problems(items, List.of(), bands, List.of(new AlertRule(Scoring.TOTAL, 10, ""))))
                    .containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-alert-label"));
        }

        @Test
        void scoring_without_items_is_reported_when_publishing_only() {
            WorksheetDocument doc = measure(new Scoring(List.of(), List.of(), List.of(), List.of()));
            assertThat(doc.problems(false)).isEmpty();
            assertThat(doc.problems(true)).containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-no-items"));
        }

        @Test
        void more_than_10_bands_are_reported() {
            List<Band> eleven = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                eleven.add(new Band(i, i, "Band " + i));
            }
            assertThat(problems(items, List.of(), eleven, List.of()))
                    .containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-too-many", 10));
        }

        @Test
        void scoring_problems_in_a_draft_are_reported_once_it_has_items() {
            WorksheetDocument doc = measure(new Scoring(List.of("ghost"), List.of(), List.of(), List.of()));
            assertThat(doc.problems(false))
                    .containsExactly(new TemplateProblem(null, "worksheet.problem.scoring-unknown", "ghost"));
        }
    }
}
