package app.homeward.privacy;

import app.homeward.homework.ClientHistory;
import app.homeward.worksheet.Field;
import app.homeward.worksheet.FieldTypes;
import app.homeward.worksheet.WorksheetDocument;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;

import java.math.BigDecimal;
import java.time.Instant;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

/**
 * A client's submitted entries as FHIR R4: one {@code Questionnaire} per worksheet version (item linkIds
 * are the field ids; tables and step ladders are repeating groups whose children are "field.column"),
 * and one {@code QuestionnaireResponse} per submitted entry, pointing at it by canonical URL. Built with
 * HAPI FHIR's R4 model, written as JSON.
 */
final class RecordFhir {

    static final String MINIMUM = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAXIMUM = "http://hl7.org/fhir/StructureDefinition/maxValue";
    static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final String MAX_LENGTH_NOTE = "maxLength";
    static final String UCUM = "http://unitsofmeasure.org";

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private RecordFhir() {
    }

    static IParser parser() {
        return FHIR.newJsonParser().setPrettyPrint(true);
    }

    /** The canonical URL of a worksheet version's Questionnaire: the version's id as a URN. */
    static String url(UUID versionId) {
        return "urn:uuid:" + versionId;
    }

    static Questionnaire questionnaire(UUID versionId, WorksheetDocument document) {
        Questionnaire q = new Questionnaire();
        q.setId(versionId.toString());
        q.setUrl(url(versionId));
        q.setStatus(PublicationStatus.ACTIVE);
        q.setTitle(document.title());
        q.setLanguage(document.language());
        if (!document.description().isBlank()) {
            q.setDescription(document.description());
        }
        if (!document.rationale().isBlank()) {
            q.setPurpose(document.rationale());
        }
        q.addSubjectType("Patient");
        for (Field field : document.fields()) {
            q.addItem(item(field, field.key()));
        }
        return q;
    }

    private static QuestionnaireItemComponent item(Field field, String linkId) {
        QuestionnaireItemComponent item = new QuestionnaireItemComponent();
        item.setLinkId(linkId);
        String text = field.label().isBlank() ? linkId : field.label();
        switch (field) {
            case FieldTypes.Instructions instructions -> {
                item.setType(QuestionnaireItemType.DISPLAY);
                String body = instructions.text().strip();
                item.setText(field.label().isBlank() ? body : (body.isEmpty() ? field.label() : field.label() + "\n\n" + body));
                return item;
            }
            case FieldTypes.ShortText t -> {
                item.setType(QuestionnaireItemType.STRING);
                item.setMaxLength(t.limit());
            }
            case FieldTypes.LongText t -> {
                item.setType(QuestionnaireItemType.TEXT);
                item.setMaxLength(t.limit());
            }
            case FieldTypes.NumberInput n -> {
                item.setType(QuestionnaireItemType.DECIMAL);
                if (!n.unit().isBlank()) {
                    text = text + " (" + n.unit() + ")";
                }
                if (n.min() != null) {
                    item.addExtension(MINIMUM, new DecimalType(n.min()));
                }
                if (n.max() != null) {
                    item.addExtension(MAXIMUM, new DecimalType(n.max()));
                }
            }
            case FieldTypes.RatingScale r -> {
                item.setType(QuestionnaireItemType.INTEGER);
                item.addExtension(MINIMUM, new IntegerType(r.min()));
                item.addExtension(MAXIMUM, new IntegerType(r.max()));
            }
            case FieldTypes.SingleChoice c -> {
                item.setType(QuestionnaireItemType.CHOICE);
                options(item, c.options());
            }
            case FieldTypes.MultipleChoice c -> {
                item.setType(QuestionnaireItemType.CHOICE);
                item.setRepeats(true);
                options(item, c.options());
            }
            case FieldTypes.Checklist c -> {
                item.setType(QuestionnaireItemType.CHOICE);
                item.setRepeats(true);
                options(item, c.items());
            }
            case FieldTypes.YesNo ignored -> item.setType(QuestionnaireItemType.BOOLEAN);
            case FieldTypes.DateInput ignored -> item.setType(QuestionnaireItemType.DATE);
            case FieldTypes.TimeInput ignored -> item.setType(QuestionnaireItemType.TIME);
            case FieldTypes.DurationInput ignored -> item.setType(QuestionnaireItemType.QUANTITY);
            case FieldTypes.Table table -> {
                item.setType(QuestionnaireItemType.GROUP);
                item.setRepeats(true);
                for (Field column : table.columns()) {
                    item.addItem(item(column, linkId + "." + column.key()));
                }
            }
            case FieldTypes.StepLadder ladder -> {
                item.setType(QuestionnaireItemType.GROUP);
                item.setRepeats(true);
                item.addItem().setLinkId(linkId + ".step").setType(QuestionnaireItemType.STRING)
                        .setText(ladder.stepLabel().isBlank() ? "Step" : ladder.stepLabel())
                        .setMaxLength(FieldTypes.SHORT_TEXT_DEFAULT);
                QuestionnaireItemComponent rating = item.addItem().setLinkId(linkId + ".rating")
                        .setType(QuestionnaireItemType.INTEGER)
                        .setText(ladder.ratingLabel().isBlank() ? "Rating" : ladder.ratingLabel());
                rating.addExtension(MINIMUM, new IntegerType(ladder.ratingMin()));
                rating.addExtension(MAXIMUM, new IntegerType(ladder.ratingMax()));
            }
        }
        item.setText(text);
        if (field.required()) {
            item.setRequired(true);
        }
        return item;
    }

    private static void options(QuestionnaireItemComponent item, List<FieldTypes.Option> options) {
        for (FieldTypes.Option option : options) {
            var answer = item.addAnswerOption().setValue(new Coding().setCode(option.value()).setDisplay(option.label()));
            if (option.score() != null) {
                answer.addExtension(ORDINAL, new DecimalType(option.score()));
            }
        }
    }

    /** A submitted entry's answers; only answered fields appear, empty table rows are left out. */
    static QuestionnaireResponse response(ClientHistory.EntryRecord entry, UUID clientId, String clientName) {
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.setId(entry.id().toString());
        r.setQuestionnaire(url(entry.worksheetVersionId()));
        r.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        r.setAuthoredElement(date(entry.submittedAt()));
        r.setLanguage(entry.document().language());
        r.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + entry.id()));
        r.setSubject(new Reference().setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986")
                .setValue("urn:uuid:" + clientId)).setDisplay(clientName));
        for (Field field : entry.document().fields()) {
            if (field.answerable()) {
                r.getItem().addAll(items(field, field.key(), entry.answers().get(field.key())));
            }
        }
        return r;
    }

    private static List<QuestionnaireResponseItemComponent> items(Field field, String linkId, Object value) {
        List<QuestionnaireResponseItemComponent> items = new ArrayList<>();
        if (!AnswerText.answered(value)) {
            return items;
        }
        String text = field.label().isBlank() ? linkId : field.label();
        if (field instanceof FieldTypes.NumberInput n && !n.unit().isBlank()) {
            text = text + " (" + n.unit() + ")";
        }
        switch (field) {
            case FieldTypes.Table table -> {
                if (value instanceof List<?> rows) {
                    for (Object row : rows) {
                        if (!(row instanceof Map<?, ?> cells)) {
                            continue;
                        }
                        QuestionnaireResponseItemComponent group = new QuestionnaireResponseItemComponent()
                                .setLinkId(linkId).setText(text);
                        for (Field column : table.columns()) {
                            group.getItem().addAll(items(column, linkId + "." + column.key(), cells.get(column.key())));
                        }
                        if (!group.getItem().isEmpty()) {
                            items.add(group);
                        }
                    }
                }
            }
            case FieldTypes.StepLadder ladder -> {
                if (value instanceof List<?> steps) {
                    for (Object s : steps) {
                        if (!(s instanceof Map<?, ?> step)) {
                            continue;
                        }
                        QuestionnaireResponseItemComponent group = new QuestionnaireResponseItemComponent()
                                .setLinkId(linkId).setText(text);
                        if (AnswerText.answered(step.get("step"))) {
                            group.addItem().setLinkId(linkId + ".step")
                                    .setText(ladder.stepLabel().isBlank() ? "Step" : ladder.stepLabel())
                                    .addAnswer().setValue(new StringType(String.valueOf(step.get("step"))));
                        }
                        if (step.get("rating") instanceof Number rating) {
                            group.addItem().setLinkId(linkId + ".rating")
                                    .setText(ladder.ratingLabel().isBlank() ? "Rating" : ladder.ratingLabel())
                                    .addAnswer().setValue(new IntegerType(rating.intValue()));
                        }
                        if (!group.getItem().isEmpty()) {
                            items.add(group);
                        }
                    }
                }
            }
            default -> {
                QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent().setLinkId(linkId)
                        .setText(text);
                for (Type answer : answers(field, value)) {
                    item.addAnswer(new QuestionnaireResponseItemAnswerComponent().setValue(answer));
                }
                if (!item.getAnswer().isEmpty()) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    private static List<Type> answers(Field field, Object value) {
        return switch (field) {
            case FieldTypes.ShortText ignored -> List.of(new StringType(String.valueOf(value)));
            case FieldTypes.LongText ignored -> List.of(new StringType(String.valueOf(value)));
            case FieldTypes.NumberInput ignored -> List.of(new DecimalType(decimal(value)));
            case FieldTypes.RatingScale ignored -> List.of(new IntegerType(((Number) value).intValue()));
            case FieldTypes.SingleChoice c -> List.of(coding(c.options(), value));
            case FieldTypes.MultipleChoice c -> codings(c.options(), value);
            case FieldTypes.Checklist c -> codings(c.items(), value);
            case FieldTypes.YesNo ignored -> List.of(new BooleanType((Boolean) value));
            case FieldTypes.DateInput ignored -> List.of(new DateType(String.valueOf(value)));
            case FieldTypes.TimeInput ignored -> List.of(new TimeType(time(String.valueOf(value))));
            case FieldTypes.DurationInput ignored -> List.of(new Quantity().setValue(((Number) value).longValue())
                    .setUnit("min").setSystem(UCUM).setCode("min"));
            default -> List.of();
        };
    }

    private static Coding coding(List<FieldTypes.Option> options, Object value) {
        String code = String.valueOf(value);
        String display = options.stream().filter(o -> o.value().equals(code)).map(FieldTypes.Option::label).findFirst()
                .orElse(null);
        return new Coding().setCode(code).setDisplay(display);
    }

    private static List<Type> codings(List<FieldTypes.Option> options, Object value) {
        List<Type> result = new ArrayList<>();
        if (value instanceof List<?> picks) {
            picks.forEach(p -> result.add(coding(options, p)));
        }
        return result;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value));
    }

    /** FHIR times have seconds: "07:30" becomes "07:30:00". */
    private static String time(String hhmm) {
        return hhmm.length() == 5 ? hhmm + ":00" : hhmm;
    }

    private static DateTimeType date(Instant instant) {
        DateTimeType type = new DateTimeType(Date.from(instant), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone("UTC"));
        return type;
    }

}
