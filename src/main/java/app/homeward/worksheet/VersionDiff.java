package app.homeward.worksheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two versions of a worksheet, in words a therapist reads (message keys). */
public final class VersionDiff {

    /** One change: a message key and the field label (or empty) it is about. */
    public record Change(String messageKey, String subject) {
    }

    private VersionDiff() {
    }

    public static List<Change> compare(WorksheetDocument before, WorksheetDocument after) {
        List<Change> changes = new ArrayList<>();
        property(changes, "title", before, after, WorksheetDocument::title);
        property(changes, "description", before, after, WorksheetDocument::description);
        property(changes, "rationale", before, after, WorksheetDocument::rationale);
        property(changes, "category", before, after, WorksheetDocument::category);
        property(changes, "tags", before, after, WorksheetDocument::tags);
        property(changes, "minutes", before, after, WorksheetDocument::minutes);
        property(changes, "difficulty", before, after, WorksheetDocument::difficulty);
        property(changes, "language", before, after, WorksheetDocument::language);
        Map<String, Field> old = byKey(before);
        Map<String, Field> now = byKey(after);
        for (Field field : after.fields()) {
            Field was = old.get(field.key());
            if (was == null) {
                changes.add(new Change("worksheet.diff.field-added", name(field)));
            } else if (!was.equals(field)) {
                changes.add(new Change("worksheet.diff.field-changed", name(field)));
            }
        }
        for (Field field : before.fields()) {
            if (!now.containsKey(field.key())) {
                changes.add(new Change("worksheet.diff.field-removed", name(field)));
            }
        }
        List<String> orderBefore = before.fields().stream().map(Field::key).filter(now::containsKey).toList();
        List<String> orderAfter = after.fields().stream().map(Field::key).filter(old::containsKey).toList();
        if (!orderBefore.equals(orderAfter)) {
            changes.add(new Change("worksheet.diff.reordered", ""));
        }
        property(changes, "scoring", before, after, WorksheetDocument::scoring);
        return changes;
    }

    private static void property(List<Change> changes, String name, WorksheetDocument before, WorksheetDocument after,
                                 Function<WorksheetDocument, Object> value) {
        if (!Objects.equals(value.apply(before), value.apply(after))) {
            changes.add(new Change("worksheet.diff." + name, ""));
        }
    }

    private static Map<String, Field> byKey(WorksheetDocument document) {
        return document.fields().stream().collect(Collectors.toMap(Field::key, f -> f, (a, b) -> a));
    }

    private static String name(Field field) {
        return field.label().isBlank() ? field.key() : field.label();
    }
}
