package app.homeward.worksheet;

import app.homeward.base.DomainException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Documents and answers as JSON: a faithful round trip for every field type, and strict, bounded
 * reading that answers hostile input with {@code worksheet.invalid-document} (or
 * {@code worksheet.answer.malformed}), never another exception.
 */
class WorksheetJsonTest {

    private static final String VALID_SHORT = """
            {"title":"Mood log","minutes":5,"difficulty":1,
             "fields":[{"type":"short-text","key":"name","label":"Name"}]}""";

    static WorksheetDocument everyFieldType() {
        List<Option> frequency = List.of(new Option("never", "Never", 0), new Option("often", "Often", 1));
        List<Option> plain = List.of(new Option("walk", "Walk", null), new Option("read", "Read", null));
        List<Field> fields = List.of(
                new Instructions("intro", "Before you start", "Take a breath.\n\n- one\n- two"),
                new ShortText("situation", "Situation", "Where were you?", true, 200),
                new LongText("story", "What happened", "", false, null),
                new NumberInput("hours", "Hours slept", "", true, BigDecimal.ZERO, new BigDecimal("24"),
                        new BigDecimal("0.5"), "hours"),
                new RatingScale("mood", "Mood", "", true, 0, 10, "Worst", "So-so", "Best"),
                new SingleChoice("often", "How often", "", true, frequency),
                new MultipleChoice("did", "What did you do", "", false, plain, 1),
                new YesNo("done", "Done?", "", false),
                new DateInput("when", "When", "", false),
                new TimeInput("at", "At what time", "", false),
                new DurationInput("long", "How long", "", false, 90),
                new Checklist("ticks", "Ticks", "", false, plain),
                new Table("record", "Thought record", "One row per situation", false, List.of(
                        new ShortText("situation", "Situation", "", true, null),
                        new RatingScale("intensity", "Intensity", "", false, 0, 100, "", "", ""),
                        new SingleChoice("kind", "Kind", "", false, frequency),
                        new YesNo("helped", "Helped", "", false)), 20),
                new StepLadder("ladder", "Ladder", "", true, "Step", "SUDS", 0, 100, 12));
        Scoring scoring = new Scoring(List.of("mood", "often"), List.of("often"),
                List.of(new Scoring.Band(0, 5, "Low"), new Scoring.Band(6, 11, "High")),
                List.of(new Scoring.AlertRule("often", 1, "Often"), new Scoring.AlertRule(Scoring.TOTAL, 9, "High")));
        return new WorksheetDocument("Everything", "Every field type", "Because.", WorksheetCategory.THOUGHTS,
                List.of("cbt", "thoughts"), 15, 2, "en", fields, scoring);
    }

    private static void refusedAsInvalid(String json) {
        assertThatThrownBy(() -> WorksheetJson.read(json))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("worksheet.invalid-document"));
    }

    private static void refusedAsMalformedAnswers(String json) {
        assertThatThrownBy(() -> WorksheetJson.readAnswers(json))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("worksheet.answer.malformed"));
    }

    // ---------------------------------------------------------------------------------------------
    // Round trips
    // ---------------------------------------------------------------------------------------------

    @Test
    void a_document_with_every_field_type_survives_a_round_trip() {
        WorksheetDocument original = everyFieldType();
        Set<FieldType> types = EnumSet.noneOf(FieldType.class);
        original.fields().forEach(f -> types.add(f.type()));
        assertThat(types).containsExactlyInAnyOrder(FieldType.values());
        assertThat(original.problems(true)).isEmpty();

        String json = WorksheetJson.write(original);
        WorksheetDocument read = WorksheetJson.read(json);

        assertThat(read).isEqualTo(original);
        assertThat(WorksheetJson.write(read)).isEqualTo(json);
    }

    @Test
    void fields_are_written_with_their_type_names() {
        String json = WorksheetJson.write(everyFieldType());
        for (String type : List.of("instructions", "short-text", "long-text", "number", "rating", "single-choice",
                "multiple-choice", "yes-no", "date", "time", "duration", "checklist", "table", "step-ladder")) {
            assertThat(json).contains("\"type\":\"" + type + "\"");
        }
    }

    @Test
    void a_blank_document_survives_a_round_trip() {
        WorksheetDocument blank = WorksheetDocument.blank("New worksheet", "es");
        assertThat(WorksheetJson.read(WorksheetJson.write(blank))).isEqualTo(blank);
    }

    @Test
    void markup_in_labels_is_kept_as_plain_text() {
        String script = "<script>alert(1)</script>";
        String bold = "<b>x</b>";
        String odd = "\"quoted\" & 'single' \\ back\u2028line é 😀";
        WorksheetDocument doc = new WorksheetDocument(script, bold, odd, WorksheetCategory.OTHER, List.of("<i>"), 5, 1,
                "en", List.of(new ShortText("a", script, bold, false, null),
                new SingleChoice("b", bold, "", false, List.of(new Option("x", script, null), new Option("y", odd, null)))),
                null);

        WorksheetDocument read = WorksheetJson.read(WorksheetJson.write(doc));

        assertThat(read).isEqualTo(doc);
        assertThat(read.title()).isEqualTo("<script>alert(1)</script>");
        assertThat(read.fields().get(0).label()).isEqualTo("<script>alert(1)</script>");
        assertThat(read.fields().get(0).help()).isEqualTo("<b>x</b>");
        assertThat(((SingleChoice) read.fields().get(1)).options().get(1).label()).isEqualTo(odd);
    }

    @Test
    void answers_survive_a_round_trip() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("situation", "On the bus <b>again</b>");
        answers.put("hours", new BigDecimal("7.5"));
        answers.put("mood", 6);
        answers.put("done", false);
        answers.put("ticks", List.of("walk", "read"));
        answers.put("record", List.of(Map.of("situation", "bus", "intensity", 70)));
        answers.put("ladder", List.of(Map.of("step", "Photo", "rating", 20)));
        answers.put("when", "2026-11-25");

        String json = WorksheetJson.writeAnswers(answers);
        Map<String, Object> read = WorksheetJson.readAnswers(json);

        assertThat(read).isEqualTo(answers);
        assertThat(read.keySet()).containsExactlyElementsOf(answers.keySet());
        assertThat(everyFieldType().checkAnswers(read, false)).isEmpty();
    }

    @Test
    void no_answers_read_as_an_empty_map() {
        assertThat(WorksheetJson.readAnswers(null)).isEmpty();
        assertThat(WorksheetJson.readAnswers("  ")).isEmpty();
        assertThat(WorksheetJson.readAnswers("null")).isEmpty();
        assertThat(WorksheetJson.readAnswers("{}")).isEmpty();
    }

    @Test
    void decimals_in_answers_are_read_as_big_decimals() {
        Map<String, Object> read = WorksheetJson.readAnswers("{\"hours\": 0.1, \"mood\": 3}");
        assertThat(read.get("hours")).isEqualTo(new BigDecimal("0.1"));
        assertThat(read.get("mood")).isEqualTo(3);
    }

    // ---------------------------------------------------------------------------------------------
    // Measurement-based care: subscales, multipliers, change figures, client messages (issue 13)
    // ---------------------------------------------------------------------------------------------

    static WorksheetDocument withSubscalesAndChange() {
        List<Option> frequency = List.of(new Option("never", "Never", 0), new Option("sometimes", "Sometimes", 1),
                new Option("often", "Often", 2), new Option("always", "Always", 3));
        List<Field> fields = List.of(
                new Instructions("intro", "", "Over the past week:"),
                new SingleChoice("low", "I felt low", "", true, frequency),
                new SingleChoice("flat", "Nothing felt good", "", true, frequency),
                new SingleChoice("tense", "I felt tense", "", true, frequency),
                new RatingScale("calm", "I felt calm", "", true, 0, 3, "Never", "", "Always"));
        Scoring scoring = new Scoring(List.of("low", "flat", "tense", "calm"), List.of("calm"),
                List.of(new Scoring.Band(0, 9, "Lower"), new Scoring.Band(10, 24, "Higher")),
                List.of(new Scoring.AlertRule(Scoring.TOTAL, 20, "Very high total",
                        "Please bring this up with your therapist at your next session.")),
                List.of(new Scoring.Subscale("mood", "Mood", List.of("low", "flat"), 2,
                                List.of(new Scoring.Band(0, 5, "Usual"), new Scoring.Band(6, 12, "Low mood")), 0.81, 3.5, 6),
                        new Scoring.Subscale("tension", "Tension", List.of("tense", "calm"), null, List.of(), null, null, null)),
                2, 0.85, 5.0, 10);
        return new WorksheetDocument("Mood and tension", "A small two-part measure", "Helps us see change.",
                WorksheetCategory.MEASURES, List.of("measure"), 3, 1, "en", fields, scoring);
    }

    @Test
    void subscales_multipliers_change_figures_and_client_messages_survive_a_round_trip() {
        WorksheetDocument original = withSubscalesAndChange();
        assertThat(original.problems(true)).isEmpty();

        String json = WorksheetJson.write(original);
        WorksheetDocument read = WorksheetJson.read(json);

        assertThat(read).isEqualTo(original);
        assertThat(WorksheetJson.write(read)).isEqualTo(json);
        assertThat(json).contains("\"subscales\":[", "\"multiplier\":2", "\"reliability\":0.85", "\"normSd\":5.0",
                "\"cutoff\":10", "\"message\":\"Please bring this up");
        assertThat(read.scoring().min(read)).isZero();
        assertThat(read.scoring().max(read)).as("(3 + 3 + 3 + 3) × 2").isEqualTo(24);
        assertThat(read.scoring().subscales().getFirst().max(read)).as("(3 + 3) × 2").isEqualTo(12);
    }

    @Test
    void a_scoring_without_the_new_fields_is_written_exactly_as_before() {
        String json = WorksheetJson.write(everyFieldType());
        assertThat(json).contains("\"scoring\":{\"items\":[\"mood\",\"often\"],\"reversed\":[\"often\"],"
                + "\"bands\":[{\"min\":0,\"max\":5,\"label\":\"Low\"},{\"min\":6,\"max\":11,\"label\":\"High\"}],"
                + "\"alerts\":[{\"target\":\"often\",\"atLeast\":1,\"label\":\"Often\"},"
                + "{\"target\":\"total\",\"atLeast\":9,\"label\":\"High\"}]}");
        assertThat(json).doesNotContain("subscales", "multiplier", "reliability", "normSd", "cutoff", "message");
    }

    @Test
    void every_shipped_measure_survives_a_round_trip() {
        for (BuiltInLibrary.ShippedWorksheet shipped : BuiltInLibrary.read()) {
            WorksheetDocument read = WorksheetJson.read(shipped.json());
            assertThat(read).as(shipped.slug()).isEqualTo(shipped.document());
            assertThat(WorksheetJson.write(read)).as(shipped.slug()).isEqualTo(shipped.json());
        }
    }

    @Test
    void a_change_figure_of_the_wrong_type_is_refused_as_invalid() {
        String measure = WorksheetJson.write(withSubscalesAndChange());
        refusedAsInvalid(measure.replace("\"reliability\":0.85", "\"reliability\":\"high\""));
        refusedAsInvalid(measure.replace("\"cutoff\":10", "\"cutoff\":\"ten\""));
        refusedAsInvalid(measure.replace("\"multiplier\":2,", "\"multiplier\":[2],"));
        refusedAsInvalid(measure.replace("\"subscales\":[", "\"subscales\":[{\"key\":\"x\",\"weight\":3},"));
    }

    @Test
    void imported_change_figures_out_of_range_are_reported_as_clear_problems() {
        String measure = WorksheetJson.write(withSubscalesAndChange());
        assertThat(WorksheetJson.read(measure.replace("\"reliability\":0.85", "\"reliability\":1.5")).problems(true))
                .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-change"));
        assertThat(WorksheetJson.read(measure.replace("\"cutoff\":10", "\"cutoff\":25")).problems(true))
                .containsExactly(new FieldProblem(null, "worksheet.problem.scoring-cutoff", 1, 24));
        assertThat(WorksheetJson.read(measure.replace("\"multiplier\":2,", "\"multiplier\":0,")).problems(true))
                .contains(new FieldProblem(null, "worksheet.problem.scoring-multiplier", 10));
    }

    // ---------------------------------------------------------------------------------------------
    // Hostile and broken documents
    // ---------------------------------------------------------------------------------------------

    @Test
    void a_valid_short_document_reads() {
        WorksheetDocument doc = WorksheetJson.read(VALID_SHORT);
        assertThat(doc.title()).isEqualTo("Mood log");
        assertThat(doc.fields()).containsExactly(new ShortText("name", "Name", "", false, null));
        assertThat(doc.language()).isEqualTo("en");
        assertThat(doc.category()).isEqualTo(WorksheetCategory.OTHER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"title\": }", "not json", "{\"title\":\"a\",}", "{'title':'a'}",
            "{\"title\":\"a\"", "{\"fields\":[{\"type\":\"short-text\",\"key\":\"a\"}"})
    void malformed_json_is_refused(String json) {
        refusedAsInvalid(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"a document\"", "42", "true", "{\"fields\":{\"a\":1}}", "{\"minutes\":\"ten\"}",
            "{\"title\":[\"a\"]}", "{\"tags\":\"one\"}", "{\"category\":\"NOT_A_SHELF\"}",
            "{\"fields\":[\"short-text\"]}", "{\"fields\":[{\"key\":\"a\",\"label\":\"no type\"}]}",
            "{\"fields\":[null]}", "{\"tags\":[null]}", "{\"scoring\":{\"items\":[null]}}",
            "{\"fields\":[{\"type\":\"rating\",\"key\":\"r\",\"min\":\"low\"}]}",
            "{\"fields\":[{\"type\":\"single-choice\",\"key\":\"c\",\"options\":[\"a\",\"b\"]}]}"})
    void json_of_the_wrong_shape_is_refused(String json) {
        refusedAsInvalid(json);
    }

    @Test
    void an_unknown_property_is_refused() {
        refusedAsInvalid("{\"title\":\"a\",\"colour\":\"red\"}");
        refusedAsInvalid("{\"fields\":[{\"type\":\"short-text\",\"key\":\"a\",\"onclick\":\"alert(1)\"}]}");
        refusedAsInvalid("{\"scoring\":{\"items\":[\"a\"],\"formula\":\"a*2\"}}");
    }

    @Test
    void an_unknown_field_type_is_refused() {
        refusedAsInvalid("{\"fields\":[{\"type\":\"video\",\"key\":\"a\",\"label\":\"Watch\"}]}");
        refusedAsInvalid("{\"fields\":[{\"type\":\"SHORT_TEXT\",\"key\":\"a\",\"label\":\"A\"}]}");
    }

    @Test
    void trailing_content_after_the_document_is_refused() {
        refusedAsInvalid(VALID_SHORT + " {\"title\":\"second\"}");
    }

    @Test
    void a_null_document_is_refused() {
        refusedAsInvalid(null);
        refusedAsInvalid("null");
    }

    /** Tables inside tables: the parser does not care about types, only the nesting bound stops it. */
    private static String nestedTables(int depth) {
        String inner = "{\"type\":\"short-text\",\"key\":\"leaf\",\"label\":\"Leaf\"}";
        for (int i = 0; i < depth; i++) {
            inner = "{\"type\":\"table\",\"key\":\"t" + i + "\",\"label\":\"T\",\"columns\":[" + inner + "]}";
        }
        return "{\"title\":\"Deep\",\"fields\":[" + inner + "]}";
    }

    @Test
    void nesting_deeper_than_16_levels_is_refused() {
        // root object 1, fields array 2, then two levels per table, the leaf one more: 2n + 3
        assertThat(WorksheetJson.read(nestedTables(6)).fields()).hasSize(1);
        refusedAsInvalid(nestedTables(7));
        refusedAsInvalid(nestedTables(50));
    }

    @Test
    void absurdly_deep_nesting_is_refused_without_a_stack_overflow() {
        int depth = 100_000;
        refusedAsInvalid("{\"title\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        refusedAsInvalid("[".repeat(depth));
    }

    @Test
    void a_3_megabyte_document_is_refused() {
        String padded = "{\"title\":\"Big\"," + " ".repeat(3_000_000) + "\"minutes\":5}";
        refusedAsInvalid(padded);
    }

    @Test
    void a_huge_string_is_refused() {
        refusedAsInvalid("{\"title\":\"" + "a".repeat(1_000_000) + "\"}");
        refusedAsInvalid("{\"fields\":[{\"type\":\"instructions\",\"key\":\"i\",\"text\":\"" + "x".repeat(50_000) + "\"}]}");
    }

    @Test
    void a_huge_number_is_refused() {
        refusedAsInvalid("{\"minutes\":1" + "0".repeat(1_000) + "}");
        refusedAsInvalid("{\"fields\":[{\"type\":\"number\",\"key\":\"n\",\"max\":1" + "0".repeat(1_000) + "}]}");
    }

    @Test
    void a_long_title_within_the_parser_bounds_reads_but_is_a_problem() {
        WorksheetDocument doc = WorksheetJson.read("{\"title\":\"" + "a".repeat(5_000) + "\",\"minutes\":5,\"difficulty\":1}");
        assertThat(doc.problems(false)).containsExactly(new FieldProblem(null, "worksheet.problem.title-too-long", 120));
    }

    @Test
    void a_document_with_5000_fields_reads_but_is_reported_as_too_many_fields() {
        StringBuilder json = new StringBuilder("{\"title\":\"Many\",\"minutes\":5,\"difficulty\":1,\"fields\":[");
        for (int i = 0; i < 5_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"short-text\",\"key\":\"f").append(i)
                    .append("\",\"label\":\"Question ").append(i).append("\"}");
        }
        json.append("]}");

        WorksheetDocument doc = WorksheetJson.read(json.toString());

        assertThat(doc.fields()).hasSize(5_000);
        assertThat(doc.problems(false))
                .containsExactly(new FieldProblem(null, "worksheet.problem.too-many-fields", 100));
        assertThat(doc.problems(true)).contains(new FieldProblem(null, "worksheet.problem.too-many-fields", 100));
    }

    @Test
    void from_tree_refuses_the_wrong_shape_with_the_same_message() {
        assertThatThrownBy(() -> WorksheetJson.fromTree(Map.of("fields", List.of(Map.of("type", "video")))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("worksheet.invalid-document"));
        assertThatThrownBy(() -> WorksheetJson.fromTree(Map.of("colour", "red")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("worksheet.invalid-document"));
    }

    // ---------------------------------------------------------------------------------------------
    // Hostile and broken answers
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,2]", "\"text\"", "42", "{\"a\":}", "{\"a\":1,}", "not json"})
    void malformed_answers_are_refused(String json) {
        refusedAsMalformedAnswers(json);
    }

    @Test
    void an_answer_number_with_a_huge_exponent_is_refused_not_thrown() {
        // 11 characters: well inside the parser's number length bound, so it reaches the field check
        WorksheetDocument doc = new WorksheetDocument("Water", "", "R", WorksheetCategory.OTHER, List.of(), 5, 1, "en",
                List.of(new NumberInput("glasses", "Glasses of water", "", true, BigDecimal.ZERO, null, BigDecimal.ONE,
                        "glasses")), null);
        Map<String, Object> answers;
        try {
            answers = WorksheetJson.readAnswers("{\"glasses\": 1e999999999}");
        } catch (DomainException refused) {
            assertThat(refused.messageKey()).isEqualTo("worksheet.answer.malformed");
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        assertThatCode(() -> problems.addAll(doc.checkAnswers(answers, true))).doesNotThrowAnyException();
        assertThat(problems).extracting(FieldProblem::fieldKey).containsExactly("glasses");
    }

    @Test
    void deeply_nested_answers_are_refused() {
        refusedAsMalformedAnswers("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}");
        refusedAsMalformedAnswers("{\"a\":" + "[".repeat(100_000));
    }

    @Test
    void a_huge_answer_string_is_refused() {
        refusedAsMalformedAnswers("{\"a\":\"" + "x".repeat(100_000) + "\"}");
    }

    @Test
    void answers_over_the_document_size_are_refused() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; json.length() < 2_100_000; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append("x".repeat(1_000)).append('"');
        }
        json.append('}');
        refusedAsMalformedAnswers(json.toString());
    }
}
