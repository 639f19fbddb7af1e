package app.homeward.worksheet;

import java.util.List;

/**
 * Items summed, then multiplied: the whole measure (PHQ-9: 0 to 27, DASS-21 total: 0 to 63) and each of
 * its subscales (DASS-21 depression: 0 to 42) add up the same way, so their ranges are worked out once.
 */
public interface SummedItems {

    List<String> items();

    Integer multiplier();

    /** What the summed items are multiplied by: the {@code multiplier}, or 1 when there is none. */
    default int factor() {
        return multiplier() == null ? 1 : multiplier();
    }

    /**
     * The lowest score this can give: every item at its lowest score, times the multiplier. Computed
     * from the document's fields, never stored, so a chart can fix its y-axis. Null when an item has no
     * bounded range (a number field without a minimum and maximum) or is not a field of {@code document}.
     */
    default Integer min(WorksheetDocument document) {
        return Scorer.range(document, items(), factor(), true);
    }

    /** The highest score this can give; null as for {@link #min}. */
    default Integer max(WorksheetDocument document) {
        return Scorer.range(document, items(), factor(), false);
    }
}
