package app.homeward.worksheet;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a scored measure adds up: the fields whose answers are summed ({@code items}), the ones
 * scored in reverse, severity bands over the total, and alert rules on one item or the total
 * (PHQ-9: item 9 at 1 or more). Computed on the server by {@link Scorer}.
 *
 * <p>Optional, for measurement-based care: {@code subscales} (DASS-21: depression, anxiety and
 * stress, each summed and doubled), a {@code multiplier} on the total, and the figures reliable
 * change needs ({@code reliability}, {@code normSd}, and the clinical {@code cutoff}), written in
 * the measure's file with their source. Where the literature publishes a reliable-change figure in points
 * but no norm SD one can trust (PCL-5), {@code reliableChange} states that figure instead; reliability
 * and SD win when both are given. Absent fields are left out of the JSON, so a document
 * written before they existed serialises exactly as it did (its content hash does not change).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Scoring(List<String> items, List<String> reversed, List<Band> bands, List<AlertRule> alerts,
                      List<Subscale> subscales, Integer multiplier, Double reliability, Double normSd, Integer cutoff,
                      Integer reliableChange) implements SummedItems {

    /** The alert target meaning "the total" rather than one item. */
    public static final String TOTAL = "total";
    /**
     * Largest multiplier: DASS-21 doubles, nothing published multiplies by more than a few. Also keeps a
     * total in an int: 100 items of at most ±1,000,000 (see {@link Scorer}) times 10 is ±10⁹.
     */
    static final int MAX_MULTIPLIER = 10;
    /** An SD above this is surely a typing mistake (no measure here spans more than a few hundred points). */
    static final double MAX_NORM_SD = 1_000;
    /** What the client is told when a rule fires: a couple of sentences, never an essay. */
    public static final int ALERT_MESSAGE = 500;

    public Scoring {
        items = items == null ? List.of() : List.copyOf(items);
        reversed = reversed == null ? List.of() : List.copyOf(reversed);
        bands = bands == null ? List.of() : List.copyOf(bands);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        subscales = subscales == null ? List.of() : List.copyOf(subscales);
    }

    /** A measure without subscales, multiplier or change statistics (the shape before issue 13). */
    public Scoring(List<String> items, List<String> reversed, List<Band> bands, List<AlertRule> alerts) {
        this(items, reversed, bands, alerts, List.of(), null, null, null, null, null);
    }

    /** A measure without a published reliable-change figure in points (judged by reliability and SD, if any). */
    public Scoring(List<String> items, List<String> reversed, List<Band> bands, List<AlertRule> alerts,
                   List<Subscale> subscales, Integer multiplier, Double reliability, Double normSd, Integer cutoff) {
        this(items, reversed, bands, alerts, subscales, multiplier, reliability, normSd, cutoff, null);
    }

    /** The same scoring with other change statistics (reliability, norm SD, cut-off). */
    public Scoring withChange(Double newReliability, Double newNormSd, Integer newCutoff) {
        return new Scoring(items, reversed, bands, alerts, subscales, multiplier, newReliability, newNormSd, newCutoff,
                reliableChange);
    }

    /** The same scoring with other subscales. */
    public Scoring withSubscales(List<Subscale> newSubscales) {
        return new Scoring(items, reversed, bands, alerts, newSubscales, multiplier, reliability, normSd, cutoff,
                reliableChange);
    }

    /** Totals from {@code min} to {@code max} (inclusive) read as {@code label}, e.g. 10–14 "Moderate". */
    public record Band(int min, int max, String label) {
        public Band {
            label = label == null ? "" : label;
        }
    }

    /**
     * Raise {@code label} (for the clinician) when {@code target} (an item key or "total") scores
     * {@code atLeast} or more. {@code message} is what the client is told when it fires, written by the
     * worksheet's author for rules that are not about self-harm (AUDIT: "talk to your clinician about
     * your drinking"); blank means the clinic's own crisis text is shown instead.
     */
    public record AlertRule(String target, int atLeast, String label,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) String message) {
        public AlertRule {
            target = target == null ? "" : target;
            label = label == null ? "" : label;
            message = message == null ? "" : message;
        }

        /** A rule without a message of its own for the client. */
        public AlertRule(String target, int atLeast, String label) {
            this(target, atLeast, label, "");
        }
    }

    /**
     * A part of the measure scored on its own: {@code items} (all also items of the measure, reversed
     * as there) summed and multiplied by {@code multiplier} (DASS-21: ×2), with bands and change
     * statistics of its own. The key names it in results ("depression"); the label is shown.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Subscale(String key, String label, List<String> items, Integer multiplier, List<Band> bands,
                           Double reliability, Double normSd, Integer cutoff) implements SummedItems {
        public Subscale {
            key = key == null ? "" : key;
            label = label == null ? "" : label;
            items = items == null ? List.of() : List.copyOf(items);
            bands = bands == null ? List.of() : List.copyOf(bands);
        }
    }

    List<FieldProblem> problems(WorksheetDocument document) {
        List<FieldProblem> problems = new ArrayList<>();
        if (items.isEmpty()) {
            problems.add(new FieldProblem(null, "worksheet.problem.scoring-no-items"));
        }
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            Field field = document.field(item);
            if (field == null) {
                problems.add(new FieldProblem(null, "worksheet.problem.scoring-unknown", item));
            } else if (!Scorer.scorable(field)) {
                problems.add(new FieldProblem(item, "worksheet.problem.scoring-not-scorable"));
            } else if (!seen.add(item)) {
                problems.add(new FieldProblem(item, "worksheet.problem.scoring-twice"));
            }
        }
        for (String item : reversed) {
            if (!items.contains(item)) {
                problems.add(new FieldProblem(null, "worksheet.problem.scoring-unknown", item));
            }
        }
        if (bands.size() > WorksheetLimits.BANDS || alerts.size() > WorksheetLimits.ALERTS
                || subscales.size() > WorksheetLimits.SUBSCALES) {
            problems.add(new FieldProblem(null, "worksheet.problem.scoring-too-many", WorksheetLimits.BANDS));
        }
        if (!bandsValid(bands)) {
            problems.add(new FieldProblem(null, "worksheet.problem.scoring-bands"));
        }
        for (AlertRule alert : alerts) {
            boolean known = TOTAL.equals(alert.target()) || items.contains(alert.target());
            if (!known) {
                problems.add(new FieldProblem(null, "worksheet.problem.scoring-unknown", alert.target()));
            } else if (alert.label().isBlank() || alert.label().length() > 200) {
                problems.add(new FieldProblem(null, "worksheet.problem.scoring-alert-label"));
            } else if (alert.message().length() > ALERT_MESSAGE) {
                problems.add(new FieldProblem(null, "worksheet.problem.scoring-alert-message", ALERT_MESSAGE));
            }
        }
        if (multiplier != null && (multiplier < 1 || multiplier > MAX_MULTIPLIER)) {
            problems.add(new FieldProblem(null, "worksheet.problem.scoring-multiplier", MAX_MULTIPLIER));
        }
        changeProblems(null, reliability, normSd, cutoff, min(document), max(document), problems);
        Integer low = min(document);
        Integer high = max(document);
        if (reliableChange != null && (reliableChange < 1 || low != null && high != null && reliableChange > high - low)) {
            problems.add(new FieldProblem(null, "worksheet.problem.scoring-reliable-change",
                    low == null || high == null ? 1 : high - low));
        }
        Set<String> subscaleKeys = new HashSet<>();
        for (Subscale subscale : subscales) {
            String key = subscale.key();
            boolean itemsKnown = !subscale.items().isEmpty() && subscale.items().stream().allMatch(items::contains)
                    && subscale.items().stream().distinct().count() == subscale.items().size();
            if (key.isBlank() || key.length() > 40 || TOTAL.equals(key) || !subscaleKeys.add(key)
                    || subscale.label().isBlank() || subscale.label().length() > 60 || !itemsKnown) {
                problems.add(new FieldProblem(null, "worksheet.problem.scoring-subscale", subscale.label().isBlank() ? key : subscale.label()));
                continue;
            }
            if (subscale.bands().size() > WorksheetLimits.BANDS) {
                problems.add(new FieldProblem(null, "worksheet.problem.scoring-too-many", WorksheetLimits.BANDS));
            }
            if (!bandsValid(subscale.bands())) {
                problems.add(new FieldProblem(null, "worksheet.problem.scoring-bands"));
            }
            if (subscale.multiplier() != null && (subscale.multiplier() < 1 || subscale.multiplier() > MAX_MULTIPLIER)) {
                problems.add(new FieldProblem(null, "worksheet.problem.scoring-multiplier", MAX_MULTIPLIER));
            }
            changeProblems(subscale.label(), subscale.reliability(), subscale.normSd(), subscale.cutoff(),
                    subscale.min(document), subscale.max(document), problems);
        }
        return problems;
    }

    private static boolean bandsValid(List<Band> bands) {
        List<Band> sorted = bands.stream().sorted(Comparator.comparingInt(Band::min)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            Band band = sorted.get(i);
            if (band.min() > band.max() || band.label().isBlank() || band.label().length() > 60
                    || i > 0 && sorted.get(i - 1).max() >= band.min()) {
                return false;
            }
        }
        return true;
    }

    // reliability and SD go together (one without the other cannot give a reliable-change threshold);
    // r = 1 would make every change "reliable", so it must be strictly between 0 and 1
    private static void changeProblems(String subscale, Double reliability, Double normSd, Integer cutoff,
                                       Integer low, Integer high, List<FieldProblem> problems) {
        if ((reliability == null) != (normSd == null)
                || reliability != null && !(reliability > 0 && reliability < 1)
                || normSd != null && !(normSd > 0 && normSd <= MAX_NORM_SD)) {
            problems.add(subscale == null ? new FieldProblem(null, "worksheet.problem.scoring-change")
                    : new FieldProblem(null, "worksheet.problem.scoring-subscale-change", subscale));
        }
        if (cutoff != null && low != null && high != null && (cutoff <= low || cutoff > high)) {
            problems.add(subscale == null ? new FieldProblem(null, "worksheet.problem.scoring-cutoff", low + 1, high)
                    : new FieldProblem(null, "worksheet.problem.scoring-subscale-cutoff", subscale, low + 1, high));
        }
    }
}
