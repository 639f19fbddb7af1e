package app.homeward.worksheet;

import java.util.List;

/**
 * The score of one entry: the total (null when the template is not scored), how many of the
 * scored items were answered, the severity band the total falls in, and the alert rules it hit.
 */
public record ScoreResult(Integer total, int answeredItems, int items, String band, List<TriggeredAlert> alerts) {

    public static final ScoreResult NONE = new ScoreResult(null, 0, 0, null, List.of());

    public ScoreResult {
        alerts = List.copyOf(alerts);
    }

    public boolean scored() {
        return total != null;
    }

    /** All scored items answered: only then does the band mean what the measure says it means. */
    public boolean complete() {
        return scored() && answeredItems == items;
    }

    /** An alert rule that fired: which target, the value it saw, and the rule's label. */
    public record TriggeredAlert(String target, int value, String label) {
    }
}
