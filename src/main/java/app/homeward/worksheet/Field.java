package app.homeward.worksheet;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * One item of a worksheet. Every field has a key (stable within a template, used by answers and
 * scoring), a label the client reads, optional help text and a required flag. Each type knows
 * which answers it accepts: {@link #check} is the single place that decides whether an answer is
 * valid, for the renderer, for saving drafts and for submitting.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FieldTypes.Instructions.class, name = "instructions"),
        @JsonSubTypes.Type(value = FieldTypes.ShortText.class, name = "short-text"),
        @JsonSubTypes.Type(value = FieldTypes.LongText.class, name = "long-text"),
        @JsonSubTypes.Type(value = FieldTypes.NumberInput.class, name = "number"),
        @JsonSubTypes.Type(value = FieldTypes.RatingScale.class, name = "rating"),
        @JsonSubTypes.Type(value = FieldTypes.SingleChoice.class, name = "single-choice"),
        @JsonSubTypes.Type(value = FieldTypes.MultipleChoice.class, name = "multiple-choice"),
        @JsonSubTypes.Type(value = FieldTypes.YesNo.class, name = "yes-no"),
        @JsonSubTypes.Type(value = FieldTypes.DateInput.class, name = "date"),
        @JsonSubTypes.Type(value = FieldTypes.TimeInput.class, name = "time"),
        @JsonSubTypes.Type(value = FieldTypes.DurationInput.class, name = "duration"),
        @JsonSubTypes.Type(value = FieldTypes.Checklist.class, name = "checklist"),
        @JsonSubTypes.Type(value = FieldTypes.Table.class, name = "table"),
        @JsonSubTypes.Type(value = FieldTypes.StepLadder.class, name = "step-ladder")
})
public sealed interface Field permits FieldTypes.Instructions, FieldTypes.ShortText, FieldTypes.LongText, FieldTypes.NumberInput,
        FieldTypes.RatingScale, FieldTypes.SingleChoice, FieldTypes.MultipleChoice, FieldTypes.YesNo, FieldTypes.DateInput,
        FieldTypes.TimeInput, FieldTypes.DurationInput, FieldTypes.Checklist, FieldTypes.Table, FieldTypes.StepLadder {

    String key();

    String label();

    String help();

    boolean required();

    /** The type name used in documents and message keys ({@code worksheet.type.NAME}). */
    FieldType type();

    /** Whether this field takes an answer at all (instructions do not). */
    default boolean answerable() {
        return true;
    }

    /**
     * Checks one answer. {@code value} is the JSON-shaped answer (String, Number, Boolean, List,
     * Map) or null. With {@code submitting} false (a draft) missing required answers are allowed,
     * but malformed or oversized ones never are.
     *
     * @return the problem, or null when the answer is acceptable
     */
    FieldProblem check(Object value, boolean submitting);

    /** Problems of the definition itself (labels, options, ranges), each pointing at this field. */
    List<FieldProblem> definitionProblems(boolean publishing);

    /** The same field under another key (used when duplicating a field in the builder). */
    Field withKey(String key);
}
