package app.homeward.privacy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks FHIR R4 Questionnaires and QuestionnaireResponses against the R4 definitions as closely as this
 * registry allows. HAPI's instance validator (hapi-fhir-validation, FhirInstanceValidator) and the core
 * validator (org.hl7.fhir.validation) are not served here, so the check is built from what is:
 * <ol>
 * <li>the official R4 XML schemas (fhir-single.xsd, from hapi-fhir-validation-resources-r4) through HAPI's
 *     {@link FhirValidator}: elements, order, cardinality, datatypes and the required code lists;</li>
 * <li>every error-level invariant of the official StructureDefinitions of Questionnaire and
 *     QuestionnaireResponse (que-1…que-13, qrs-1, qrs-2, ele-1, dom-*…), evaluated with the R4 FHIRPath engine
 *     on every element it applies to;</li>
 * <li>a response against its questionnaire, as the instance validator does it: linkIds known and nested the
 *     same way, answer types matching item types, one answer unless the item repeats, codings among the
 *     answer options, required items answered.</li>
 * </ol>
 */
final class FhirR4Check {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final DefaultProfileValidationSupport DEFINITIONS = new DefaultProfileValidationSupport(FHIR);
    private static final FHIRPathEngine FHIRPATH = new FHIRPathEngine(new HapiWorkerContext(FHIR, DEFINITIONS));

    private FhirR4Check() {
    }

    /** Every error found, as "where: what"; empty when the resource passes. */
    static List<String> errors(Resource resource) {
        List<String> errors = new ArrayList<>();
        FhirValidator schema = FHIR.newValidator();
        schema.setValidateAgainstStandardSchema(true);
        schema.setValidateAgainstStandardSchematron(false);
        for (SingleValidationMessage m : schema.validateWithResult(resource).getMessages()) {
            if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                errors.add("schema " + m.getLocationString() + ": " + m.getMessage());
            }
        }
        errors.addAll(invariants(resource));
        return errors;
    }

    /** The response against its questionnaire (the instance validator's questionnaire checks). */
    static List<String> errors(QuestionnaireResponse response, Questionnaire questionnaire) {
        List<String> errors = new ArrayList<>(errors(response));
        if (!questionnaire.getUrl().equals(response.getQuestionnaire())) {
            errors.add("QuestionnaireResponse.questionnaire does not point at " + questionnaire.getUrl());
        }
        compare(response.getItem(), questionnaire.getItem(), "QuestionnaireResponse", errors);
        return errors;
    }

    private static List<String> invariants(Resource resource) {
        String type = resource.fhirType();
        StructureDefinition definition = (StructureDefinition) DEFINITIONS.fetchStructureDefinition(
                "http://hl7.org/fhir/StructureDefinition/" + type);
        if (definition == null) {
            throw new IllegalStateException("no StructureDefinition for " + type);
        }
        String items = type.equals("QuestionnaireResponse") ? "item | answer.item" : "item";
        List<String> errors = new ArrayList<>();
        int evaluated = 0;
        for (ElementDefinition element : definition.getSnapshot().getElement()) {
            for (ElementDefinition.ElementDefinitionConstraintComponent constraint : element.getConstraint()) {
                if (constraint.getSeverity() != ElementDefinition.ConstraintSeverity.ERROR || !constraint.hasExpression()) {
                    continue;
                }
                String path = element.getPath().replace("[x]", "");
                String select = path.startsWith(type + ".item")
                        ? type + ".repeat(" + items + ")" + path.substring((type + ".item").length())
                        : path;
                List<Base> nodes = FHIRPATH.evaluate(resource, select);
                for (Base node : nodes) {
                    evaluated++;
                    boolean ok;
                    try {
                        ok = FHIRPATH.evaluateToBoolean(resource, resource, node, constraint.getExpression());
                    } catch (RuntimeException e) {
                        errors.add(constraint.getKey() + " on " + path + " could not be evaluated: " + e.getMessage());
                        continue;
                    }
                    if (!ok) {
                        errors.add(constraint.getKey() + " on " + path + ": " + constraint.getHuman());
                    }
                }
            }
        }
        if (evaluated == 0) {
            errors.add("no invariant was evaluated on " + type);
        }
        return errors;
    }

    private static void compare(List<QuestionnaireResponseItemComponent> answered, List<QuestionnaireItemComponent> asked,
                                String where, List<String> errors) {
        Map<String, QuestionnaireItemComponent> byLinkId = new HashMap<>();
        asked.forEach(i -> byLinkId.put(i.getLinkId(), i));
        Map<String, Integer> seen = new HashMap<>();
        for (QuestionnaireResponseItemComponent item : answered) {
            QuestionnaireItemComponent question = byLinkId.get(item.getLinkId());
            String at = where + ".item[" + item.getLinkId() + "]";
            if (question == null) {
                errors.add(at + ": linkId not in the questionnaire at this level");
                continue;
            }
            if (seen.merge(item.getLinkId(), 1, Integer::sum) > 1 && !question.getRepeats()) {
                errors.add(at + ": repeated, but the item does not repeat");
            }
            if (question.getType() == QuestionnaireItemType.GROUP) {
                if (item.hasAnswer()) {
                    errors.add(at + ": a group has no answers");
                }
                compare(item.getItem(), question.getItem(), at, errors);
                continue;
            }
            if (question.getType() == QuestionnaireItemType.DISPLAY) {
                errors.add(at + ": a display item is never answered");
                continue;
            }
            if (item.getAnswer().size() > 1 && !question.getRepeats()) {
                errors.add(at + ": several answers, but the item does not repeat");
            }
            for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                String expected = switch (question.getType()) {
                    case STRING, TEXT -> "string";
                    case DECIMAL -> "decimal";
                    case INTEGER -> "integer";
                    case BOOLEAN -> "boolean";
                    case DATE -> "date";
                    case TIME -> "time";
                    case QUANTITY -> "Quantity";
                    case CHOICE -> "Coding";
                    default -> "?";
                };
                if (!answer.hasValue() || !expected.equals(answer.getValue().fhirType())) {
                    errors.add(at + ": answer of type " + (answer.hasValue() ? answer.getValue().fhirType() : "none")
                            + ", the item expects " + expected);
                } else if (answer.getValue() instanceof Coding coding && question.getAnswerOption().stream()
                        .noneMatch(o -> o.getValue() instanceof Coding c && c.getCode().equals(coding.getCode()))) {
                    errors.add(at + ": " + coding.getCode() + " is not one of the answer options");
                }
                compare(answer.getItem(), question.getItem(), at, errors);
            }
        }
        for (QuestionnaireItemComponent question : asked) {
            if (question.getRequired() && !seen.containsKey(question.getLinkId())) {
                errors.add(where + ": required item " + question.getLinkId() + " has no answer");
            }
        }
    }
}
