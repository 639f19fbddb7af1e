package app.homeward.worksheet;

import app.homeward.worksheet.FieldTypes.Instructions;
import app.homeward.worksheet.FieldTypes.Option;
import app.homeward.worksheet.FieldTypes.RatingScale;
import app.homeward.worksheet.FieldTypes.ShortText;
import app.homeward.worksheet.FieldTypes.SingleChoice;
import app.homeward.worksheet.FieldTypes.YesNo;
import app.homeward.worksheet.VersionDiff.Change;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The document as a whole: its own problems, checking a whole set of answers, and what changed between versions. */
class WorksheetDocumentTest {

    static final Instructions INTRO = new Instructions("intro", "", "Fill this in after each episode.");
    static final ShortText SITUATION = new ShortText("situation", "Situation", "", true, null);
    static final RatingScale MOOD = new RatingScale("mood", "Mood", "", true, 0, 10, "Low", "", "High");
    static final YesNo HELPED = new YesNo("helped", "Did it help?", "", false);

    static WorksheetDocument document(List<Field> fields) {
        return new WorksheetDocument("Mood log", "Notice your mood", "Seeing patterns helps us plan.",
                WorksheetCategory.MOOD, List.of("mood"), 5, 1, "en", fields, null);
    }

    static WorksheetDocument sample() {
        return document(List.of(INTRO, SITUATION, MOOD, HELPED));
    }

    static WorksheetDocument with(String title, String rationale, List<String> tags, int minutes, int difficulty) {
        return new WorksheetDocument(title, "", rationale, WorksheetCategory.MOOD, tags, minutes, difficulty, "en",
                List.of(SITUATION), null);
    }

    static Map<String, Object> answers(Object... keysAndValues) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            answers.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return answers;
    }

    @Nested
    class Problems {

        @Test
        void the_sample_is_publishable() {
            assertThat(sample().problems(true)).isEmpty();
            assertThat(sample().problems(false)).isEmpty();
        }

        @Test
        void duplicate_field_keys_are_reported() {
            WorksheetDocument doc = document(List.of(SITUATION, MOOD, SITUATION.withKey("mood")));
            assertThat(doc.problems(false))
                    .containsExactly(new FieldProblem("mood", "worksheet.problem.duplicate-key", "mood"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "Item1", "item 1", "a/b", "-lead", "_lead", "ítem", "a.b",
                "a2345678901234567890123456789012345678901"})
        void an_invalid_field_key_is_reported(String key) {
            WorksheetDocument doc = document(List.of(SITUATION, new YesNo(key, "Question", "", false)));
            assertThat(doc.problems(false)).containsExactly(new FieldProblem(key, "worksheet.problem.key"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "item9", "0", "not-at-all", "a_b", "a234567890123456789012345678901234567890"})
        void a_valid_field_key_is_accepted(String key) {
            assertThat(WorksheetDocument.validKey(key)).isTrue();
            assertThat(document(List.of(new YesNo(key, "Question", "", false))).problems(true)).isEmpty();
        }

        @Test
        void a_missing_field_key_is_reported() {
            WorksheetDocument doc = document(List.of(new YesNo(null, "Question", "", false)));
            assertThat(doc.problems(false)).containsExactly(new FieldProblem(null, "worksheet.problem.key"));
        }

        @Test
        void a_blank_title_is_a_problem_only_when_publishing() {
            WorksheetDocument doc = with("  ", "Because", List.of(), 5, 1);
            assertThat(doc.problems(false)).isEmpty();
            assertThat(doc.problems(true)).containsExactly(new FieldProblem(null, "worksheet.problem.title-empty"));
        }

        @Test
        void a_blank_rationale_is_a_problem_only_when_publishing() {
            WorksheetDocument doc = with("Title", "", List.of(), 5, 1);
            assertThat(doc.problems(false)).isEmpty();
            assertThat(doc.problems(true)).containsExactly(new FieldProblem(null, "worksheet.problem.rationale-empty"));
        }

        @Test
        void a_new_blank_worksheet_is_a_valid_draft_but_not_publishable() {
            WorksheetDocument blank = WorksheetDocument.blank("", "en");
            assertThat(blank.problems(false)).isEmpty();
            assertThat(blank.problems(true)).containsExactlyInAnyOrder(
                    new FieldProblem(null, "worksheet.problem.title-empty"),
                    new FieldProblem(null, "worksheet.problem.rationale-empty"),
                    new FieldProblem(null, "worksheet.problem.no-fields"));
        }

        @Test
        void only_instructions_are_not_a_publishable_worksheet() {
            WorksheetDocument doc = document(List.of(INTRO));
            assertThat(doc.problems(false)).isEmpty();
            assertThat(doc.problems(true)).containsExactly(new FieldProblem(null, "worksheet.problem.no-fields"));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 4, -1, Integer.MAX_VALUE})
        void difficulty_outside_1_to_3_is_reported(int difficulty) {
            assertThat(with("T", "R", List.of(), 5, difficulty).problems(false))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.difficulty"));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3})
        void difficulty_1_to_3_is_fine(int difficulty) {
            assertThat(with("T", "R", List.of(), 5, difficulty).problems(true)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 241, -5, Integer.MIN_VALUE})
        void minutes_outside_1_to_240_are_reported(int minutes) {
            assertThat(with("T", "R", List.of(), minutes, 1).problems(false))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.minutes"));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 240})
        void minutes_at_either_end_are_fine(int minutes) {
            assertThat(with("T", "R", List.of(), minutes, 1).problems(true)).isEmpty();
        }

        @Test
        void more_than_12_tags_are_reported() {
            List<String> twelve = IntStream.range(0, 12).mapToObj(i -> "tag" + i).toList();
            assertThat(with("T", "R", twelve, 5, 1).problems(true)).isEmpty();
            List<String> thirteen = new ArrayList<>(twelve);
            thirteen.add("tag12");
            assertThat(with("T", "R", thirteen, 5, 1).problems(false))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.tags", 12, 30));
        }

        @Test
        void a_blank_or_overlong_tag_is_reported() {
            FieldProblem tags = new FieldProblem(null, "worksheet.problem.tags", 12, 30);
            assertThat(with("T", "R", List.of("ok", " "), 5, 1).problems(false)).containsExactly(tags);
            assertThat(with("T", "R", List.of("t".repeat(31)), 5, 1).problems(false)).containsExactly(tags);
        }

        @Test
        void over_long_title_description_and_rationale_are_reported_even_in_a_draft() {
            WorksheetDocument doc = new WorksheetDocument("t".repeat(121), "d".repeat(401), "r".repeat(2_001),
                    WorksheetCategory.MOOD, List.of(), 5, 1, "en", List.of(SITUATION), null);
            assertThat(doc.problems(false)).containsExactly(
                    new FieldProblem(null, "worksheet.problem.title-too-long", 120),
                    new FieldProblem(null, "worksheet.problem.description-too-long", 400),
                    new FieldProblem(null, "worksheet.problem.rationale-too-long", 2_000));
        }

        @Test
        void a_language_that_is_not_two_letters_is_reported() {
            WorksheetDocument doc = new WorksheetDocument("T", "", "R", WorksheetCategory.MOOD, List.of(), 5, 1,
                    "english", List.of(SITUATION), null);
            assertThat(doc.problems(false)).containsExactly(new FieldProblem(null, "worksheet.problem.language"));
        }

        @Test
        void one_field_over_the_limit_of_100_is_reported() {
            List<Field> fields = IntStream.range(0, 101)
                    .<Field>mapToObj(i -> new YesNo("q" + i, "Question " + i, "", false)).toList();
            assertThat(document(fields.subList(0, 100)).problems(true)).isEmpty();
            assertThat(document(fields).problems(false))
                    .containsExactly(new FieldProblem(null, "worksheet.problem.too-many-fields", 100));
        }

        @Test
        void field_problems_are_collected_with_document_problems() {
            WorksheetDocument doc = new WorksheetDocument("", "", "R", WorksheetCategory.MOOD, List.of(), 5, 1, "en",
                    List.of(new YesNo("a", "", "", false), new SingleChoice("b", "B", "", false, List.of())), null);
            assertThat(doc.problems(true)).containsExactlyInAnyOrder(
                    new FieldProblem(null, "worksheet.problem.title-empty"),
                    new FieldProblem("a", "worksheet.problem.label-empty"),
                    new FieldProblem("b", "worksheet.problem.two-choices"));
        }

        @Test
        void an_unpublishable_but_valid_draft_has_no_problems_as_a_draft() {
            WorksheetDocument doc = new WorksheetDocument("", "", "", null, null, 5, 1, null,
                    List.of(new YesNo("a", "", "", false)), null);
            assertThat(doc.category()).isEqualTo(WorksheetCategory.OTHER);
            assertThat(doc.language()).isEqualTo("en");
            assertThat(doc.problems(false)).isEmpty();
        }
    }

    @Nested
    class CheckAnswers {

        @Test
        void a_complete_valid_set_of_answers_has_no_problems() {
            assertThat(sample().checkAnswers(answers("situation", "bus", "mood", 4, "helped", true), true)).isEmpty();
        }

        @Test
        void an_answer_to_an_unknown_key_is_refused() {
            List<FieldProblem> problems = sample().checkAnswers(
                    answers("situation", "bus", "mood", 4, "extra", "sneaky"), true);
            assertThat(problems).containsExactly(new FieldProblem("extra", "worksheet.answer.not-expected"));
        }

        @Test
        void an_answer_to_instructions_is_refused() {
            List<FieldProblem> problems = sample().checkAnswers(
                    answers("situation", "bus", "mood", 4, "intro", "hello"), false);
            assertThat(problems).containsExactly(new FieldProblem("intro", "worksheet.answer.not-expected"));
        }

        @Test
        void each_bad_field_gets_exactly_one_problem() {
            List<FieldProblem> problems = sample().checkAnswers(
                    answers("situation", 42, "mood", 11, "helped", "yes"), false);
            assertThat(problems).containsExactly(
                    new FieldProblem("situation", "worksheet.answer.malformed"),
                    new FieldProblem("mood", "worksheet.answer.range", 0, 10),
                    new FieldProblem("helped", "worksheet.answer.yes-no"));
        }

        @Test
        void missing_required_answers_are_reported_on_submit_only() {
            WorksheetDocument doc = sample();
            assertThat(doc.checkAnswers(Map.of(), false)).isEmpty();
            assertThat(doc.checkAnswers(Map.of(), true)).containsExactly(
                    new FieldProblem("situation", "worksheet.answer.required"),
                    new FieldProblem("mood", "worksheet.answer.required"));
        }

        @Test
        void unknown_keys_and_bad_fields_are_all_reported_together() {
            List<FieldProblem> problems = sample().checkAnswers(
                    answers("ghost", 1, "situation", "x".repeat(501), "helped", false), true);
            assertThat(problems).containsExactlyInAnyOrder(
                    new FieldProblem("ghost", "worksheet.answer.not-expected"),
                    new FieldProblem("situation", "worksheet.answer.too-long", 500),
                    new FieldProblem("mood", "worksheet.answer.required"));
        }

        @Test
        void a_table_cell_problem_is_reported_with_its_cell_key() {
            FieldTypes.Table table = new FieldTypes.Table("record", "Record", "", false,
                    List.of(new ShortText("situation", "Situation", "", true, null)), null);
            WorksheetDocument doc = document(List.of(table));
            Map<String, Object> answers = answers("record", List.of(Map.of("situation", "bus"), Map.of("situation", 1)));
            assertThat(doc.checkAnswers(answers, true))
                    .containsExactly(new FieldProblem("record/1/situation", "worksheet.answer.malformed"));
        }
    }

    @Nested
    class Diff {

        @Test
        void identical_documents_have_no_changes() {
            assertThat(VersionDiff.compare(sample(), sample())).isEmpty();
            WorksheetDocument copy = WorksheetJson.read(WorksheetJson.write(sample()));
            assertThat(VersionDiff.compare(sample(), copy)).isEmpty();
        }

        @Test
        void an_added_field_is_named_by_its_label() {
            WorksheetDocument after = document(List.of(INTRO, SITUATION, MOOD, HELPED,
                    new YesNo("again", "Would you do it again?", "", false)));
            assertThat(VersionDiff.compare(sample(), after))
                    .containsExactly(new Change("worksheet.diff.field-added", "Would you do it again?"));
        }

        @Test
        void a_field_added_in_the_middle_is_not_a_reorder() {
            WorksheetDocument after = document(List.of(INTRO, new YesNo("again", "Again?", "", false), SITUATION, MOOD, HELPED));
            assertThat(VersionDiff.compare(sample(), after))
                    .containsExactly(new Change("worksheet.diff.field-added", "Again?"));
        }

        @Test
        void a_removed_field_is_reported() {
            WorksheetDocument after = document(List.of(INTRO, SITUATION, HELPED));
            assertThat(VersionDiff.compare(sample(), after))
                    .containsExactly(new Change("worksheet.diff.field-removed", "Mood"));
        }

        @Test
        void a_field_without_label_is_named_by_its_key() {
            WorksheetDocument after = document(List.of(SITUATION, MOOD, HELPED));
            assertThat(VersionDiff.compare(sample(), after))
                    .containsExactly(new Change("worksheet.diff.field-removed", "intro"));
        }

        @Test
        void a_changed_field_is_reported_under_its_new_label() {
            RatingScale wider = new RatingScale("mood", "Mood today", "", true, 0, 100, "Low", "", "High");
            WorksheetDocument after = document(List.of(INTRO, SITUATION, wider, HELPED));
            assertThat(VersionDiff.compare(sample(), after))
                    .containsExactly(new Change("worksheet.diff.field-changed", "Mood today"));
        }

        @Test
        void a_changed_required_flag_is_a_change() {
            WorksheetDocument after = document(List.of(INTRO, SITUATION, MOOD, new YesNo("helped", "Did it help?", "", true)));
            assertThat(VersionDiff.compare(sample(), after))
                    .containsExactly(new Change("worksheet.diff.field-changed", "Did it help?"));
        }

        @Test
        void reordered_fields_are_reported_once() {
            WorksheetDocument after = document(List.of(INTRO, MOOD, SITUATION, HELPED));
            assertThat(VersionDiff.compare(sample(), after)).containsExactly(new Change("worksheet.diff.reordered", ""));
            List<Field> reversed = new ArrayList<>(sample().fields());
            Collections.reverse(reversed);
            assertThat(VersionDiff.compare(sample(), document(reversed)))
                    .containsExactly(new Change("worksheet.diff.reordered", ""));
        }

        @Test
        void a_title_change_is_reported() {
            WorksheetDocument after = new WorksheetDocument("Daily mood log", "Notice your mood", "Seeing patterns helps us plan.",
                    WorksheetCategory.MOOD, List.of("mood"), 5, 1, "en", sample().fields(), null);
            assertThat(VersionDiff.compare(sample(), after)).containsExactly(new Change("worksheet.diff.title", ""));
        }

        @Test
        void changes_to_the_library_card_are_reported_one_by_one() {
            WorksheetDocument after = new WorksheetDocument("Mood log", "Notice it", "Seeing patterns helps us plan.",
                    WorksheetCategory.ACTIVITY, List.of("mood", "daily"), 10, 2, "es", sample().fields(), null);
            assertThat(VersionDiff.compare(sample(), after)).extracting(Change::messageKey).containsExactly(
                    "worksheet.diff.description", "worksheet.diff.category", "worksheet.diff.tags",
                    "worksheet.diff.minutes", "worksheet.diff.difficulty", "worksheet.diff.language");
        }

        @Test
        void a_scoring_change_is_reported() {
            Scoring before = new Scoring(List.of("mood"), List.of(), List.of(new Scoring.Band(0, 10, "All")), List.of());
            Scoring after = new Scoring(List.of("mood"), List.of(), List.of(new Scoring.Band(0, 4, "Low"),
                    new Scoring.Band(5, 10, "High")), List.of());
            assertThat(VersionDiff.compare(sample().withScoring(before), sample().withScoring(after)))
                    .containsExactly(new Change("worksheet.diff.scoring", ""));
            assertThat(VersionDiff.compare(sample(), sample().withScoring(before)))
                    .containsExactly(new Change("worksheet.diff.scoring", ""));
            assertThat(VersionDiff.compare(sample().withScoring(before), sample().withScoring(before))).isEmpty();
        }

        @Test
        void a_renamed_key_is_a_removal_and_an_addition() {
            WorksheetDocument after = document(List.of(INTRO, SITUATION, MOOD.withKey("feeling"), HELPED));
            assertThat(VersionDiff.compare(sample(), after)).containsExactly(
                    new Change("worksheet.diff.field-added", "Mood"),
                    new Change("worksheet.diff.field-removed", "Mood"));
        }

        @Test
        void a_changed_option_is_a_field_change() {
            SingleChoice before = new SingleChoice("c", "Choice", "", false,
                    List.of(new Option("a", "A", 0), new Option("b", "B", 1)));
            SingleChoice after = new SingleChoice("c", "Choice", "", false,
                    List.of(new Option("a", "A", 0), new Option("b", "B", 2)));
            assertThat(VersionDiff.compare(document(List.of(before)), document(List.of(after))))
                    .containsExactly(new Change("worksheet.diff.field-changed", "Choice"));
        }
    }
}
