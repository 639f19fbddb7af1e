package app.homeward.worksheet;

import java.util.List;

/**
 * The score of one entry: the total (null when the template is not scored), how many of the
 * scored items were answered, the severity band the total falls in, the alert rules it hit, and
 * the score of each subscale. Only total and band are stored with an entry; subscales are
 * recomputed with {@link Scorer} from the answers and the version's document when shown.
 *
 * @param total         summed items × the scoring's multiplier; null when the template is not scored
 * @param answeredItems how many scored items had a countable answer
 * @param items         how many items the scoring sums
 * @param band          the band the total falls in; null when none does (DASS-21 has no total bands)
 * @param alerts        the alert rules that fired, items first, then the total
 * @param subscales     one score per subscale, in the order the scoring lists them (DASS-21: depression,
 *                      anxiety, stress); empty for a measure without subscales. Never stored: recompute it
 */
public record ScoreResult(Integer total, int answeredItems, int items, String band, List<TriggeredAlert> alerts,
                          List<SubscaleScore> subscales) {

    public static final ScoreResult NONE = new ScoreResult(null, 0, 0, null, List.of(), List.of());

    public ScoreResult {
        alerts = List.copyOf(alerts);
        subscales = subscales == null ? List.of() : List.copyOf(subscales);
    }

    /** A result of a measure without subscales. */
    public ScoreResult(Integer total, int answeredItems, int items, String band, List<TriggeredAlert> alerts) {
        this(total, answeredItems, items, band, alerts, List.of());
    }

    public boolean scored() {
        return total != null;
    }

    /** All scored items answered: only then does the band mean what the measure says it means. */
    public boolean complete() {
        return scored() && answeredItems == items;
    }

    /** The score of the subscale with this key (DASS-21: "depression"), or null when there is none. */
    public SubscaleScore subscale(String key) {
        return subscales.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    /**
     * An alert rule that fired: which target, the value it saw, the rule's label (for the clinician)
     * and the rule's message for the client (blank: show the clinic's crisis text).
     */
    public record TriggeredAlert(String target, int value, String label, String message) {
        public TriggeredAlert {
            message = message == null ? "" : message;
        }

        public TriggeredAlert(String target, int value, String label) {
            this(target, value, label, "");
        }
    }

    /**
     * One subscale's score, in the order the measure lists them: its key and label, the total (summed
     * answered items × the subscale's multiplier), the band it falls in (null when none does or the
     * subscale has no bands), and how many of its items were answered out of how many.
     */
    public record SubscaleScore(String key, String label, int total, String band, int answered, int items) {

        /** All the subscale's items answered: only then does its band mean what the measure says. */
        public boolean complete() {
            return answered == items;
        }
    }
}
