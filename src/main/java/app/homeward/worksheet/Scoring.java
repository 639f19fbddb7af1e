package app.homeward.worksheet;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a scored measure adds up: the fields whose answers are summed ({@code items}), the ones
 * scored in reverse, severity bands over the total, and alert rules on one item or the total
 * (PHQ-9: item 9 at 1 or more). Computed on the server by {@link Scorer}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Scoring(List<String> items, List<String> reversed, List<Band> bands, List<AlertRule> alerts) {

    /** The alert target meaning "the total" rather than one item. */
    public static final String TOTAL = "total";

    public Scoring {
        items = items == null ? List.of() : List.copyOf(items);
        reversed = reversed == null ? List.of() : List.copyOf(reversed);
        bands = bands == null ? List.of() : List.copyOf(bands);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** Totals from {@code min} to {@code max} (inclusive) read as {@code label}, e.g. 10–14 "Moderate". */
    public record Band(int min, int max, String label) {
        public Band {
            label = label == null ? "" : label;
        }
    }

    /** Raise {@code label} when {@code target} (an item key or "total") scores {@code atLeast} or more. */
    public record AlertRule(String target, int atLeast, String label) {
        public AlertRule {
            target = target == null ? "" : target;
            label = label == null ? "" : label;
        }
    }

    List<TemplateProblem> problems(WorksheetDocument document) {
        List<TemplateProblem> problems = new ArrayList<>();
        if (items.isEmpty()) {
            problems.add(new TemplateProblem(null, "worksheet.problem.scoring-no-items"));
        }
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            Field field = document.field(item);
            if (field == null) {
                problems.add(new TemplateProblem(null, "worksheet.problem.scoring-unknown", item));
            } else if (!Scorer.scorable(field)) {
                problems.add(new TemplateProblem(item, "worksheet.problem.scoring-not-scorable"));
            } else if (!seen.add(item)) {
                problems.add(new TemplateProblem(item, "worksheet.problem.scoring-twice"));
            }
        }
        for (String item : reversed) {
            if (!items.contains(item)) {
                problems.add(new TemplateProblem(null, "worksheet.problem.scoring-unknown", item));
            }
        }
        if (bands.size() > WorksheetLimits.BANDS || alerts.size() > WorksheetLimits.ALERTS) {
            problems.add(new TemplateProblem(null, "worksheet.problem.scoring-too-many", WorksheetLimits.BANDS));
        }
        List<Band> sorted = bands.stream().sorted(java.util.Comparator.comparingInt(Band::min)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            Band band = sorted.get(i);
            if (band.min() > band.max() || band.label().isBlank() || band.label().length() > 60
                    || i > 0 && sorted.get(i - 1).max() >= band.min()) {
                problems.add(new TemplateProblem(null, "worksheet.problem.scoring-bands"));
                break;
            }
        }
        for (AlertRule alert : alerts) {
            boolean known = TOTAL.equals(alert.target()) || items.contains(alert.target());
            if (!known) {
                problems.add(new TemplateProblem(null, "worksheet.problem.scoring-unknown", alert.target()));
            } else if (alert.label().isBlank() || alert.label().length() > 200) {
                problems.add(new TemplateProblem(null, "worksheet.problem.scoring-alert-label"));
            }
        }
        return problems;
    }
}
