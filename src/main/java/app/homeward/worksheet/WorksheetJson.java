package app.homeward.worksheet;

import app.homeward.base.DomainException;
import app.homeward.base.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes worksheet documents and answers. Parsing is strict and bounded: unknown
 * properties, wrong types, deep nesting and huge documents are refused with a clear message
 * ({@code worksheet.invalid-document}) before anything else looks at them.
 */
public final class WorksheetJson {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(WorksheetLimits.NESTING)
                            .maxDocumentLength(WorksheetLimits.DOCUMENT_CHARS)
                            .maxStringLength(WorksheetLimits.TEXT * 2)
                            .maxNumberLength(40)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final TypeReference<LinkedHashMap<String, Object>> ANSWERS = new TypeReference<>() {
    };

    private WorksheetJson() {
    }

    public static WorksheetDocument read(String json) {
        if (json == null || json.length() > WorksheetLimits.DOCUMENT_CHARS) {
            throw new DomainException("worksheet.invalid-document");
        }
        try {
            WorksheetDocument document = MAPPER.readValue(json, WorksheetDocument.class);
            if (document == null) {
                throw new DomainException("worksheet.invalid-document");
            }
            return document;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new DomainException("worksheet.invalid-document");
        }
    }

    /** The value as a JSON tree, for checks that compare documents structurally. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * True when any text in the document (titles, labels, help, options, tags, scoring bands...) holds a control
     * character or a direction override: U+202E in a label would show the client text reversed from what the
     * therapist reviewed. Walks the document as JSON, so no text property can be forgotten.
     */
    public static boolean containsUnsafeText(WorksheetDocument document) {
        return unsafe(MAPPER.valueToTree(document));
    }

    private static boolean unsafe(JsonNode node) {
        if (node.isString()) {
            return Text.containsUnsafe(node.stringValue());
        }
        if (node.isObject()) {
            for (var property : node.properties()) {
                if (Text.containsUnsafe(property.getKey()) || unsafe(property.getValue())) {
                    return true;
                }
            }
            return false;
        }
        return node.isContainer() && node.values().stream().anyMatch(WorksheetJson::unsafe);
    }

    /** A document from an already-parsed tree (a YAML file of the built-in library), with the same checks. */
    public static WorksheetDocument fromTree(Map<String, Object> tree) {
        try {
            return MAPPER.convertValue(tree, WorksheetDocument.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new DomainException("worksheet.invalid-document");
        }
    }

    public static String write(WorksheetDocument document) {
        String json = MAPPER.writeValueAsString(document);
        if (json.length() > WorksheetLimits.DOCUMENT_CHARS) {
            throw new DomainException("worksheet.problem.too-large");
        }
        return json;
    }

    public static Map<String, Object> readAnswers(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            LinkedHashMap<String, Object> answers = MAPPER.readValue(json, ANSWERS);
            return answers == null ? new LinkedHashMap<>() : answers;
        } catch (JacksonException e) {
            throw new DomainException("worksheet.answer.malformed");
        }
    }

    public static String writeAnswers(Map<String, Object> answers) {
        String json = MAPPER.writeValueAsString(answers);
        if (json.length() > WorksheetLimits.DOCUMENT_CHARS) {
            throw new DomainException("worksheet.answer.too-large");
        }
        return json;
    }
}
