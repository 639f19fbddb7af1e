package app.homeward.worksheet;

import app.homeward.worksheet.FieldTypes.NumberInput;
import app.homeward.worksheet.FieldTypes.Option;
import app.homeward.worksheet.FieldTypes.RatingScale;
import app.homeward.worksheet.FieldTypes.ShortText;
import app.homeward.worksheet.FieldTypes.SingleChoice;
import app.homeward.worksheet.FieldTypes.YesNo;
import app.homeward.worksheet.ScoreResult.TriggeredAlert;
import app.homeward.worksheet.Scoring.AlertRule;
import app.homeward.worksheet.Scoring.Band;
import org.assertj.core.groups.Tuple;
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
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Scores computed on the server: the shipped PHQ-9, GAD-7, PCL-5, DASS-21 (three doubled subscales),
 * PHQ-15, AUDIT, PHQ-2 and GAD-2 against worked answer sets at every band boundary, reverse scoring,
 * yes/no items, alert rules, ranges, multipliers, and what is wrong with a scoring definition.
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
                    .containsExactly(new FieldProblem("item9", "worksheet.answer.required"));
        }
    }

    /**
     * The Spanish PHQ-9 and GAD-7 (Pfizer's published translations) score exactly like the English ones:
     * the same answers give the same total, the band in the same place (in Spanish words) and the same alerts.
     */
    @Nested
    class SpanishVersions {

        private final WorksheetDocument phq9 = load("phq-9.yaml");
        private final WorksheetDocument phq9Es = load("es/phq-9.yaml");
        private final WorksheetDocument gad7 = load("gad-7.yaml");
        private final WorksheetDocument gad7Es = load("es/gad-7.yaml");

        private static final Map<String, String> PHQ9_BANDS = Map.of("Minimal", "Mínima", "Mild", "Leve",
                "Moderate", "Moderada", "Moderately severe", "Moderadamente grave", "Severe", "Grave");
        private static final Map<String, String> GAD7_BANDS = Map.of("Minimal", "Mínima", "Mild", "Leve",
                "Moderate", "Moderada", "Severe", "Grave");

        @ParameterizedTest(name = "{0} → {1} {2}")
        @CsvSource(delimiter = '|', textBlock = """
                0 0 0 0 0 0 0 0 0 |  0 | Mínima
                1 1 1 1 0 0 0 0 0 |  4 | Mínima
                2 1 1 1 0 0 0 0 0 |  5 | Leve
                3 3 3 1 0 0 0 0 0 | 10 | Moderada
                3 3 3 3 3 0 0 0 0 | 15 | Moderadamente grave
                3 3 3 3 3 3 2 0 0 | 20 | Grave
                0 1 2 3 0 1 2 3 1 | 13 | Moderada
                """)
        void the_spanish_phq9_gives_the_english_total_band_and_alerts(String scores, int total, String band) {
            scoresAlike(phq9, phq9Es, PHQ9_BANDS, scores, total, band);
        }

        /** The same answers to both versions: the same total, the same band in the other words, the same alerts. */
        private void scoresAlike(WorksheetDocument english, WorksheetDocument spanish, Map<String, String> bands,
                                 String scores, int total, String band) {
            Map<String, Object> answers = frequencyAnswers(scores);
            assertThat(spanish.checkAnswers(answers, true)).isEmpty();
            ScoreResult es = Scorer.score(spanish, answers);
            ScoreResult en = Scorer.score(english, answers);

            assertThat(es.total()).isEqualTo(total).isEqualTo(en.total());
            assertThat(es.band()).isEqualTo(band).isEqualTo(bands.get(en.band()));
            assertThat(es.complete()).isTrue();
            assertThat(es.alerts()).extracting(TriggeredAlert::target, TriggeredAlert::value)
                    .containsExactlyElementsOf(en.alerts().stream()
                            .map(a -> Tuple.tuple(a.target(), a.value())).toList());
        }

        @Test
        void item9_raises_the_alert_in_spanish_too() {
            ScoreResult result = Scorer.score(phq9Es, frequencyAnswers("0 0 0 0 0 0 0 0 1"));
            assertThat(result.band()).isEqualTo("Mínima");
            assertThat(result.alerts()).containsExactly(new TriggeredAlert("item9", 1,
                    "Ítem 9: pensamientos de que estaría mejor muerto(a) o de hacerse daño"));
        }

        @Test
        void the_spanish_phq9_keeps_pfizers_wording() {
            assertThat(phq9Es.language()).isEqualTo("es");
            assertThat(phq9Es.field("item1").label()).isEqualTo("Poco interés o placer en hacer cosas");
            assertThat(((SingleChoice) phq9Es.field("item1")).options()).extracting(Option::label)
                    .containsExactly("Ningún día", "Varios días", "Más de la mitad de los días", "Casi todos los días");
            assertThat(gad7Es.field("item1").label()).isEqualTo("Sentirse nervioso(a), ansioso(a) o con los nervios de punta");
        }

        @ParameterizedTest(name = "{0} → {1} {2}")
        @CsvSource(delimiter = '|', textBlock = """
                0 0 0 0 0 0 0 |  0 | Mínima
                1 1 1 1 1 0 0 |  5 | Leve
                2 2 2 2 2 0 0 | 10 | Moderada
                3 3 3 3 3 0 0 | 15 | Grave
                3 3 3 3 3 3 3 | 21 | Grave
                """)
        void the_spanish_gad7_gives_the_english_total_and_band(String scores, int total, String band) {
            scoresAlike(gad7, gad7Es, GAD7_BANDS, scores, total, band);
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

    /** item1..itemN of {@code document} answered with the option whose score is {@code scores[i]} (the first such). */
    private static Map<String, Object> scoredAnswers(WorksheetDocument document, String scores) {
        int[] values = Arrays.stream(scores.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            String key = "item" + (i + 1);
            int score = values[i];
            SingleChoice choice = (SingleChoice) document.field(key);
            answers.put(key, choice.options().stream().filter(o -> o.score() == score).findFirst()
                    .orElseThrow(() -> new AssertionError(key + " has no option scoring " + score)).value());
        }
        return answers;
    }

    private static void assertScored(WorksheetDocument document, String scores, int total, String band, int items) {
        Map<String, Object> answers = scoredAnswers(document, scores);
        assertThat(document.checkAnswers(answers, true)).isEmpty();
        ScoreResult result = Scorer.score(document, answers);
        assertThat(result.total()).isEqualTo(total);
        assertThat(result.band()).isEqualTo(band);
        assertThat(result.complete()).isTrue();
        assertThat(result.items()).isEqualTo(items);
    }

    @Nested
    class Pcl5 {

        private final WorksheetDocument pcl5 = load("pcl-5.yaml");

        @Test
        void the_shipped_pcl5_is_publishable_with_20_items_from_0_to_80_and_a_cutoff_of_33() {
            assertThat(pcl5.problems(true)).isEmpty();
            assertThat(pcl5.scoring().items()).hasSize(20);
            assertThat(pcl5.scoring().min(pcl5)).isZero();
            assertThat(pcl5.scoring().max(pcl5)).isEqualTo(80);
            assertThat(pcl5.scoring().cutoff()).isEqualTo(33);
            assertThat(pcl5.scoring().alerts()).isEmpty();
            assertThat(pcl5.scoring().subscales()).isEmpty();
        }

        @ParameterizedTest(name = "{0} → {1} {2}")
        @CsvSource(delimiter = '|', textBlock = """
                0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 |  0 | Below the cut-off
                4 4 4 4 4 4 4 4 0 0 0 0 0 0 0 0 0 0 0 0 | 32 | Below the cut-off
                4 4 4 4 4 4 4 4 1 0 0 0 0 0 0 0 0 0 0 0 | 33 | At or above the cut-off (probable PTSD)
                1 2 3 4 0 1 2 3 4 0 1 2 3 4 0 1 2 3 4 0 | 40 | At or above the cut-off (probable PTSD)
                4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 | 80 | At or above the cut-off (probable PTSD)
                """)
        void pcl5_totals_on_both_sides_of_the_cutoff(String scores, int total, String band) {
            assertScored(pcl5, scores, total, band, 20);
            assertThat(Scorer.score(pcl5, scoredAnswers(pcl5, scores)).alerts()).isEmpty();
        }

        @Test
        void pcl5_options_run_from_not_at_all_0_to_extremely_4() {
            SingleChoice item = (SingleChoice) pcl5.field("item20");
            assertThat(item.options()).extracting(Option::label)
                    .containsExactly("Not at all", "A little bit", "Moderately", "Quite a bit", "Extremely");
            assertThat(item.options()).extracting(Option::score).containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Nested
    class Dass21 {

        private final WorksheetDocument dass = load("dass-21.yaml");
        private static final List<Integer> DEPRESSION = List.of(3, 5, 10, 13, 16, 17, 21);
        private static final List<Integer> ANXIETY = List.of(2, 4, 7, 9, 15, 19, 20);
        private static final List<Integer> STRESS = List.of(1, 6, 8, 11, 12, 14, 18);

        /** All 21 items answered: the subscale's items add up to {@code raw} (3s first), every other item 0. */
        private Map<String, Object> answersWith(List<Integer> subscaleItems, int raw) {
            int[] scores = new int[21];
            int left = raw;
            for (int item : subscaleItems) {
                scores[item - 1] = Math.min(3, left);
                left -= scores[item - 1];
            }
            assertThat(left).as("raw %d fits in 7 items of 0–3", raw).isZero();
            return scoredAnswers(dass, Arrays.stream(scores).mapToObj(String::valueOf).reduce((a, b) -> a + " " + b).orElseThrow());
        }

        @Test
        void the_shipped_dass21_is_publishable_with_three_doubled_subscales_of_seven_items() {
            assertThat(dass.problems(true)).isEmpty();
            Scoring scoring = dass.scoring();
            assertThat(scoring.items()).hasSize(21);
            assertThat(scoring.bands()).as("the published scoring is per subscale").isEmpty();
            assertThat(scoring.min(dass)).isZero();
            assertThat(scoring.max(dass)).isEqualTo(63);
            assertThat(scoring.subscales()).extracting(Scoring.Subscale::key).containsExactly("depression", "anxiety", "stress");
            assertThat(scoring.subscales().get(0).items()).containsExactlyElementsOf(DEPRESSION.stream().map(i -> "item" + i).toList());
            assertThat(scoring.subscales().get(1).items()).containsExactlyElementsOf(ANXIETY.stream().map(i -> "item" + i).toList());
            assertThat(scoring.subscales().get(2).items()).containsExactlyElementsOf(STRESS.stream().map(i -> "item" + i).toList());
            for (Scoring.Subscale subscale : scoring.subscales()) {
                assertThat(subscale.multiplier()).isEqualTo(2);
                assertThat(subscale.min(dass)).isZero();
                assertThat(subscale.max(dass)).isEqualTo(42);
                assertThat(subscale.reliability()).isNotNull();
                assertThat(subscale.normSd()).isNotNull();
            }
            assertThat(scoring.subscales()).extracting(Scoring.Subscale::cutoff).containsExactly(10, 8, 15);
        }

        @Test
        void every_item_belongs_to_exactly_one_subscale() {
            List<String> all = dass.scoring().subscales().stream().flatMap(s -> s.items().stream()).toList();
            assertThat(all).hasSize(21).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(dass.scoring().items());
        }

        // raw sum of the 7 items → doubled score → band (Lovibond & Lovibond 1995), both sides of every boundary
        @ParameterizedTest(name = "depression raw {0} → {1} {2}")
        @CsvSource(delimiter = '|', textBlock = """
                 0 |  0 | Normal
                 4 |  8 | Normal
                 5 | 10 | Mild
                 6 | 12 | Mild
                 7 | 14 | Moderate
                10 | 20 | Moderate
                11 | 22 | Severe
                13 | 26 | Severe
                14 | 28 | Extremely severe
                21 | 42 | Extremely severe
                """)
        void depression_is_doubled_and_banded(int raw, int doubled, String band) {
            assertSubscale(DEPRESSION, "depression", raw, doubled, band);
        }

        @ParameterizedTest(name = "anxiety raw {0} → {1} {2}")
        @CsvSource(delimiter = '|', textBlock = """
                 0 |  0 | Normal
                 3 |  6 | Normal
                 4 |  8 | Mild
                 5 | 10 | Moderate
                 7 | 14 | Moderate
                 8 | 16 | Severe
                 9 | 18 | Severe
                10 | 20 | Extremely severe
                21 | 42 | Extremely severe
                """)
        void anxiety_is_doubled_and_banded(int raw, int doubled, String band) {
            assertSubscale(ANXIETY, "anxiety", raw, doubled, band);
        }

        @ParameterizedTest(name = "stress raw {0} → {1} {2}")
        @CsvSource(delimiter = '|', textBlock = """
                 0 |  0 | Normal
                 7 | 14 | Normal
                 8 | 16 | Mild
                 9 | 18 | Mild
                10 | 20 | Moderate
                12 | 24 | Moderate
                13 | 26 | Severe
                16 | 32 | Severe
                17 | 34 | Extremely severe
                21 | 42 | Extremely severe
                """)
        void stress_is_doubled_and_banded(int raw, int doubled, String band) {
            assertSubscale(STRESS, "stress", raw, doubled, band);
        }

        private void assertSubscale(List<Integer> items, String key, int raw, int doubled, String band) {
            Map<String, Object> answers = answersWith(items, raw);
            assertThat(dass.checkAnswers(answers, true)).isEmpty();
            ScoreResult result = Scorer.score(dass, answers);
            assertThat(result.total()).as("the total is the plain sum, not doubled").isEqualTo(raw);
            assertThat(result.band()).isNull();
            assertThat(result.alerts()).isEmpty();
            assertThat(result.subscales()).hasSize(3);
            ScoreResult.SubscaleScore score = result.subscale(key);
            assertThat(score.total()).isEqualTo(doubled);
            assertThat(score.band()).isEqualTo(band);
            assertThat(score.answered()).isEqualTo(7);
            assertThat(score.items()).isEqualTo(7);
            assertThat(score.complete()).isTrue();
            result.subscales().stream().filter(s -> !s.key().equals(key)).forEach(other -> {
                assertThat(other.total()).as(other.key()).isZero();
                assertThat(other.band()).as(other.key()).isEqualTo("Normal");
            });
        }

        @Test
        void a_mixed_set_adds_up_per_subscale() {
            // items 1..21 = 0 1 2 3 0 1 2 3 ...: depression items 3,5,10,13,16,17,21 → 2+0+1+0+3+0+0 = 6 → 12;
            // anxiety 2,4,7,9,15,19,20 → 1+3+2+0+2+2+3 = 13 → 26; stress 1,6,8,11,12,14,18 → 0+1+3+2+3+1+1 = 11 → 22
            ScoreResult result = Scorer.score(dass, scoredAnswers(dass, "0 1 2 3 0 1 2 3 0 1 2 3 0 1 2 3 0 1 2 3 0"));
            assertThat(result.total()).isEqualTo(30);
            assertThat(result.subscales()).extracting(ScoreResult.SubscaleScore::total).containsExactly(12, 26, 22);
            assertThat(result.subscales()).extracting(ScoreResult.SubscaleScore::band)
                    .containsExactly("Mild", "Extremely severe", "Moderate");
            assertThat(result.subscales()).extracting(ScoreResult.SubscaleScore::label)
                    .containsExactly("Depression", "Anxiety", "Stress");
        }

        @Test
        void a_subscale_with_a_question_unanswered_is_not_complete() {
            Map<String, Object> answers = answersWith(DEPRESSION, 21);
            answers.remove("item21");
            ScoreResult result = Scorer.score(dass, answers);
            ScoreResult.SubscaleScore depression = result.subscale("depression");
            assertThat(depression.total()).isEqualTo(36);
            assertThat(depression.answered()).isEqualTo(6);
            assertThat(depression.complete()).isFalse();
            assertThat(result.subscale("anxiety").complete()).isTrue();
            assertThat(result.complete()).isFalse();
        }
    }

    @Nested
    class Phq15 {

        private final WorksheetDocument phq15 = load("phq-15.yaml");

        @Test
        void the_shipped_phq15_is_publishable_with_15_items_from_0_to_30() {
            assertThat(phq15.problems(true)).isEmpty();
            assertThat(phq15.scoring().items()).hasSize(15);
            assertThat(phq15.scoring().min(phq15)).isZero();
            assertThat(phq15.scoring().max(phq15)).isEqualTo(30);
            assertThat(phq15.scoring().cutoff()).isEqualTo(10);
        }

        @ParameterizedTest(name = "{0} → {1} {2}")
        @CsvSource(delimiter = '|', textBlock = """
                0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 |  0 | Minimal
                2 2 0 0 0 0 0 0 0 0 0 0 0 0 0 |  4 | Minimal
                2 2 1 0 0 0 0 0 0 0 0 0 0 0 0 |  5 | Low
                2 2 2 2 1 0 0 0 0 0 0 0 0 0 0 |  9 | Low
                2 2 2 2 2 0 0 0 0 0 0 0 0 0 0 | 10 | Medium
                2 2 2 2 2 2 2 0 0 0 0 0 0 0 0 | 14 | Medium
                2 2 2 2 2 2 2 1 0 0 0 0 0 0 0 | 15 | High
                2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 | 30 | High
                """)
        void phq15_totals_and_bands(String scores, int total, String band) {
            assertScored(phq15, scores, total, band, 15);
        }

        @Test
        void the_menstrual_question_that_does_not_apply_scores_zero_and_counts_as_answered() {
            Map<String, Object> answers = scoredAnswers(phq15, "1 1 1 0 1 1 1 1 1 1 1 1 1 1 1");
            answers.put("item4", "does-not-apply");
            assertThat(phq15.checkAnswers(answers, true)).isEmpty();
            ScoreResult result = Scorer.score(phq15, answers);
            assertThat(result.total()).isEqualTo(14);
            assertThat(result.band()).isEqualTo("Medium");
            assertThat(result.complete()).isTrue();
        }
    }

    @Nested
    class Audit {

        private final WorksheetDocument audit = load("audit.yaml");

        @Test
        void the_shipped_audit_is_publishable_with_10_items_from_0_to_40() {
            assertThat(audit.problems(true)).isEmpty();
            assertThat(audit.scoring().items()).hasSize(10);
            assertThat(audit.scoring().min(audit)).isZero();
            assertThat(audit.scoring().max(audit)).isEqualTo(40);
            assertThat(audit.scoring().cutoff()).isEqualTo(8);
        }

        @Test
        void items_1_to_8_score_0_to_4_and_items_9_and_10_score_0_2_or_4() {
            for (int i = 1; i <= 8; i++) {
                assertThat(((SingleChoice) audit.field("item" + i)).options()).extracting(Option::score)
                        .as("item" + i).containsExactly(0, 1, 2, 3, 4);
            }
            for (String key : List.of("item9", "item10")) {
                SingleChoice item = (SingleChoice) audit.field(key);
                assertThat(item.options()).extracting(Option::score).as(key).containsExactly(0, 2, 4);
                assertThat(item.options()).extracting(Option::label)
                        .containsExactly("No", "Yes, but not in the last year", "Yes, during the last year");
            }
        }

        @ParameterizedTest(name = "{0} → {1} {2}")
        @CsvSource(delimiter = '|', textBlock = """
                0 0 0 0 0 0 0 0 0 0 |  0 | Zone I: lower risk
                4 3 0 0 0 0 0 0 0 0 |  7 | Zone I: lower risk
                4 2 2 0 0 0 0 0 0 0 |  8 | Zone II: hazardous drinking
                4 4 4 1 0 0 0 0 2 0 | 15 | Zone II: hazardous drinking
                4 4 4 2 0 0 0 0 2 0 | 16 | Zone III: harmful drinking
                4 4 4 1 0 0 0 0 2 4 | 19 | Zone III: harmful drinking
                4 4 4 2 0 0 0 0 2 4 | 20 | Zone IV: possible dependence
                4 4 4 4 4 4 4 4 4 4 | 40 | Zone IV: possible dependence
                """)
        void audit_totals_and_zones(String scores, int total, String band) {
            assertScored(audit, scores, total, band, 10);
        }

        @Test
        void a_total_of_19_raises_no_alert() {
            ScoreResult result = Scorer.score(audit, scoredAnswers(audit, "4 4 4 1 0 0 0 0 2 4"));
            assertThat(result.total()).isEqualTo(19);
            assertThat(result.alerts()).isEmpty();
        }

        @Test
        void a_total_of_20_raises_the_zone_iv_alert_with_its_own_message_for_the_client() {
            ScoreResult result = Scorer.score(audit, scoredAnswers(audit, "4 4 4 2 0 0 0 0 2 4"));
            assertThat(result.total()).isEqualTo(20);
            assertThat(result.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.target()).isEqualTo(Scoring.TOTAL);
                assertThat(alert.value()).isEqualTo(20);
                assertThat(alert.label()).contains("20 or more");
                assertThat(alert.message()).contains("talk to your clinician").hasSizeLessThanOrEqualTo(Scoring.ALERT_MESSAGE);
            });
        }
    }

    @Nested
    class Phq2AndGad2 {

        private final WorksheetDocument phq2 = load("phq-2.yaml");
        private final WorksheetDocument gad2 = load("gad-2.yaml");

        @Test
        void both_screeners_are_publishable_from_0_to_6_with_a_cutoff_of_3() {
            for (WorksheetDocument screener : List.of(phq2, gad2)) {
                assertThat(screener.problems(true)).as(screener.title()).isEmpty();
                assertThat(screener.scoring().items()).containsExactly("item1", "item2");
                assertThat(screener.scoring().min(screener)).isZero();
                assertThat(screener.scoring().max(screener)).isEqualTo(6);
                assertThat(screener.scoring().cutoff()).isEqualTo(3);
                assertThat(screener.scoring().reliability()).as("no reliable change on a 0–6 screener").isNull();
            }
        }

        @Test
        void they_are_the_first_two_questions_of_the_phq9_and_the_gad7() {
            WorksheetDocument phq9 = load("phq-9.yaml");
            WorksheetDocument gad7 = load("gad-7.yaml");
            for (String key : List.of("item1", "item2")) {
                assertThat(phq2.field(key)).as("PHQ-2 " + key).isEqualTo(phq9.field(key));
                assertThat(gad2.field(key)).as("GAD-2 " + key).isEqualTo(gad7.field(key));
            }
        }

        @ParameterizedTest(name = "{0} → {1} {2}")
        @CsvSource(delimiter = '|', textBlock = """
                0 0 | 0 | Below the cut-off
                1 1 | 2 | Below the cut-off
                2 1 | 3 | At or above the cut-off (positive screen)
                3 3 | 6 | At or above the cut-off (positive screen)
                """)
        void both_screeners_totals_on_both_sides_of_the_cutoff(String scores, int total, String band) {
            assertScored(phq2, scores, total, band, 2);
            assertScored(gad2, scores, total, band, 2);
        }
    }

    @Nested
    class ChangeFigures {

        @Test
        void phq9_and_gad7_carry_reliability_sd_and_cutoff() {
            Scoring phq9 = load("phq-9.yaml").scoring();
            assertThat(phq9.reliability()).isEqualTo(0.84);
            assertThat(phq9.normSd()).isEqualTo(3.52);
            assertThat(phq9.cutoff()).isEqualTo(10);
            Scoring gad7 = load("gad-7.yaml").scoring();
            assertThat(gad7.reliability()).isEqualTo(0.83);
            assertThat(gad7.normSd()).isEqualTo(3.41);
            assertThat(gad7.cutoff()).isEqualTo(10);
        }

        @Test
        void the_range_of_phq9_and_gad7_is_0_to_27_and_0_to_21() {
            WorksheetDocument phq9 = load("phq-9.yaml");
            WorksheetDocument gad7 = load("gad-7.yaml");
            assertThat(phq9.scoring().min(phq9)).isZero();
            assertThat(phq9.scoring().max(phq9)).isEqualTo(27);
            assertThat(gad7.scoring().max(gad7)).isEqualTo(21);
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

        private List<FieldProblem> problems(List<String> items, List<String> reversed, List<Band> bands,
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
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-unknown", "ghost"));
        }

        @Test
        void a_short_text_cannot_be_a_scored_item() {
            List<String> withNote = new ArrayList<>(items);
            withNote.add("note");
            assertThat(problems(withNote, List.of(), bands, List.of()))
                    .containsExactly(new FieldProblem("note", "worksheet.problem.scoring-not-scorable"));
        }

        @Test
        void a_choice_without_scores_cannot_be_a_scored_item() {
            WorksheetDocument phq9 = load("phq-9.yaml");
            List<String> withDifficulty = new ArrayList<>(phq9.scoring().items());
            withDifficulty.add("difficulty");
            Scoring scoring = new Scoring(withDifficulty, List.of(), phq9.scoring().bands(), phq9.scoring().alerts());
            assertThat(phq9.withScoring(scoring).problems(true))
                    .containsExactly(new FieldProblem("difficulty", "worksheet.problem.scoring-not-scorable"));
        }

        @Test
        void an_item_counted_twice_is_reported() {
            assertThat(problems(List.of("r1", "r2", "r1"), List.of(), bands, List.of()))
                    .containsExactly(new FieldProblem("r1", "worksheet.problem.scoring-twice"));
        }

        @Test
        void a_reversed_item_that_is_not_an_item_is_reported() {
            assertThat(problems(items, List.of("r2", "extra"), bands, List.of()))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-unknown", "extra"));
        }

        @Test
        void overlapping_bands_are_reported() {
            List<Band> overlapping = List.of(new Band(0, 5, "Low"), new Band(5, 14, "High"));
            assertThat(problems(items, List.of(), overlapping, List.of()))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-bands"));
        }

        @Test
        void overlapping_bands_are_reported_whatever_their_order() {
            List<Band> overlapping = List.of(new Band(6, 14, "High"), new Band(0, 8, "Low"));
            assertThat(problems(items, List.of(), overlapping, List.of()))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-bands"));
        }

        @Test
        void an_inverted_or_unlabelled_band_is_reported() {
            assertThat(problems(items, List.of(), List.of(new Band(5, 0, "Low")), List.of()))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-bands"));
            assertThat(problems(items, List.of(), List.of(new Band(0, 5, " ")), List.of()))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-bands"));
        }

        @Test
        void an_alert_on_an_unknown_target_is_reported() {
            assertThat(problems(items, List.of(), bands, List.of(new AlertRule("item99", 1, "Look"))))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-unknown", "item99"));
        }

        @Test
        void an_alert_on_a_field_that_is_not_an_item_is_reported() {
            assertThat(problems(items, List.of(), bands, List.of(new AlertRule("extra", 1, "Look"))))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-unknown", "extra"));
        }

        @Test
        void an_alert_without_a_label_is_reported() {
            assertThat(problems(items, List.of(), bands, List.of(new AlertRule(Scoring.TOTAL, 10, ""))))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-alert-label"));
        }

        @Test
        void scoring_without_items_is_reported_when_publishing_only() {
            WorksheetDocument doc = measure(new Scoring(List.of(), List.of(), List.of(), List.of()));
            assertThat(doc.problems(false)).isEmpty();
            assertThat(doc.problems(true)).containsExactly(new FieldProblem(null, "worksheet.problem.scoring-no-items"));
        }

        @Test
        void more_than_10_bands_are_reported() {
            List<Band> eleven = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                eleven.add(new Band(i, i, "Band " + i));
            }
            assertThat(problems(items, List.of(), eleven, List.of()))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-too-many", 10));
        }

        // ------------------------------------------------------------------ subscales, change figures, messages

        private Scoring valid() {
            return new Scoring(items, List.of(), bands, List.of(),
                    List.of(new Scoring.Subscale("feel", "Feelings", List.of("r1", "r2"), 2, List.of(), 0.8, 4.0, 6)),
                    null, 0.84, 5.4, 6);
        }

        @Test
        void a_measure_with_a_subscale_and_change_figures_is_publishable() {
            assertThat(measure(valid()).problems(true)).isEmpty();
        }

        @Test
        void a_subscale_needs_known_items_a_key_a_label_and_a_key_of_its_own() {
            for (Scoring.Subscale bad : List.of(
                    new Scoring.Subscale("feel", "Feelings", List.of("r1", "note"), null, List.of(), null, null, null),
                    new Scoring.Subscale("feel", "Feelings", List.of("r1", "extra"), null, List.of(), null, null, null),
                    new Scoring.Subscale("feel", "Feelings", List.of(), null, List.of(), null, null, null),
                    new Scoring.Subscale("feel", "Feelings", List.of("r1", "r1"), null, List.of(), null, null, null),
                    new Scoring.Subscale("feel", " ", List.of("r1"), null, List.of(), null, null, null),
                    new Scoring.Subscale(Scoring.TOTAL, "Total", List.of("r1"), null, List.of(), null, null, null))) {
                assertThat(measure(valid().withSubscales(List.of(bad))).problems(true)).as(bad.toString()).singleElement()
                        .extracting(FieldProblem::messageKey).isEqualTo("worksheet.problem.scoring-subscale");
            }
            Scoring.Subscale one = new Scoring.Subscale("feel", "Feelings", List.of("r1"), null, List.of(), null, null, null);
            Scoring.Subscale same = new Scoring.Subscale("feel", "Again", List.of("r2"), null, List.of(), null, null, null);
            assertThat(measure(valid().withSubscales(List.of(one, same))).problems(true))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-subscale", "Again"));
        }

        @Test
        void a_subscale_band_overlap_or_multiplier_out_of_range_is_reported() {
            Scoring.Subscale overlapping = new Scoring.Subscale("feel", "Feelings", List.of("r1", "r2"), null,
                    List.of(new Band(0, 5, "Low"), new Band(5, 10, "High")), null, null, null);
            assertThat(measure(valid().withSubscales(List.of(overlapping))).problems(true))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-bands"));
            Scoring.Subscale times11 = new Scoring.Subscale("feel", "Feelings", List.of("r1"), 11, List.of(), null, null, null);
            assertThat(measure(valid().withSubscales(List.of(times11))).problems(true))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-multiplier", 10));
        }

        @Test
        void reliability_and_sd_come_together_and_within_range() {
            assertThat(measure(valid().withChange(0.84, null, null)).problems(true))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-change"));
            assertThat(measure(valid().withChange(null, 5.4, null)).problems(true))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-change"));
            for (double r : new double[] {0, 1, -0.2, 1.5, Double.NaN}) {
                assertThat(measure(valid().withChange(r, 5.4, null)).problems(true)).as("r = " + r)
                        .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-change"));
            }
            for (double sd : new double[] {0, -1, 1001, Double.NaN}) {
                assertThat(measure(valid().withChange(0.8, sd, null)).problems(true)).as("SD = " + sd)
                        .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-change"));
            }
            assertThat(measure(valid().withChange(null, null, null)).problems(true)).isEmpty();
            Scoring.Subscale half = new Scoring.Subscale("feel", "Feelings", List.of("r1"), null, List.of(), 0.8, null, null);
            assertThat(measure(valid().withSubscales(List.of(half))).problems(true))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-subscale-change", "Feelings"));
        }

        @Test
        void a_published_reliable_change_is_a_whole_number_of_points_within_the_range() {
            // the total runs 2–14, so a change can be at most 12 points
            Scoring v = valid();
            IntFunction<Scoring> points = p -> new Scoring(v.items(), v.reversed(), v.bands(),
                    v.alerts(), v.subscales(), v.multiplier(), null, null, null, p);
            assertThat(measure(points.apply(1)).problems(true)).isEmpty();
            assertThat(measure(points.apply(12)).problems(true)).isEmpty();
            for (int p : new int[] {0, -3, 13}) {
                assertThat(measure(points.apply(p)).problems(true)).as(p + " points")
                        .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-reliable-change", 12));
            }
        }

        @Test
        void the_cutoff_lies_above_the_lowest_score_and_at_most_the_highest() {
            // items r1 1–5, r2 1–5, c1 0–3, y1 0–1: the total runs 2–14
            assertThat(valid().min(measure(valid()))).isEqualTo(2);
            assertThat(valid().max(measure(valid()))).isEqualTo(14);
            assertThat(measure(valid().withChange(null, null, 14)).problems(true)).isEmpty();
            assertThat(measure(valid().withChange(null, null, 3)).problems(true)).isEmpty();
            assertThat(measure(valid().withChange(null, null, 15)).problems(true))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-cutoff", 3, 14));
            assertThat(measure(valid().withChange(null, null, 2)).problems(true))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-cutoff", 3, 14));
            // the subscale r1 + r2, doubled, runs 4–20
            Scoring.Subscale high = new Scoring.Subscale("feel", "Feelings", List.of("r1", "r2"), 2, List.of(), null, null, 21);
            assertThat(measure(valid().withSubscales(List.of(high))).problems(true))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-subscale-cutoff", "Feelings", 5, 20));
        }

        @Test
        void a_multiplier_runs_from_1_to_10_and_multiplies_the_total_and_its_range() {
            Scoring times3 = new Scoring(List.of("r1", "c1"), List.of(), List.of(new Band(0, 9, "Low"), new Band(10, 24, "High")),
                    List.of(new AlertRule(Scoring.TOTAL, 18, "High")), List.of(), 3, null, null, null);
            WorksheetDocument doc = measure(times3);
            assertThat(doc.problems(true)).isEmpty();
            assertThat(times3.min(doc)).isEqualTo(3);
            assertThat(times3.max(doc)).isEqualTo(24);
            // (r1 4 + c1 often 2) × 3 = 18: band and total alert see the multiplied total
            ScoreResult result = Scorer.score(doc, answers("r1", 4, "c1", "often"));
            assertThat(result.total()).isEqualTo(18);
            assertThat(result.band()).isEqualTo("High");
            assertThat(result.alerts()).containsExactly(new TriggeredAlert(Scoring.TOTAL, 18, "High"));
            for (int bad : new int[] {0, -1, 11}) {
                assertThat(measure(new Scoring(items, List.of(), bands, List.of(), List.of(), bad, null, null, null))
                        .problems(true)).containsExactly(new FieldProblem(null, "worksheet.problem.scoring-multiplier", 10));
            }
        }

        @Test
        void a_range_is_unknown_when_a_number_item_has_no_bounds() {
            WorksheetDocument doc = new WorksheetDocument("T", "", "R", WorksheetCategory.MEASURES, List.of(), 2, 1, "en",
                    List.of(new NumberInput("n", "Glasses of water", "", false, null, null, null, "")),
                    new Scoring(List.of("n"), List.of(), List.of(), List.of()));
            assertThat(doc.scoring().min(doc)).isNull();
            assertThat(doc.scoring().max(doc)).isNull();
            // so a cut-off cannot be checked against it, and is not refused
            assertThat(doc.withScoring(doc.scoring().withChange(null, null, 5)).problems(true)).isEmpty();
        }

        @Test
        void an_alert_message_for_the_client_is_kept_and_limited_to_500_characters() {
            AlertRule withMessage = new AlertRule(Scoring.TOTAL, 10, "High", "Talk to your therapist about this.");
            assertThat(problems(items, List.of(), bands, List.of(withMessage))).isEmpty();
            ScoreResult result = Scorer.score(measure(new Scoring(items, List.of(), bands, List.of(withMessage))),
                    answers("r1", 5, "r2", 5, "c1", "always", "y1", true));
            assertThat(result.alerts()).containsExactly(new TriggeredAlert(Scoring.TOTAL, 14, "High",
                    "Talk to your therapist about this."));
            AlertRule tooLong = new AlertRule(Scoring.TOTAL, 10, "High", "x".repeat(501));
            assertThat(problems(items, List.of(), bands, List.of(tooLong)))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-alert-message", 500));
            assertThat(new AlertRule(Scoring.TOTAL, 10, "High").message()).as("blank: the clinic's crisis text").isEmpty();
        }

        @Test
        void more_than_10_subscales_are_reported() {
            List<Scoring.Subscale> eleven = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                eleven.add(new Scoring.Subscale("s" + i, "Part " + i, List.of("r1"), null, List.of(), null, null, null));
            }
            assertThat(measure(valid().withSubscales(eleven)).problems(true))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-too-many", 10));
        }

        @Test
        void scoring_problems_in_a_draft_are_reported_once_it_has_items() {
            WorksheetDocument doc = measure(new Scoring(List.of("ghost"), List.of(), List.of(), List.of()));
            assertThat(doc.problems(false))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-unknown", "ghost"));
        }
    }
}
