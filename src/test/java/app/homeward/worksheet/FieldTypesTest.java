package app.homeward.worksheet;

import app.homeward.worksheet.FieldTypes.Checklist;
import app.homeward.worksheet.FieldTypes.DateInput;
import app.homeward.worksheet.FieldTypes.DurationInput;
import app.homeward.worksheet.FieldTypes.Instructions;
import app.homeward.worksheet.FieldTypes.LongText;
import app.homeward.worksheet.FieldTypes.MultipleChoice;
import app.homeward.worksheet.FieldTypes.NumberInput;
import app.homeward.worksheet.FieldTypes.Option;
import app.homeward.worksheet.FieldTypes.RatingScale;
import app.homeward.worksheet.FieldTypes.ShortText;
import app.homeward.worksheet.FieldTypes.SingleChoice;
import app.homeward.worksheet.FieldTypes.StepLadder;
import app.homeward.worksheet.FieldTypes.Table;
import app.homeward.worksheet.FieldTypes.TimeInput;
import app.homeward.worksheet.FieldTypes.YesNo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every field type decides alone which answers it accepts ({@link Field#check}) and what is wrong
 * with its own definition ({@link Field#definitionProblems}). Plain unit tests: no Spring context.
 */
class FieldTypesTest {

    // ---------------------------------------------------------------------------------------------
    // Sample fields, one of each type, all required unless said otherwise
    // ---------------------------------------------------------------------------------------------

    static Instructions instructions() {
        return new Instructions("intro", "", "Read this first.");
    }

    static ShortText shortText(boolean required) {
        return new ShortText("name", "Your name", "", required, null);
    }

    static LongText longText(boolean required) {
        return new LongText("story", "What happened?", "", required, null);
    }

    static NumberInput hours(boolean required) {
        return new NumberInput("hours", "Hours slept", "", required, BigDecimal.ZERO, new BigDecimal("24"),
                new BigDecimal("0.5"), "hours");
    }

    static RatingScale mood(boolean required) {
        return new RatingScale("mood", "Mood", "", required, 0, 10, "Worst", "", "Best");
    }

    static SingleChoice feeling(boolean required) {
        return new SingleChoice("feeling", "Feeling", "", required, options("calm", "tense", "angry"));
    }

    static MultipleChoice activities(boolean required) {
        return new MultipleChoice("activities", "What did you do?", "", required, options("walk", "read", "call", "cook"), 2);
    }

    static YesNo done(boolean required) {
        return new YesNo("done", "Did you do it?", "", required);
    }

    static DateInput when(boolean required) {
        return new DateInput("when", "When", "", required);
    }

    static TimeInput bedtime(boolean required) {
        return new TimeInput("bedtime", "Bedtime", "", required);
    }

    static DurationInput practice(boolean required) {
        return new DurationInput("practice", "How long?", "", required, null);
    }

    static Checklist steps(boolean required) {
        return new Checklist("steps", "Steps taken", "", required, options("breathe", "notice", "name"));
    }

    static Table record(boolean required) {
        return new Table("record", "Thought record", "", required, List.of(
                new ShortText("situation", "Situation", "", true, null),
                new RatingScale("intensity", "Intensity", "", false, 0, 100, "", "", ""),
                new YesNo("helped", "Did it help?", "", false)), null);
    }

    static StepLadder ladder(boolean required) {
        return new StepLadder("ladder", "Exposure ladder", "", required, "Step", "SUDS", 0, 100, null);
    }

    static List<Option> options(String... values) {
        return Arrays.stream(values).map(v -> new Option(v, "Label " + v, null)).toList();
    }

    static List<Option> manyOptions(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Option("o" + i, "Option " + i, null)).toList();
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    static Map<String, Object> step(String text, Object rating) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", text);
        step.put("rating", rating);
        return step;
    }

    static FieldProblem problem(String key, String messageKey, Object... arguments) {
        return new FieldProblem(key, messageKey, arguments);
    }

    static List<String> messageKeys(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::messageKey).toList();
    }

    static Stream<Field> answerableRequiredFields() {
        return Stream.of(shortText(true), longText(true), hours(true), mood(true), feeling(true), activities(true),
                done(true), when(true), bedtime(true), practice(true), steps(true), record(true), ladder(true));
    }

    // ---------------------------------------------------------------------------------------------
    // Across all types
    // ---------------------------------------------------------------------------------------------

    @Test
    void the_samples_cover_every_field_type() {
        Set<FieldType> covered = EnumSet.of(FieldType.INSTRUCTIONS);
        answerableRequiredFields().forEach(f -> covered.add(f.type()));
        assertThat(covered).containsExactlyInAnyOrder(FieldType.values());
    }

    static Stream<Arguments> validAnswers() {
        return Stream.of(
                arguments(shortText(true), "Sam"),
                arguments(longText(true), "I was on the bus and felt my heart race.\nThen it passed."),
                arguments(hours(true), new BigDecimal("7.5")),
                arguments(hours(true), 8),
                arguments(mood(true), 6),
                arguments(feeling(true), "tense"),
                arguments(activities(true), List.of("walk", "cook")),
                arguments(done(true), true),
                arguments(done(true), false),
                arguments(when(true), "2026-11-25"),
                arguments(bedtime(true), "22:45"),
                arguments(practice(true), 20),
                arguments(steps(true), List.of("breathe", "name")),
                arguments(record(true), List.of(row("situation", "On the bus", "intensity", 70, "helped", true),
                        row("situation", "At work"))),
                arguments(ladder(true), List.of(step("Look at a photo of a dog", 20), step("Pet a small dog", 70))));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("validAnswers")
    void a_valid_answer_passes_both_as_draft_and_on_submit(Field field, Object answer) {
        assertThat(field.check(answer, false)).isNull();
        assertThat(field.check(answer, true)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answerableRequiredFields")
    void a_missing_required_answer_passes_in_a_draft_but_is_refused_on_submit(Field field) {
        assertThat(field.check(null, false)).isNull();
        // tables and ladders say what is missing: a row, a step
        String expected = switch (field) {
            case FieldTypes.Table ignored -> "worksheet.answer.rows-required";
            case FieldTypes.StepLadder ignored -> "worksheet.answer.steps-required";
            default -> "worksheet.answer.required";
        };
        assertThat(field.check(null, true)).isEqualTo(problem(field.key(), expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answerableRequiredFields")
    void a_missing_optional_answer_passes_on_submit(Field required) {
        Field optional = optional(required);
        assertThat(optional.required()).isFalse();
        assertThat(optional.check(null, true)).isNull();
    }

    private static Field optional(Field field) {
        return switch (field) {
            case ShortText f -> shortText(false);
            case LongText f -> longText(false);
            case NumberInput f -> hours(false);
            case RatingScale f -> mood(false);
            case SingleChoice f -> feeling(false);
            case MultipleChoice f -> activities(false);
            case YesNo f -> done(false);
            case DateInput f -> when(false);
            case TimeInput f -> bedtime(false);
            case DurationInput f -> practice(false);
            case Checklist f -> steps(false);
            case Table f -> record(false);
            case StepLadder f -> ladder(false);
            case Instructions f -> f;
        };
    }

    static Stream<Arguments> wrongTypedAnswers() {
        Map<String, Object> map = Map.of("x", 1);
        return Stream.of(
                arguments(shortText(false), 42, "worksheet.answer.malformed"),
                arguments(shortText(false), true, "worksheet.answer.malformed"),
                arguments(shortText(false), List.of("a"), "worksheet.answer.malformed"),
                arguments(shortText(false), map, "worksheet.answer.malformed"),
                arguments(longText(false), 42, "worksheet.answer.malformed"),
                arguments(longText(false), map, "worksheet.answer.malformed"),
                arguments(hours(false), "7", "worksheet.answer.number"),
                arguments(hours(false), true, "worksheet.answer.number"),
                arguments(hours(false), List.of(7), "worksheet.answer.number"),
                arguments(hours(false), map, "worksheet.answer.number"),
                arguments(hours(false), Double.NaN, "worksheet.answer.number"),
                arguments(hours(false), Double.POSITIVE_INFINITY, "worksheet.answer.number"),
                arguments(mood(false), "7", "worksheet.answer.range"),
                arguments(mood(false), true, "worksheet.answer.range"),
                arguments(mood(false), new BigDecimal("6.5"), "worksheet.answer.range"),
                arguments(mood(false), map, "worksheet.answer.range"),
                arguments(feeling(false), 1, "worksheet.answer.choice"),
                arguments(feeling(false), List.of("calm"), "worksheet.answer.choice"),
                arguments(feeling(false), map, "worksheet.answer.choice"),
                arguments(feeling(false), true, "worksheet.answer.choice"),
                arguments(activities(false), "walk", "worksheet.answer.choice"),
                arguments(activities(false), map, "worksheet.answer.choice"),
                arguments(activities(false), List.of(1), "worksheet.answer.choice"),
                arguments(activities(false), Arrays.asList("walk", null), "worksheet.answer.choice"),
                arguments(done(false), "yes", "worksheet.answer.yes-no"),
                arguments(done(false), 1, "worksheet.answer.yes-no"),
                arguments(done(false), List.of(true), "worksheet.answer.yes-no"),
                arguments(when(false), 20261125, "worksheet.answer.date"),
                arguments(when(false), List.of("2026-11-25"), "worksheet.answer.date"),
                arguments(when(false), map, "worksheet.answer.date"),
                arguments(bedtime(false), 2230, "worksheet.answer.time"),
                arguments(bedtime(false), List.of("22:30"), "worksheet.answer.time"),
                arguments(practice(false), "20", "worksheet.answer.duration"),
                arguments(practice(false), new BigDecimal("1.5"), "worksheet.answer.duration"),
                arguments(practice(false), true, "worksheet.answer.duration"),
                arguments(steps(false), "breathe", "worksheet.answer.choice"),
                arguments(steps(false), map, "worksheet.answer.choice"),
                arguments(record(false), "rows", "worksheet.answer.malformed"),
                arguments(record(false), map, "worksheet.answer.malformed"),
                arguments(record(false), List.of("a row"), "worksheet.answer.malformed"),
                arguments(record(false), List.of(List.of("situation")), "worksheet.answer.malformed"),
                arguments(record(false), Collections.singletonList(null), "worksheet.answer.malformed"),
                arguments(ladder(false), "steps", "worksheet.answer.malformed"),
                arguments(ladder(false), map, "worksheet.answer.malformed"),
                arguments(ladder(false), List.of("a step"), "worksheet.answer.malformed"),
                arguments(ladder(false), List.of(Map.of("step", "x", "rating", 1, "extra", 2)), "worksheet.answer.malformed"),
                arguments(instructions(), "an answer", "worksheet.answer.not-expected"));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("wrongTypedAnswers")
    void a_wrong_typed_answer_is_refused_with_a_message_key_never_an_exception(Field field, Object answer,
                                                                               String messageKey) {
        FieldProblem[] problems = new FieldProblem[2];
        assertThatCode(() -> {
            problems[0] = field.check(answer, false);
            problems[1] = field.check(answer, true);
        }).doesNotThrowAnyException();
        for (FieldProblem problem : problems) {
            assertThat(problem).isNotNull();
            assertThat(problem.fieldKey()).isEqualTo(field.key());
            assertThat(problem.messageKey()).isEqualTo(messageKey);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // One type at a time
    // ---------------------------------------------------------------------------------------------

    @Nested
    class InstructionsField {

        @Test
        void instructions_take_no_answer() {
            assertThat(instructions().answerable()).isFalse();
            assertThat(instructions().required()).isFalse();
            assertThat(instructions().check(null, true)).isNull();
            assertThat(instructions().check("", false)).isEqualTo(problem("intro", "worksheet.answer.not-expected"));
        }

        @Test
        void empty_instructions_are_only_a_problem_when_publishing() {
            Instructions empty = new Instructions("intro", "", "  ");
            assertThat(empty.definitionProblems(false)).isEmpty();
            assertThat(empty.definitionProblems(true))
                    .containsExactly(new FieldProblem("intro", "worksheet.problem.instructions-empty"));
        }

        @Test
        void instructions_over_5000_characters_are_refused() {
            assertThat(new Instructions("intro", "", "x".repeat(5_000)).definitionProblems(true)).isEmpty();
            assertThat(new Instructions("intro", "", "x".repeat(5_001)).definitionProblems(false))
                    .containsExactly(new FieldProblem("intro", "worksheet.problem.text-too-long", 5_000));
        }
    }

    @Nested
    class Texts {

        @Test
        void long_text_takes_up_to_10000_characters() {
            assertThat(longText(true).check("x".repeat(10_000), true)).isNull();
            assertThat(longText(true).check("x".repeat(10_001), true))
                    .isEqualTo(problem("story", "worksheet.answer.too-long", 10_000));
        }

        @Test
        void oversized_text_is_refused_even_in_a_draft() {
            assertThat(longText(false).check("x".repeat(10_001), false))
                    .isEqualTo(problem("story", "worksheet.answer.too-long", 10_000));
        }

        @Test
        void short_text_defaults_to_500_characters() {
            assertThat(shortText(true).check("x".repeat(500), true)).isNull();
            assertThat(shortText(true).check("x".repeat(501), true))
                    .isEqualTo(problem("name", "worksheet.answer.too-long", 500));
        }

        @Test
        void a_text_field_with_its_own_max_length_uses_it() {
            ShortText initials = new ShortText("initials", "Initials", "", false, 3);
            assertThat(initials.check("abc", true)).isNull();
            assertThat(initials.check("abcd", true)).isEqualTo(problem("initials", "worksheet.answer.too-long", 3));
        }

        @Test
        void blank_text_counts_as_missing() {
            assertThat(shortText(true).check("   ", false)).isNull();
            assertThat(shortText(true).check("   ", true)).isEqualTo(problem("name", "worksheet.answer.required"));
            assertThat(longText(true).check("", true)).isEqualTo(problem("story", "worksheet.answer.required"));
        }

        @Test
        void a_max_length_outside_1_to_10000_is_a_definition_problem() {
            FieldProblem expected = new FieldProblem("name", "worksheet.problem.max-length", 10_000);
            assertThat(new ShortText("name", "Name", "", false, 0).definitionProblems(false)).containsExactly(expected);
            assertThat(new ShortText("name", "Name", "", false, 10_001).definitionProblems(false)).containsExactly(expected);
            assertThat(new LongText("name", "Name", "", false, 10_000).definitionProblems(true)).isEmpty();
        }

        @Test
        void label_over_300_characters_and_help_over_1000_are_definition_problems() {
            ShortText wordy = new ShortText("name", "l".repeat(301), "h".repeat(1_001), false, null);
            assertThat(wordy.definitionProblems(false)).containsExactly(
                    new FieldProblem("name", "worksheet.problem.label-too-long", 300),
                    new FieldProblem("name", "worksheet.problem.help-too-long", 1_000));
        }
    }

    @Nested
    class Numbers {

        @Test
        void a_number_on_its_step_within_its_range_passes() {
            assertThat(hours(true).check(new BigDecimal("0"), true)).isNull();
            assertThat(hours(true).check(new BigDecimal("24.0"), true)).isNull();
            assertThat(hours(true).check(7L, true)).isNull();
            assertThat(hours(true).check(BigInteger.TEN, true)).isNull();
            assertThat(hours(true).check(6.5d, true)).isNull();
        }

        @Test
        void number_outside_min_max_is_refused() {
            assertThat(hours(true).check(new BigDecimal("24.5"), true))
                    .isEqualTo(problem("hours", "worksheet.answer.range", "0", "24"));
            assertThat(hours(false).check(-1, false))
                    .isEqualTo(problem("hours", "worksheet.answer.range", "0", "24"));
        }

        @Test
        void number_off_its_half_step_is_refused() {
            assertThat(hours(true).check(new BigDecimal("7.3"), true))
                    .isEqualTo(problem("hours", "worksheet.answer.step", "0.5"));
            assertThat(hours(true).check(new BigDecimal("7.25"), true))
                    .isEqualTo(problem("hours", "worksheet.answer.step", "0.5"));
        }

        @Test
        void the_step_counts_from_the_minimum() {
            NumberInput odd = new NumberInput("odd", "Odd", "", false, BigDecimal.ONE, null, new BigDecimal("2"), "");
            assertThat(odd.check(3, true)).isNull();
            assertThat(odd.check(4, true)).isEqualTo(problem("odd", "worksheet.answer.step", "2"));
        }

        @Test
        void an_open_range_shows_a_dash_for_the_missing_bound() {
            NumberInput glasses = new NumberInput("glasses", "Glasses", "", false, BigDecimal.ZERO, null, null, "glasses");
            assertThat(glasses.check(1_000_000, true)).isNull();
            assertThat(glasses.check(-1, true)).isEqualTo(problem("glasses", "worksheet.answer.range", "0", "–"));
        }

        @Test
        void number_with_an_absurd_exponent_is_refused_not_thrown() {
            NumberInput unbounded = new NumberInput("n", "N", "", false, null, null, new BigDecimal("0.5"), "");
            FieldProblem[] problem = new FieldProblem[1];
            assertThatCode(() -> problem[0] = unbounded.check(new BigDecimal("1E+999999999"), true))
                    .doesNotThrowAnyException();
            assertThat(problem[0]).isNotNull();
            assertThat(problem[0].fieldKey()).isEqualTo("n");
        }

        @Test
        void min_above_max_and_a_non_positive_step_are_definition_problems() {
            NumberInput inverted = new NumberInput("n", "N", "", false, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ZERO, "");
            assertThat(inverted.definitionProblems(false)).containsExactly(
                    new FieldProblem("n", "worksheet.problem.min-above-max"),
                    new FieldProblem("n", "worksheet.problem.step"));
            assertThat(hours(true).definitionProblems(true)).isEmpty();
        }

        @Test
        void a_unit_over_30_characters_is_a_definition_problem() {
            NumberInput n = new NumberInput("n", "N", "", false, null, null, null, "u".repeat(31));
            assertThat(n.definitionProblems(false)).containsExactly(
                    new FieldProblem("n", "worksheet.problem.unit-too-long", 30));
        }
    }

    @Nested
    class Ratings {

        @Test
        void a_rating_at_either_end_passes() {
            assertThat(mood(true).check(0, true)).isNull();
            assertThat(mood(true).check(10, true)).isNull();
        }

        @Test
        void rating_outside_its_range_is_refused() {
            assertThat(mood(true).check(11, true)).isEqualTo(problem("mood", "worksheet.answer.range", 0, 10));
            assertThat(mood(false).check(-1, false)).isEqualTo(problem("mood", "worksheet.answer.range", 0, 10));
            assertThat(mood(false).check(Long.MAX_VALUE, false)).isEqualTo(problem("mood", "worksheet.answer.range", 0, 10));
        }

        @Test
        void a_whole_rating_written_with_decimals_counts() {
            assertThat(mood(true).check(new BigDecimal("7.0"), true)).isNull();
        }

        @Test
        void rating_span_over_100_is_a_definition_problem() {
            RatingScale suds = new RatingScale("suds", "SUDS", "", false, 0, 100, "", "", "");
            assertThat(suds.definitionProblems(true)).isEmpty();
            RatingScale tooWide = new RatingScale("wide", "Wide", "", false, 0, 101, "", "", "");
            assertThat(tooWide.definitionProblems(false))
                    .containsExactly(new FieldProblem("wide", "worksheet.problem.rating-range", 100));
        }

        @Test
        void a_rating_whose_min_is_not_below_its_max_is_a_definition_problem() {
            RatingScale flat = new RatingScale("flat", "Flat", "", false, 5, 5, "", "", "");
            RatingScale upsideDown = new RatingScale("down", "Down", "", false, 10, 0, "", "", "");
            assertThat(messageKeys(flat.definitionProblems(false))).containsExactly("worksheet.problem.rating-range");
            assertThat(messageKeys(upsideDown.definitionProblems(false))).containsExactly("worksheet.problem.rating-range");
        }

        @Test
        void anchor_words_over_60_characters_are_a_definition_problem() {
            RatingScale wordy = new RatingScale("r", "R", "", false, 0, 10, "a".repeat(61), "", "");
            assertThat(wordy.definitionProblems(false))
                    .containsExactly(new FieldProblem("r", "worksheet.problem.anchor-too-long", 60));
        }
    }

    @Nested
    class Choices {

        @Test
        void unknown_choice_value_is_refused() {
            assertThat(feeling(true).check("furious", true)).isEqualTo(problem("feeling", "worksheet.answer.choice"));
            assertThat(feeling(true).check("Tense", true)).isEqualTo(problem("feeling", "worksheet.answer.choice"));
        }

        @Test
        void an_empty_single_choice_counts_as_missing() {
            assertThat(feeling(true).check("", false)).isNull();
            assertThat(feeling(true).check("", true)).isEqualTo(problem("feeling", "worksheet.answer.required"));
        }

        @Test
        void duplicate_picks_are_refused() {
            assertThat(activities(false).check(List.of("walk", "walk"), false))
                    .isEqualTo(problem("activities", "worksheet.answer.choice"));
        }

        @Test
        void an_unknown_pick_is_refused() {
            assertThat(activities(false).check(List.of("walk", "swim"), false))
                    .isEqualTo(problem("activities", "worksheet.answer.choice"));
        }

        @Test
        void more_picks_than_max_selected_are_refused() {
            assertThat(activities(false).check(List.of("walk", "read", "cook"), false))
                    .isEqualTo(problem("activities", "worksheet.answer.too-many-picks", 2));
        }

        @Test
        void more_picks_than_there_are_options_are_refused() {
            assertThat(activities(false).check(List.of("walk", "read", "cook", "call", "walk"), false))
                    .isEqualTo(problem("activities", "worksheet.answer.choice"));
        }

        @Test
        void no_picks_count_as_missing() {
            assertThat(activities(true).check(List.of(), false)).isNull();
            assertThat(activities(true).check(List.of(), true)).isEqualTo(problem("activities", "worksheet.answer.required"));
        }

        @Test
        void single_choice_needs_two_options_only_when_publishing() {
            SingleChoice none = new SingleChoice("c", "Choose", "", false, List.of());
            SingleChoice one = new SingleChoice("c", "Choose", "", false, options("only"));
            assertThat(none.definitionProblems(false)).isEmpty();
            assertThat(none.definitionProblems(true)).containsExactly(new FieldProblem("c", "worksheet.problem.two-choices"));
            assertThat(one.definitionProblems(true)).containsExactly(new FieldProblem("c", "worksheet.problem.two-choices"));
            assertThat(feeling(true).definitionProblems(true)).isEmpty();
        }

        @Test
        void multiple_choice_without_options_is_a_problem_only_when_publishing() {
            MultipleChoice none = new MultipleChoice("m", "Pick", "", false, List.of(), null);
            assertThat(none.definitionProblems(false)).isEmpty();
            assertThat(none.definitionProblems(true)).containsExactly(new FieldProblem("m", "worksheet.problem.no-choices"));
        }

        @Test
        void more_than_50_choices_are_refused_even_in_a_draft() {
            SingleChoice fifty = new SingleChoice("c", "Choose", "", false, manyOptions(50));
            SingleChoice fiftyOne = new SingleChoice("c", "Choose", "", false, manyOptions(51));
            assertThat(fifty.definitionProblems(true)).isEmpty();
            assertThat(fiftyOne.definitionProblems(false))
                    .containsExactly(new FieldProblem("c", "worksheet.problem.too-many-choices", 50));
            assertThat(new MultipleChoice("m", "M", "", false, manyOptions(51), null).definitionProblems(false))
                    .containsExactly(new FieldProblem("m", "worksheet.problem.too-many-choices", 50));
        }

        @Test
        void option_values_must_be_keys_and_unique() {
            SingleChoice spaced = new SingleChoice("c", "C", "", false,
                    List.of(new Option("Not at all", "Not at all", 0), new Option("often", "Often", 1)));
            SingleChoice twice = new SingleChoice("c", "C", "", false,
                    List.of(new Option("often", "Often", 0), new Option("often", "Often again", 1)));
            assertThat(spaced.definitionProblems(false)).containsExactly(new FieldProblem("c", "worksheet.problem.choice-value"));
            assertThat(twice.definitionProblems(false)).containsExactly(new FieldProblem("c", "worksheet.problem.choice-value"));
        }

        @Test
        void a_blank_option_label_is_a_problem_when_publishing() {
            SingleChoice blank = new SingleChoice("c", "C", "", false,
                    List.of(new Option("a", "A", null), new Option("b", " ", null)));
            assertThat(blank.definitionProblems(false)).isEmpty();
            assertThat(blank.definitionProblems(true))
                    .containsExactly(new FieldProblem("c", "worksheet.problem.choice-label-empty"));
        }

        @Test
        void max_selected_beyond_the_options_is_a_definition_problem() {
            MultipleChoice greedy = new MultipleChoice("m", "M", "", false, options("a", "b"), 3);
            MultipleChoice zero = new MultipleChoice("m", "M", "", false, options("a", "b"), 0);
            assertThat(greedy.definitionProblems(false)).containsExactly(new FieldProblem("m", "worksheet.problem.max-selected"));
            assertThat(zero.definitionProblems(false)).containsExactly(new FieldProblem("m", "worksheet.problem.max-selected"));
        }
    }

    @Nested
    class YesNoField {

        @Test
        void no_is_an_answer_to_a_required_question() {
            assertThat(done(true).check(false, true)).isNull();
        }

        @Test
        void yes_no_as_words_is_refused() {
            assertThat(done(true).check("true", true)).isEqualTo(problem("done", "worksheet.answer.yes-no"));
        }
    }

    @Nested
    class DatesAndTimes {

        @Test
        void a_date_that_does_not_parse_is_refused() {
            assertThat(when(false).check("25/11/2026", false)).isEqualTo(problem("when", "worksheet.answer.date"));
            assertThat(when(false).check("2026-02-30", false)).isEqualTo(problem("when", "worksheet.answer.date"));
            assertThat(when(false).check("yesterday", false)).isEqualTo(problem("when", "worksheet.answer.date"));
        }

        @Test
        void an_empty_date_counts_as_missing() {
            assertThat(when(true).check("", false)).isNull();
            assertThat(when(true).check("", true)).isEqualTo(problem("when", "worksheet.answer.required"));
        }

        @Test
        void a_time_that_does_not_parse_is_refused() {
            assertThat(bedtime(false).check("24:00", false)).isEqualTo(problem("bedtime", "worksheet.answer.time"));
            assertThat(bedtime(false).check("10pm", false)).isEqualTo(problem("bedtime", "worksheet.answer.time"));
            assertThat(bedtime(false).check("9:30", false)).isEqualTo(problem("bedtime", "worksheet.answer.time"));
        }

        @Test
        void an_empty_time_counts_as_missing() {
            assertThat(bedtime(true).check("", false)).isNull();
            assertThat(bedtime(true).check("", true)).isEqualTo(problem("bedtime", "worksheet.answer.required"));
        }
    }

    @Nested
    class Durations {

        @Test
        void a_duration_is_whole_minutes_up_to_a_day() {
            assertThat(practice(true).check(0, true)).isNull();
            assertThat(practice(true).check(1_440, true)).isNull();
            assertThat(practice(true).check(1_441, true)).isEqualTo(problem("practice", "worksheet.answer.duration", 1_440));
            assertThat(practice(true).check(-5, true)).isEqualTo(problem("practice", "worksheet.answer.duration", 1_440));
        }

        @Test
        void a_duration_with_its_own_maximum_uses_it() {
            DurationInput hour = new DurationInput("d", "D", "", false, 60);
            assertThat(hour.check(60, true)).isNull();
            assertThat(hour.check(61, true)).isEqualTo(problem("d", "worksheet.answer.duration", 60));
        }

        @Test
        void a_max_duration_outside_a_day_is_a_definition_problem() {
            assertThat(new DurationInput("d", "D", "", false, 1_441).definitionProblems(false))
                    .containsExactly(new FieldProblem("d", "worksheet.problem.max-duration", 1_440));
            assertThat(new DurationInput("d", "D", "", false, 0).definitionProblems(false))
                    .containsExactly(new FieldProblem("d", "worksheet.problem.max-duration", 1_440));
        }
    }

    @Nested
    class Checklists {

        @Test
        void checklist_unknown_item_is_refused() {
            assertThat(steps(false).check(List.of("breathe", "run"), false)).isEqualTo(problem("steps", "worksheet.answer.choice"));
        }

        @Test
        void a_checklist_item_ticked_twice_is_refused() {
            assertThat(steps(false).check(List.of("breathe", "breathe"), false)).isEqualTo(problem("steps", "worksheet.answer.choice"));
        }

        @Test
        void a_required_checklist_needs_a_tick_on_submit() {
            assertThat(steps(true).check(List.of(), false)).isNull();
            assertThat(steps(true).check(List.of(), true)).isEqualTo(problem("steps", "worksheet.answer.required"));
        }

        @Test
        void a_checklist_without_items_is_a_problem_only_when_publishing() {
            Checklist empty = new Checklist("c", "C", "", false, List.of());
            assertThat(empty.definitionProblems(false)).isEmpty();
            assertThat(empty.definitionProblems(true)).containsExactly(new FieldProblem("c", "worksheet.problem.no-choices"));
        }
    }

    @Nested
    class Tables {

        @Test
        void cell_key_is_table_slash_row_slash_column() {
            assertThat(FieldTypes.cellKey("record", 3, "situation")).isEqualTo("record/3/situation");
        }

        @Test
        void a_table_takes_at_most_200_rows() {
            List<Map<String, Object>> rows200 = new ArrayList<>();
            IntStream.range(0, 200).forEach(i -> rows200.add(row("situation", "s" + i)));
            assertThat(record(true).check(rows200, true)).isNull();
            List<Map<String, Object>> rows201 = new ArrayList<>(rows200);
            rows201.add(row("situation", "one more"));
            assertThat(record(true).check(rows201, false)).isEqualTo(problem("record", "worksheet.answer.too-many-rows", 200));
        }

        @Test
        void a_table_with_its_own_max_rows_uses_it() {
            Table small = new Table("small", "Small", "", false, List.of(new ShortText("a", "A", "", false, null)), 2);
            assertThat(small.check(List.of(row("a", "1"), row("a", "2")), true)).isNull();
            assertThat(small.check(List.of(row("a", "1"), row("a", "2"), row("a", "3")), true))
                    .isEqualTo(problem("small", "worksheet.answer.too-many-rows", 2));
        }

        @Test
        void a_cell_problem_is_reported_at_its_cell() {
            List<Map<String, Object>> rows = List.of(row("situation", "bus", "intensity", 40),
                    row("situation", "work", "intensity", 140));
            assertThat(record(false).check(rows, false))
                    .isEqualTo(problem("record/1/intensity", "worksheet.answer.range", 0, 100));
        }

        @Test
        void a_wrong_typed_cell_is_reported_at_its_cell() {
            assertThat(record(false).check(List.of(row("situation", 42)), false))
                    .isEqualTo(problem("record/0/situation", "worksheet.answer.malformed"));
            assertThat(record(false).check(List.of(row("situation", "x", "helped", "yes")), false))
                    .isEqualTo(problem("record/0/helped", "worksheet.answer.yes-no"));
        }

        @Test
        void a_required_column_applies_to_every_row_with_something_in_it_on_submit() {
            List<Map<String, Object>> rows = List.of(row("situation", "bus"), row("intensity", 30));
            assertThat(record(false).check(rows, false)).isNull();
            assertThat(record(false).check(rows, true)).isEqualTo(problem("record/1/situation", "worksheet.answer.required"));
        }

        @Test
        void a_row_with_an_unknown_column_is_refused() {
            assertThat(record(false).check(List.of(row("situation", "bus", "evil", "x")), false))
                    .isEqualTo(problem("record", "worksheet.answer.malformed"));
        }

        @Test
        void empty_rows_are_ignored() {
            List<Map<String, Object>> rows = List.of(row(), row("situation", "  "), row("situation", "bus"));
            assertThat(record(true).check(rows, true)).isNull();
        }

        @Test
        void empty_rows_still_count_for_the_row_index_of_a_cell_problem() {
            List<Map<String, Object>> rows = List.of(row(), row("situation", "bus", "intensity", 101));
            assertThat(record(false).check(rows, true)).isEqualTo(problem("record/1/intensity", "worksheet.answer.range", 0, 100));
        }

        @Test
        void a_required_table_with_only_empty_rows_is_refused_on_submit() {
            List<Map<String, Object>> rows = List.of(row(), row("situation", ""));
            assertThat(record(true).check(rows, false)).isNull();
            assertThat(record(true).check(rows, true)).isEqualTo(problem("record", "worksheet.answer.rows-required"));
            assertThat(record(true).check(List.of(), true)).isEqualTo(problem("record", "worksheet.answer.rows-required"));
        }

        @Test
        void more_than_12_columns_are_a_definition_problem() {
            List<Field> columns = IntStream.range(0, 13)
                    .<Field>mapToObj(i -> new ShortText("c" + i, "Column " + i, "", false, null)).toList();
            Table wide = new Table("wide", "Wide", "", false, columns, null);
            assertThat(wide.definitionProblems(false))
                    .containsExactly(new FieldProblem("wide", "worksheet.problem.too-many-columns", 12));
            Table twelve = new Table("ok", "OK", "", false, columns.subList(0, 12), null);
            assertThat(twelve.definitionProblems(true)).isEmpty();
        }

        @Test
        void a_table_column_of_a_non_simple_type_is_a_definition_problem() {
            Table nested = new Table("outer", "Outer", "", false, List.of(record(false)), null);
            Table ticks = new Table("outer", "Outer", "", false, List.of(steps(false)), null);
            assertThat(nested.definitionProblems(false)).containsExactly(new FieldProblem("outer", "worksheet.problem.column-type"));
            assertThat(ticks.definitionProblems(false)).containsExactly(new FieldProblem("outer", "worksheet.problem.column-type"));
        }

        @Test
        void column_keys_must_be_valid_and_unique() {
            Table twice = new Table("t", "T", "", false, List.of(shortText(false), shortText(false)), null);
            Table invalid = new Table("t", "T", "", false, List.of(new ShortText("Bad Key", "B", "", false, null)), null);
            assertThat(twice.definitionProblems(false)).containsExactly(new FieldProblem("t", "worksheet.problem.column-key"));
            assertThat(invalid.definitionProblems(false)).containsExactly(new FieldProblem("t", "worksheet.problem.column-key"));
        }

        @Test
        void a_column_problem_is_reported_on_the_table() {
            Table table = new Table("t", "T", "", false, List.of(new ShortText("c", "", "", false, null)), null);
            assertThat(table.definitionProblems(false)).isEmpty();
            assertThat(table.definitionProblems(true)).containsExactly(new FieldProblem("t", "worksheet.problem.label-empty"));
        }

        @Test
        void a_table_without_columns_is_a_problem_only_when_publishing() {
            Table empty = new Table("t", "T", "", false, List.of(), null);
            assertThat(empty.definitionProblems(false)).isEmpty();
            assertThat(empty.definitionProblems(true)).containsExactly(new FieldProblem("t", "worksheet.problem.no-columns"));
        }

        @Test
        void max_rows_over_200_is_a_definition_problem() {
            Table big = new Table("t", "T", "", false, List.of(shortText(false)), 201);
            assertThat(big.definitionProblems(false)).containsExactly(new FieldProblem("t", "worksheet.problem.max-rows", 200));
        }
    }

    @Nested
    class Ladders {

        @Test
        void ladder_rating_out_of_range_is_reported_at_its_step() {
            assertThat(ladder(false).check(List.of(step("photo", 20), step("touch", 101)), false))
                    .isEqualTo(problem("ladder/1/rating", "worksheet.answer.range", 0, 100));
            assertThat(ladder(false).check(List.of(step("photo", "high")), false))
                    .isEqualTo(problem("ladder/0/rating", "worksheet.answer.range", 0, 100));
        }

        @Test
        void a_ladder_takes_at_most_30_steps() {
            List<Map<String, Object>> thirty = new ArrayList<>();
            IntStream.range(0, 30).forEach(i -> thirty.add(step("step " + i, i)));
            assertThat(ladder(true).check(thirty, true)).isNull();
            List<Map<String, Object>> thirtyOne = new ArrayList<>(thirty);
            thirtyOne.add(step("one more", 50));
            assertThat(ladder(true).check(thirtyOne, false)).isEqualTo(problem("ladder", "worksheet.answer.too-many-steps", 30));
        }

        @Test
        void a_ladder_with_its_own_max_steps_uses_it() {
            StepLadder short3 = new StepLadder("l", "L", "", false, "", "", 0, 10, 2);
            assertThat(short3.check(List.of(step("a", 1), step("b", 2), step("c", 3)), false))
                    .isEqualTo(problem("l", "worksheet.answer.too-many-steps", 2));
        }

        @Test
        void a_rated_step_needs_its_text_on_submit() {
            List<Map<String, Object>> steps = List.of(step("", 40));
            assertThat(ladder(false).check(steps, false)).isNull();
            assertThat(ladder(false).check(steps, true)).isEqualTo(problem("ladder/0/step", "worksheet.answer.required"));
        }

        @Test
        void a_step_text_over_500_characters_is_refused() {
            assertThat(ladder(false).check(List.of(step("x".repeat(501), 10)), false))
                    .isEqualTo(problem("ladder/0/step", "worksheet.answer.too-long", 500));
        }

        @Test
        void a_step_text_of_the_wrong_type_is_refused() {
            assertThat(ladder(false).check(List.of(step(null, 10), Map.of("step", 42)), false))
                    .isEqualTo(problem("ladder/1/step", "worksheet.answer.malformed"));
        }

        @Test
        void empty_steps_are_ignored_and_a_required_ladder_needs_one_filled_step() {
            List<Map<String, Object>> empty = List.of(step("", null), step(" ", null));
            assertThat(ladder(true).check(empty, false)).isNull();
            assertThat(ladder(true).check(empty, true)).isEqualTo(problem("ladder", "worksheet.answer.steps-required"));
            List<Map<String, Object>> mixed = List.of(step("", null), step("Walk past the dog park", 30));
            assertThat(ladder(true).check(mixed, true)).isNull();
        }

        @Test
        void ladder_definition_limits() {
            assertThat(new StepLadder("l", "L", "", false, "", "", 0, 101, null).definitionProblems(false))
                    .containsExactly(new FieldProblem("l", "worksheet.problem.rating-range", 100));
            assertThat(new StepLadder("l", "L", "", false, "", "", 0, 100, 31).definitionProblems(false))
                    .containsExactly(new FieldProblem("l", "worksheet.problem.max-steps", 30));
            assertThat(ladder(true).definitionProblems(true)).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Definition problems across types
    // ---------------------------------------------------------------------------------------------

    static Stream<Field> blankLabelledFields() {
        return Stream.of(
                new ShortText("a", "", "", false, null),
                new LongText("a", " ", "", false, null),
                new NumberInput("a", "", "", false, null, null, null, ""),
                new RatingScale("a", "", "", false, 0, 10, "", "", ""),
                new SingleChoice("a", "", "", false, options("x", "y")),
                new MultipleChoice("a", "", "", false, options("x", "y"), null),
                new YesNo("a", "", "", false),
                new DateInput("a", "", "", false),
                new TimeInput("a", "", "", false),
                new DurationInput("a", "", "", false, null),
                new Checklist("a", "", "", false, options("x")),
                new Table("a", "", "", false, List.of(shortText(false)), null),
                new StepLadder("a", "", "", false, "", "", 0, 10, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blankLabelledFields")
    void an_empty_label_is_a_problem_only_when_publishing(Field field) {
        assertThat(field.definitionProblems(false)).isEmpty();
        assertThat(field.definitionProblems(true)).containsExactly(new FieldProblem("a", "worksheet.problem.label-empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answerableRequiredFields")
    void the_sample_fields_are_publishable_and_with_key_keeps_everything_else(Field field) {
        assertThat(field.definitionProblems(true)).isEmpty();
        Field copy = field.withKey("copy");
        assertThat(copy.key()).isEqualTo("copy");
        assertThat(copy.withKey(field.key())).isEqualTo(field);
        assertThat(copy).isNotEqualTo(field);
    }

    @Test
    void a_map_with_a_null_value_is_handled_as_an_empty_cell() {
        Map<String, Object> cells = new HashMap<>();
        cells.put("situation", null);
        cells.put("intensity", null);
        assertThat(record(true).check(List.of(cells), true)).isEqualTo(problem("record", "worksheet.answer.rows-required"));
    }
}
