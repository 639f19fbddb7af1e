package app.homeward.worksheet;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import static app.homeward.worksheet.WorksheetLimits.CHOICES;
import static app.homeward.worksheet.WorksheetLimits.DURATION_MINUTES;
import static app.homeward.worksheet.WorksheetLimits.HELP;
import static app.homeward.worksheet.WorksheetLimits.INSTRUCTIONS;
import static app.homeward.worksheet.WorksheetLimits.LABEL;
import static app.homeward.worksheet.WorksheetLimits.LADDER_STEPS;
import static app.homeward.worksheet.WorksheetLimits.RATING_SPAN;
import static app.homeward.worksheet.WorksheetLimits.TABLE_COLUMNS;
import static app.homeward.worksheet.WorksheetLimits.TABLE_ROWS;
import static app.homeward.worksheet.WorksheetLimits.TEXT;

/**
 * The field types. Each is an immutable record that serialises to one JSON object with a
 * {@code type} property; answers are JSON-shaped values (see each type's {@code check}).
 */
public final class FieldTypes {

    /** Short texts (a table cell, a step) default to this many characters. */
    public static final int SHORT_TEXT_DEFAULT = 500;

    private FieldTypes() {
    }

    /** A choice: a stable value (stored in answers), the label shown, and an optional score. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Option(String value, String label, Integer score) {
        public Option {
            value = value == null ? "" : value;
            label = label == null ? "" : label;
        }
    }

    /**
     * Read-only text for the client: paragraphs separated by blank lines, lines starting "- " are a list.
     * {@code crisisLine}: the clinic's own crisis line (in the client's language) is shown after the text, so
     * a measure's safety note (the PHQ-9's closing one) names the clinic's numbers, not a generic "call
     * your therapist". Null when not (so documents without it read and write as before).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Instructions(String key, String label, String text, Boolean crisisLine) implements Field {
        public Instructions {
            label = nn(label);
            text = nn(text);
            crisisLine = Boolean.TRUE.equals(crisisLine) ? Boolean.TRUE : null;
        }

        public Instructions(String key, String label, String text) {
            this(key, label, text, null);
        }

        /** Whether the clinic's crisis line follows this text. */
        public boolean showsCrisisLine() {
            return Boolean.TRUE.equals(crisisLine);
        }

        @Override public String help() { return ""; }
        @Override public boolean required() { return false; }
        @Override public FieldType type() { return FieldType.INSTRUCTIONS; }
        @Override public boolean answerable() { return false; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            return value == null ? null : new FieldProblem(key, "worksheet.answer.not-expected");
        }

        @Override
        public List<FieldProblem> definitionProblems(boolean publishing) {
            List<FieldProblem> problems = new ArrayList<>();
            if (label.length() > LABEL) {
                problems.add(new FieldProblem(key, "worksheet.problem.label-too-long", LABEL));
            }
            if (text.length() > INSTRUCTIONS) {
                problems.add(new FieldProblem(key, "worksheet.problem.text-too-long", INSTRUCTIONS));
            }
            if (publishing && text.isBlank()) {
                problems.add(new FieldProblem(key, "worksheet.problem.instructions-empty"));
            }
            return problems;
        }

        @Override public Field withKey(String newKey) { return new Instructions(newKey, label, text, crisisLine); }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ShortText(String key, String label, String help, boolean required, Integer maxLength) implements Field {
        public ShortText {
            label = nn(label);
            help = nn(help);
        }

        public int limit() {
            return maxLength == null ? SHORT_TEXT_DEFAULT : maxLength;
        }

        @Override public FieldType type() { return FieldType.SHORT_TEXT; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            return checkText(key, value, limit(), required && submitting);
        }

        @Override
        public List<FieldProblem> definitionProblems(boolean publishing) {
            return textProblems(this, maxLength, publishing);
        }

        @Override public Field withKey(String newKey) { return new ShortText(newKey, label, help, required, maxLength); }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record LongText(String key, String label, String help, boolean required, Integer maxLength) implements Field {
        public LongText {
            label = nn(label);
            help = nn(help);
        }

        public int limit() {
            return maxLength == null ? TEXT : maxLength;
        }

        @Override public FieldType type() { return FieldType.LONG_TEXT; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            return checkText(key, value, limit(), required && submitting);
        }

        @Override
        public List<FieldProblem> definitionProblems(boolean publishing) {
            return textProblems(this, maxLength, publishing);
        }

        @Override public Field withKey(String newKey) { return new LongText(newKey, label, help, required, maxLength); }
    }

    /** A number with optional bounds, step (e.g. 0.5 hours) and unit shown after it ("hours", "glasses"). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NumberInput(String key, String label, String help, boolean required,
                              BigDecimal min, BigDecimal max, BigDecimal step, String unit) implements Field {
        public NumberInput {
            label = nn(label);
            help = nn(help);
            unit = nn(unit);
        }

        @Override public FieldType type() { return FieldType.NUMBER; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            if (value == null) {
                return missing(key, required && submitting);
            }
            BigDecimal number = decimal(value);
            if (number == null) {
                return new FieldProblem(key, "worksheet.answer.number");
            }
            if (min != null && number.compareTo(min) < 0 || max != null && number.compareTo(max) > 0) {
                return new FieldProblem(key, "worksheet.answer.range", plain(min), plain(max));
            }
            if (step != null && step.signum() > 0) {
                BigDecimal offset = number.subtract(min == null ? BigDecimal.ZERO : min);
                if (offset.remainder(step).signum() != 0) {
                    return new FieldProblem(key, "worksheet.answer.step", plain(step));
                }
            }
            return null;
        }

        @Override
        public List<FieldProblem> definitionProblems(boolean publishing) {
            List<FieldProblem> problems = common(this, publishing);
            if (min != null && max != null && min.compareTo(max) > 0) {
                problems.add(new FieldProblem(key, "worksheet.problem.min-above-max"));
            }
            if (step != null && step.signum() <= 0) {
                problems.add(new FieldProblem(key, "worksheet.problem.step"));
            }
            for (BigDecimal bound : Arrays.asList(min, max, step)) {
                if (bound != null && !sane(bound)) {
                    problems.add(new FieldProblem(key, "worksheet.problem.number-bounds"));
                    break;
                }
            }
            if (unit.length() > 30) {
                problems.add(new FieldProblem(key, "worksheet.problem.unit-too-long", 30));
            }
            return problems;
        }

        @Override
        public Field withKey(String newKey) {
            return new NumberInput(newKey, label, help, required, min, max, step, unit);
        }
    }

    /** A scale of whole numbers with words at its ends and, optionally, its middle (0–10, 0–100 SUDS, 1–5). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RatingScale(String key, String label, String help, boolean required, int min, int max,
                              String minLabel, String midLabel, String maxLabel) implements Field {
        public RatingScale {
            label = nn(label);
            help = nn(help);
            minLabel = nn(minLabel);
            midLabel = nn(midLabel);
            maxLabel = nn(maxLabel);
        }

        @Override public FieldType type() { return FieldType.RATING; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            if (value == null) {
                return missing(key, required && submitting);
            }
            Integer whole = whole(value);
            if (whole == null || whole < min || whole > max) {
                return new FieldProblem(key, "worksheet.answer.range", min, max);
            }
            return null;
        }

        @Override
        public List<FieldProblem> definitionProblems(boolean publishing) {
            List<FieldProblem> problems = common(this, publishing);
            if (min >= max || max - min > RATING_SPAN) {
                problems.add(new FieldProblem(key, "worksheet.problem.rating-range", RATING_SPAN));
            }
            for (String anchor : List.of(minLabel, midLabel, maxLabel)) {
                if (anchor.length() > 60) {
                    problems.add(new FieldProblem(key, "worksheet.problem.anchor-too-long", 60));
                    break;
                }
            }
            return problems;
        }

        @Override
        public Field withKey(String newKey) {
            return new RatingScale(newKey, label, help, required, min, max, minLabel, midLabel, maxLabel);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SingleChoice(String key, String label, String help, boolean required, List<Option> options)
            implements Field {
        public SingleChoice {
            label = nn(label);
            help = nn(help);
            options = options == null ? List.of() : List.copyOf(options);
        }

        @Override public FieldType type() { return FieldType.SINGLE_CHOICE; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            if (value == null || "".equals(value)) {
                return missing(key, required && submitting);
            }
            return value instanceof String chosen && option(chosen) != null ? null
                    : new FieldProblem(key, "worksheet.answer.choice");
        }

        public Option option(String value) {
            return options.stream().filter(o -> o.value().equals(value)).findFirst().orElse(null);
        }

        @Override
        public List<FieldProblem> definitionProblems(boolean publishing) {
            List<FieldProblem> problems = common(this, publishing);
            problems.addAll(optionProblems(key, options, publishing ? 2 : 0));
            return problems;
        }

        @Override public Field withKey(String newKey) { return new SingleChoice(newKey, label, help, required, options); }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record MultipleChoice(String key, String label, String help, boolean required, List<Option> options,
                                 Integer maxSelected) implements Field {
        public MultipleChoice {
            label = nn(label);
            help = nn(help);
            options = options == null ? List.of() : List.copyOf(options);
        }

        @Override public FieldType type() { return FieldType.MULTIPLE_CHOICE; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            FieldProblem problem = checkPicks(key, value, options, required && submitting);
            if (problem == null && maxSelected != null && value instanceof List<?> picks && picks.size() > maxSelected) {
                return new FieldProblem(key, "worksheet.answer.too-many-picks", maxSelected);
            }
            return problem;
        }

        @Override
        public List<FieldProblem> definitionProblems(boolean publishing) {
            List<FieldProblem> problems = common(this, publishing);
            problems.addAll(optionProblems(key, options, publishing ? 1 : 0));
            if (maxSelected != null && (maxSelected < 1 || maxSelected > options.size())) {
                problems.add(new FieldProblem(key, "worksheet.problem.max-selected"));
            }
            return problems;
        }

        @Override
        public Field withKey(String newKey) {
            return new MultipleChoice(newKey, label, help, required, options, maxSelected);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record YesNo(String key, String label, String help, boolean required) implements Field {
        public YesNo {
            label = nn(label);
            help = nn(help);
        }

        @Override public FieldType type() { return FieldType.YES_NO; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            if (value == null) {
                return missing(key, required && submitting);
            }
            return value instanceof Boolean ? null : new FieldProblem(key, "worksheet.answer.yes-no");
        }

        @Override public List<FieldProblem> definitionProblems(boolean publishing) { return common(this, publishing); }

        @Override public Field withKey(String newKey) { return new YesNo(newKey, label, help, required); }
    }

    /**
     * A calendar date, answered as ISO text ("2026-11-25"). {@code today}: a new entry starts with the client's
     * today filled in (the day of a mood log), which they can change; stored only when true.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record DateInput(String key, String label, String help, boolean required, Boolean today) implements Field {
        public DateInput {
            label = nn(label);
            help = nn(help);
            today = Boolean.TRUE.equals(today) ? Boolean.TRUE : null;
        }

        public DateInput(String key, String label, String help, boolean required) {
            this(key, label, help, required, null);
        }

        public boolean startsToday() {
            return today != null;
        }

        @Override public FieldType type() { return FieldType.DATE; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            return checkParsed(key, value, LocalDate::parse, "worksheet.answer.date", required && submitting);
        }

        @Override public List<FieldProblem> definitionProblems(boolean publishing) { return common(this, publishing); }

        @Override public Field withKey(String newKey) { return new DateInput(newKey, label, help, required, today); }
    }

    /** A time of day, answered as "HH:mm". */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TimeInput(String key, String label, String help, boolean required) implements Field {
        public TimeInput {
            label = nn(label);
            help = nn(help);
        }

        @Override public FieldType type() { return FieldType.TIME; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            return checkParsed(key, value, LocalTime::parse, "worksheet.answer.time", required && submitting);
        }

        @Override public List<FieldProblem> definitionProblems(boolean publishing) { return common(this, publishing); }

        @Override public Field withKey(String newKey) { return new TimeInput(newKey, label, help, required); }
    }

    /** How long something took, answered in whole minutes. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record DurationInput(String key, String label, String help, boolean required, Integer maxMinutes)
            implements Field {
        public DurationInput {
            label = nn(label);
            help = nn(help);
        }

        public int limit() {
            return maxMinutes == null ? DURATION_MINUTES : maxMinutes;
        }

        @Override public FieldType type() { return FieldType.DURATION; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            if (value == null) {
                return missing(key, required && submitting);
            }
            Integer minutes = whole(value);
            if (minutes == null || minutes < 0 || minutes > limit()) {
                return new FieldProblem(key, "worksheet.answer.duration", limit());
            }
            return null;
        }

        @Override
        public List<FieldProblem> definitionProblems(boolean publishing) {
            List<FieldProblem> problems = common(this, publishing);
            if (maxMinutes != null && (maxMinutes < 1 || maxMinutes > DURATION_MINUTES)) {
                problems.add(new FieldProblem(key, "worksheet.problem.max-duration", DURATION_MINUTES));
            }
            return problems;
        }

        @Override public Field withKey(String newKey) { return new DurationInput(newKey, label, help, required, maxMinutes); }
    }

    /** Items to tick; answered as the list of ticked item values. Required means at least one tick. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Checklist(String key, String label, String help, boolean required, List<Option> items)
            implements Field {
        public Checklist {
            label = nn(label);
            help = nn(help);
            items = items == null ? List.of() : List.copyOf(items);
        }

        @Override public FieldType type() { return FieldType.CHECKLIST; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            return checkPicks(key, value, items, required && submitting);
        }

        @Override
        public List<FieldProblem> definitionProblems(boolean publishing) {
            List<FieldProblem> problems = common(this, publishing);
            problems.addAll(optionProblems(key, items, publishing ? 1 : 0));
            return problems;
        }

        @Override public Field withKey(String newKey) { return new Checklist(newKey, label, help, required, items); }
    }

    /**
     * Rows the client adds, each a set of simple fields (a thought record has seven columns).
     * Answered as a list of rows, each a map from column key to cell answer. Required means at
     * least one row; a column's required flag applies to every row that has anything in it.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Table(String key, String label, String help, boolean required, List<Field> columns,
                        Integer maxRows, String summary) implements Field {
        public Table {
            label = nn(label);
            help = nn(help);
            columns = columns == null ? List.of() : List.copyOf(columns);
            summary = summary == null || summary.isBlank() ? null : summary;
        }

        public Table(String key, String label, String help, boolean required, List<Field> columns, Integer maxRows) {
            this(key, label, help, required, columns, maxRows, null);
        }

        /** The figure worked out from each row ({@link SleepEfficiency} for a sleep diary), if any. */
        public boolean sumsUpSleep() {
            return SleepEfficiency.NAME.equals(summary);
        }

        public int rowLimit() {
            return maxRows == null ? TABLE_ROWS : maxRows;
        }

        @Override public FieldType type() { return FieldType.TABLE; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            if (value == null) {
                return required && submitting ? new FieldProblem(key, "worksheet.answer.rows-required") : null;
            }
            if (!(value instanceof List<?> rows)) {
                return new FieldProblem(key, "worksheet.answer.malformed");
            }
            if (rows.size() > rowLimit()) {
                return new FieldProblem(key, "worksheet.answer.too-many-rows", rowLimit());
            }
            int filled = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (!(rows.get(i) instanceof Map<?, ?> row)) {
                    return new FieldProblem(key, "worksheet.answer.malformed");
                }
                Set<Object> known = new HashSet<>();
                columns.forEach(c -> known.add(c.key()));
                if (!known.containsAll(row.keySet())) {
                    return new FieldProblem(key, "worksheet.answer.malformed");
                }
                boolean empty = row.values().stream().allMatch(FieldTypes::blank);
                if (empty) {
                    continue;
                }
                filled++;
                for (Field column : columns) {
                    FieldProblem cell = column.check(row.get(column.key()), submitting);
                    if (cell != null) {
                        return new FieldProblem(cellKey(key, i, column.key()), cell.messageKey(), cell.arguments());
                    }
                }
            }
            if (filled == 0 && required && submitting) {
                return new FieldProblem(key, "worksheet.answer.rows-required");
            }
            return null;
        }

        @Override
        public List<FieldProblem> definitionProblems(boolean publishing) {
            List<FieldProblem> problems = common(this, publishing);
            if (columns.size() > TABLE_COLUMNS) {
                problems.add(new FieldProblem(key, "worksheet.problem.too-many-columns", TABLE_COLUMNS));
            } else if (publishing && columns.isEmpty()) {
                problems.add(new FieldProblem(key, "worksheet.problem.no-columns"));
            }
            if (maxRows != null && (maxRows < 1 || maxRows > TABLE_ROWS)) {
                problems.add(new FieldProblem(key, "worksheet.problem.max-rows", TABLE_ROWS));
            }
            Set<String> keys = new HashSet<>();
            for (Field column : columns) {
                if (!column.type().simple()) {
                    problems.add(new FieldProblem(key, "worksheet.problem.column-type"));
                    continue;
                }
                if (!WorksheetDocument.validKey(column.key()) || !keys.add(column.key())) {
                    problems.add(new FieldProblem(key, "worksheet.problem.column-key"));
                }
                column.definitionProblems(publishing).forEach(p ->
                        problems.add(new FieldProblem(key, p.messageKey(), p.arguments())));
            }
            if (summary != null && !(sumsUpSleep() && SleepEfficiency.fits(this))) {
                problems.add(new FieldProblem(key, "worksheet.problem.summary"));
            }
            return problems;
        }

        @Override public Field withKey(String newKey) { return new Table(newKey, label, help, required, columns, maxRows, summary); }
    }

    /**
     * Ordered steps, each with a rating (an exposure hierarchy with SUDS). Answered as a list of
     * {@code {"step": text, "rating": number}}; the client adds, removes and orders steps.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record StepLadder(String key, String label, String help, boolean required, String stepLabel,
                             String ratingLabel, int ratingMin, int ratingMax, Integer maxSteps) implements Field {
        public StepLadder {
            label = nn(label);
            help = nn(help);
            stepLabel = nn(stepLabel);
            ratingLabel = nn(ratingLabel);
        }

        public int stepLimit() {
            return maxSteps == null ? LADDER_STEPS : maxSteps;
        }

        @Override public FieldType type() { return FieldType.STEP_LADDER; }

        @Override
        public FieldProblem check(Object value, boolean submitting) {
            if (value == null) {
                return required && submitting ? new FieldProblem(key, "worksheet.answer.steps-required") : null;
            }
            if (!(value instanceof List<?> steps)) {
                return new FieldProblem(key, "worksheet.answer.malformed");
            }
            if (steps.size() > stepLimit()) {
                return new FieldProblem(key, "worksheet.answer.too-many-steps", stepLimit());
            }
            int filled = 0;
            for (int i = 0; i < steps.size(); i++) {
                if (!(steps.get(i) instanceof Map<?, ?> step) || !new HashSet<>(List.of("step", "rating")).containsAll(step.keySet())) {
                    return new FieldProblem(key, "worksheet.answer.malformed");
                }
                Object text = step.get("step");
                Object rating = step.get("rating");
                if (blank(text) && rating == null) {
                    continue;
                }
                filled++;
                FieldProblem textProblem = checkText(cellKey(key, i, "step"), text, SHORT_TEXT_DEFAULT, submitting);
                if (textProblem != null) {
                    return textProblem;
                }
                if (rating != null) {
                    Integer whole = whole(rating);
                    if (whole == null || whole < ratingMin || whole > ratingMax) {
                        return new FieldProblem(cellKey(key, i, "rating"), "worksheet.answer.range", ratingMin, ratingMax);
                    }
                }
            }
            if (filled == 0 && required && submitting) {
                return new FieldProblem(key, "worksheet.answer.steps-required");
            }
            return null;
        }

        @Override
        public List<FieldProblem> definitionProblems(boolean publishing) {
            List<FieldProblem> problems = common(this, publishing);
            if (ratingMin >= ratingMax || ratingMax - ratingMin > RATING_SPAN) {
                problems.add(new FieldProblem(key, "worksheet.problem.rating-range", RATING_SPAN));
            }
            if (maxSteps != null && (maxSteps < 1 || maxSteps > LADDER_STEPS)) {
                problems.add(new FieldProblem(key, "worksheet.problem.max-steps", LADDER_STEPS));
            }
            if (stepLabel.length() > 60 || ratingLabel.length() > 60) {
                problems.add(new FieldProblem(key, "worksheet.problem.anchor-too-long", 60));
            }
            return problems;
        }

        @Override
        public Field withKey(String newKey) {
            return new StepLadder(newKey, label, help, required, stepLabel, ratingLabel, ratingMin, ratingMax, maxSteps);
        }
    }

    /** Where a cell's problem is reported: {@code table/row/column}, so the renderer can mark that cell. */
    public static String cellKey(String fieldKey, int row, String column) {
        return fieldKey + "/" + row + "/" + column;
    }

    static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isBlank()
                || value instanceof List<?> list && list.isEmpty();
    }

    private static String nn(String value) {
        return value == null ? "" : value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "–" : value.stripTrailingZeros().toPlainString();
    }

    private static FieldProblem missing(String key, boolean requiredNow) {
        return requiredNow ? new FieldProblem(key, "worksheet.answer.required") : null;
    }

    private static FieldProblem checkText(String key, Object value, int limit, boolean requiredNow) {
        if (value == null) {
            return missing(key, requiredNow);
        }
        if (!(value instanceof String text)) {
            return new FieldProblem(key, "worksheet.answer.malformed");
        }
        if (text.isBlank()) {
            return missing(key, requiredNow);
        }
        return text.length() > limit ? new FieldProblem(key, "worksheet.answer.too-long", limit) : null;
    }

    /** A date or time answer: ISO text that {@code parse} reads (a missing or blank one is missing). */
    private static FieldProblem checkParsed(String key, Object value, Function<String, ?> parse, String messageKey,
                                            boolean requiredNow) {
        if (value == null || "".equals(value)) {
            return missing(key, requiredNow);
        }
        try {
            parse.apply((String) value);
            return null;
        } catch (ClassCastException | DateTimeParseException e) {
            return new FieldProblem(key, messageKey);
        }
    }

    private static FieldProblem checkPicks(String key, Object value, List<Option> options, boolean requiredNow) {
        if (value == null) {
            return missing(key, requiredNow);
        }
        if (!(value instanceof List<?> picks) || picks.size() > options.size()) {
            return new FieldProblem(key, "worksheet.answer.choice");
        }
        Set<Object> seen = new HashSet<>();
        for (Object pick : picks) {
            if (!(pick instanceof String chosen) || !seen.add(chosen)
                    || options.stream().noneMatch(o -> o.value().equals(chosen))) {
                return new FieldProblem(key, "worksheet.answer.choice");
            }
        }
        return picks.isEmpty() ? missing(key, requiredNow) : null;
    }

    /**
     * A number answer as a decimal, or null when it is not a number a person could mean: more than
     * 12 digits before the point or 6 after it. Checked on precision and scale before any arithmetic,
     * so {@code 1e999999999} costs nothing and never throws.
     */
    static BigDecimal decimal(Object value) {
        BigDecimal decimal;
        try {
            decimal = switch (value) {
                case BigDecimal d -> d;
                case Integer i -> BigDecimal.valueOf(i);
                case Long l -> BigDecimal.valueOf(l);
                case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
                case BigInteger b -> new BigDecimal(b);
                case null, default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
        return sane(decimal) ? decimal : null;
    }

    /** At most 12 digits before the point and 6 after it. */
    static boolean sane(BigDecimal decimal) {
        if (decimal == null) {
            return false;
        }
        if (decimal.signum() == 0) {
            return true;
        }
        long integerDigits = (long) decimal.precision() - decimal.scale();
        // precision is at most 40 digits (the JSON reader's limit), so stripping zeros is cheap here
        return integerDigits <= 12 && decimal.scale() <= 40 && decimal.stripTrailingZeros().scale() <= 6;
    }

    static Integer whole(Object value) {
        BigDecimal decimal = value instanceof Number ? decimal(value) : null;
        if (decimal == null || decimal.stripTrailingZeros().scale() > 0
                || decimal.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            return null;
        }
        return decimal.intValueExact();
    }

    private static List<FieldProblem> common(Field field, boolean publishing) {
        List<FieldProblem> problems = new ArrayList<>();
        if (publishing && field.label().isBlank()) {
            problems.add(new FieldProblem(field.key(), "worksheet.problem.label-empty"));
        }
        if (field.label().length() > LABEL) {
            problems.add(new FieldProblem(field.key(), "worksheet.problem.label-too-long", LABEL));
        }
        if (field.help().length() > HELP) {
            problems.add(new FieldProblem(field.key(), "worksheet.problem.help-too-long", HELP));
        }
        return problems;
    }

    /** A short or long text's definition: the common checks and its own character limit, if it sets one. */
    private static List<FieldProblem> textProblems(Field field, Integer maxLength, boolean publishing) {
        List<FieldProblem> problems = common(field, publishing);
        if (maxLength != null && (maxLength < 1 || maxLength > TEXT)) {
            problems.add(new FieldProblem(field.key(), "worksheet.problem.max-length", TEXT));
        }
        return problems;
    }

    private static List<FieldProblem> optionProblems(String key, List<Option> options, int atLeast) {
        List<FieldProblem> problems = new ArrayList<>();
        if (options.size() > CHOICES) {
            problems.add(new FieldProblem(key, "worksheet.problem.too-many-choices", CHOICES));
            return problems;
        }
        if (options.size() < atLeast) {
            problems.add(new FieldProblem(key, atLeast > 1 ? "worksheet.problem.two-choices"
                    : "worksheet.problem.no-choices"));
        }
        Map<String, Option> values = new LinkedHashMap<>();
        for (Option option : options) {
            if (!WorksheetDocument.validKey(option.value()) || values.putIfAbsent(option.value(), option) != null) {
                problems.add(new FieldProblem(key, "worksheet.problem.choice-value"));
                break;
            }
        }
        if (options.stream().anyMatch(o -> o.label().length() > LABEL)) {
            problems.add(new FieldProblem(key, "worksheet.problem.label-too-long", LABEL));
        }
        if (atLeast > 0 && options.stream().map(Option::label).anyMatch(String::isBlank)) {
            problems.add(new FieldProblem(key, "worksheet.problem.choice-label-empty"));
        }
        return problems;
    }
}
