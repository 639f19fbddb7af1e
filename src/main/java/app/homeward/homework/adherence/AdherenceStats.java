package app.homeward.homework.adherence;

/**
 * Adherence numbers over a window (see {@link AdherenceService} for the exact rules).
 * <ul>
 *   <li>{@code counted}: occurrences whose outcome is settled: done, partly done, or missed (not done
 *       within the clinic's grace period after the due time). Still due, coming up and skipped
 *       (ended or carried over) homework does not count.</li>
 *   <li>{@code done}, {@code partial}, {@code missed}: how the counted ones ended ({@code done + partial
 *       + missed == counted}).</li>
 *   <li>{@code onTime}: done or partly done no later than the due time.</li>
 *   <li>{@code reflections}: reflections given on entries sent in the window; the averages are over
 *       the reflections that have that rating (null when none).</li>
 *   <li>{@code longestMissedRun}, {@code currentMissedRun}: the longest run of missed occurrences in a
 *       row (by due time), and the run the client is in now (0 when the latest counted one was done).
 *       Over several clients: the largest of theirs.</li>
 * </ul>
 */
public record AdherenceStats(int counted, int done, int partial, int missed, int onTime, int reflections,
                             Double averageDifficulty, Double averageHelpful, Double averagePercentDone,
                             int longestMissedRun, int currentMissedRun) {

    public static final AdherenceStats NONE = new AdherenceStats(0, 0, 0, 0, 0, 0, null, null, null, 0, 0);

    /** Done or partly done, of the counted occurrences, in whole percent; null when nothing counted. */
    public Integer completionPercent() {
        return percent(done + partial);
    }

    /** Done or partly done by the due time, of the counted occurrences; null when nothing counted. */
    public Integer onTimePercent() {
        return percent(onTime);
    }

    public boolean isEmpty() {
        return counted == 0 && reflections == 0;
    }

    private Integer percent(int part) {
        return counted == 0 ? null : (int) Math.round(100.0 * part / counted);
    }
}
