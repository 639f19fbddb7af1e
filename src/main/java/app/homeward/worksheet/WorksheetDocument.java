package app.homeward.worksheet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static app.homeward.worksheet.WorksheetLimits.DESCRIPTION;
import static app.homeward.worksheet.WorksheetLimits.FIELDS;
import static app.homeward.worksheet.WorksheetLimits.RATIONALE;
import static app.homeward.worksheet.WorksheetLimits.TAG;
import static app.homeward.worksheet.WorksheetLimits.TAGS;
import static app.homeward.worksheet.WorksheetLimits.TITLE;

/**
 * One version of a worksheet, complete: what the library shows (title, description, category,
 * tags, minutes, difficulty, language), the default rationale, the ordered fields and the
 * optional scoring. Stored as one validated JSON document per version (decision 0013), so a
 * version is a value: the renderer, scoring, review and export all read the same thing.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WorksheetDocument(String title, String description, String rationale, WorksheetCategory category,
                                List<String> tags, int minutes, int difficulty, String language,
                                List<Field> fields, Scoring scoring) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public WorksheetDocument {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        rationale = rationale == null ? "" : rationale;
        category = category == null ? WorksheetCategory.OTHER : category;
        tags = tags == null ? List.of() : List.copyOf(tags);
        language = language == null || language.isBlank() ? "en" : language;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** A new, empty worksheet in the given language. */
    public static WorksheetDocument blank(String title, String language) {
        return new WorksheetDocument(title, "", "", WorksheetCategory.OTHER, List.of(), 10, 1, language, List.of(), null);
    }

    public static boolean validKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public Field field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    public WorksheetDocument withFields(List<Field> newFields) {
        return new WorksheetDocument(title, description, rationale, category, tags, minutes, difficulty, language,
                newFields, scoring);
    }

    public WorksheetDocument withScoring(Scoring newScoring) {
        return new WorksheetDocument(title, description, rationale, category, tags, minutes, difficulty, language,
                fields, newScoring);
    }

    /** Everything that is wrong with this document. Drafts must pass the limits; publishing needs all of it. */
    public List<FieldProblem> problems(boolean publishing) {
        List<FieldProblem> problems = new ArrayList<>();
        if (publishing && title.isBlank()) {
            problems.add(new FieldProblem(null, "worksheet.problem.title-empty"));
        }
        if (title.length() > TITLE) {
            problems.add(new FieldProblem(null, "worksheet.problem.title-too-long", TITLE));
        }
        if (description.length() > DESCRIPTION) {
            problems.add(new FieldProblem(null, "worksheet.problem.description-too-long", DESCRIPTION));
        }
        if (rationale.length() > RATIONALE) {
            problems.add(new FieldProblem(null, "worksheet.problem.rationale-too-long", RATIONALE));
        }
        if (publishing && rationale.isBlank()) {
            problems.add(new FieldProblem(null, "worksheet.problem.rationale-empty"));
        }
        if (tags.size() > TAGS || tags.stream().anyMatch(t -> t == null || t.isBlank() || t.length() > TAG || t.contains(","))) {
            problems.add(new FieldProblem(null, "worksheet.problem.tags", TAGS, TAG));
        }
        if (minutes < 1 || minutes > 240) {
            problems.add(new FieldProblem(null, "worksheet.problem.minutes"));
        }
        if (difficulty < 1 || difficulty > 3) {
            problems.add(new FieldProblem(null, "worksheet.problem.difficulty"));
        }
        if (!language.matches("[a-z]{2}")) {
            problems.add(new FieldProblem(null, "worksheet.problem.language"));
        }
        if (fields.size() > FIELDS) {
            // no point looking further: the document is far beyond what anyone fills in
            problems.add(new FieldProblem(null, "worksheet.problem.too-many-fields", FIELDS));
            return problems;
        }
        if (publishing && fields.stream().noneMatch(Field::answerable)) {
            problems.add(new FieldProblem(null, "worksheet.problem.no-fields"));
        }
        Set<String> keys = new HashSet<>();
        for (Field field : fields) {
            if (field == null) {
                problems.add(new FieldProblem(null, "worksheet.invalid-document"));
                continue;
            }
            if (!validKey(field.key())) {
                problems.add(new FieldProblem(field.key(), "worksheet.problem.key"));
            } else if (!keys.add(field.key())) {
                problems.add(new FieldProblem(field.key(), "worksheet.problem.duplicate-key", field.key()));
            }
            problems.addAll(field.definitionProblems(publishing));
        }
        if (scoring != null && (publishing || !scoring.items().isEmpty())) {
            problems.addAll(scoring.problems(this));
        }
        return problems;
    }

    /**
     * Checks a whole set of answers: unknown keys are refused, each field checks its own answer.
     * Returns every problem, keyed by field (or table cell), so the renderer can show each at its place.
     */
    public List<FieldProblem> checkAnswers(Map<String, Object> answers, boolean submitting) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Field> byKey = new LinkedHashMap<>();
        fields.stream().filter(Field::answerable).forEach(f -> byKey.put(f.key(), f));
        for (String key : answers.keySet()) {
            if (!byKey.containsKey(key)) {
                problems.add(new FieldProblem(key, "worksheet.answer.not-expected"));
            }
        }
        for (Field field : byKey.values()) {
            FieldProblem problem = field.check(answers.get(field.key()), submitting);
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** Words a library search matches: title, description, tags, field labels. */
    @JsonIgnore
    public String searchText() {
        StringBuilder text = new StringBuilder(title).append(' ').append(description);
        tags.forEach(t -> text.append(' ').append(t));
        for (Field field : fields) {
            text.append(' ').append(field.label());
            if (field instanceof FieldTypes.Table table) {
                table.columns().forEach(c -> text.append(' ').append(c.label()));
            }
        }
        return text.toString();
    }
}
