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
        @JsonSubTypes.Type(value = Fields.Instructions.class, name = "instructions"),
        @JsonSubTypes.Type(value = Fields.ShortText.class, name = "short-text"),
        @JsonSubTypes.Type(value = Fields.LongText.class, name = "long-text"),
        @JsonSubTypes.Type(value = Fields.NumberInput.class, name = "number"),
        @JsonSubTypes.Type(value = Fields.RatingScale.class, name = "rating"),
        @JsonSubTypes.Type(value = Fields.SingleChoice.class, name = "single-choice"),
        @JsonSubTypes.Type(value = Fields.MultipleChoice.class, name = "multiple-choice"),
        @JsonSubTypes.Type(value = Fields.YesNo.class, name = "yes-no"),
        @JsonSubTypes.Type(value = Fields.DateInput.class, name = "date"),
        @JsonSubTypes.Type(value = Fields.TimeInput.class, name = "time"),
        @JsonSubTypes.Type(value = Fields.DurationInput.class, name = "duration"),
        @JsonSubTypes.Type(value = Fields.Checklist.class, name = "checklist"),
        @JsonSubTypes.Type(value = Fields.Table.class, name = "table"),
        @JsonSubTypes.Type(value = Fields.StepLadder.class, name = "step-ladder")
})
public sealed interface Field permits Fields.Instructions, Fields.ShortText, Fields.LongText, Fields.NumberInput,
        Fields.RatingScale, Fields.SingleChoice, Fields.MultipleChoice, Fields.YesNo, Fields.DateInput,
        Fields.TimeInput, Fields.DurationInput, Fields.Checklist, Fields.Table, Fields.StepLadder {

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
    AnswerProblem check(Object value, boolean submitting);

    /** Problems of the definition itself (labels, options, ranges), each pointing at this field. */
    List<TemplateProblem> definitionProblems(boolean publishing);

    /** The same field under another key (used when duplicating a field in the builder). */
    Field withKey(String key);
}
