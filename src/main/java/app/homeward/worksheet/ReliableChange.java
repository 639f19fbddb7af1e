package app.homeward.worksheet;

import java.util.List;
import java.util.Objects;

/**
 * Whether a client's score changed by more than measurement error, after Jacobson &amp; Truax (1991):
 * the standard error of a difference is {@code SEdiff = normSd × √2 × √(1 − r)}, the reliable change
 * index is {@code RCI = (latest − first) / SEdiff}, and a change is reliable when {@code |RCI| ≥ 1.96}.
 * On every measure Homeward ships a higher score is worse, so a reliable fall is an improvement.
 * Pure and stateless: the figures come from the measure's {@link Scoring} (or one {@link Scoring.Subscale}).
 *
 * <p>Scores are whole numbers, so {@code |change| ≥ 1.96 × SEdiff} holds exactly when
 * {@code |change| ≥ ⌈1.96 × SEdiff⌉}: the outcome is decided on {@link #threshold()} in whole points, the
 * same number the page shows ("a change of 6 points or more"), so the two can never disagree.
 *
 * @param outcome   reliable improvement, no reliable change, reliable deterioration, or not enough data
 * @param first     the first score (null when there is none)
 * @param latest    the latest score (null when there are fewer than two)
 * @param index     the RCI, {@code (latest − first) / SEdiff}; null when not computed
 * @param threshold the smallest change in whole points that is reliable; null when the measure has no
 *                  reliability and norm SD
 * @param recovered reliable improvement, from at or above the clinical cut-off to below it
 */
public record ReliableChange(Outcome outcome, Integer first, Integer latest, Double index, Integer threshold,
                             boolean recovered) {

    /** The two-tailed 95% critical value Jacobson &amp; Truax use. */
    public static final double Z = 1.96;

    // 1.96 × SEdiff computed in floating point can land a hair above a whole number it equals on paper
    private static final double ROUNDING = 1e-9;

    public enum Outcome {
        RELIABLE_IMPROVEMENT, NO_RELIABLE_CHANGE, RELIABLE_DETERIORATION,
        /** Fewer than two scores, or the measure has no reliability and norm SD to judge by. */
        NOT_ENOUGH_DATA
    }

    public ReliableChange {
        Objects.requireNonNull(outcome);
    }

    /**
     * Reliable change of a measure's total between the first and the latest of {@code totals} (oldest
     * first; nulls, such as entries without a score, are skipped), judged by the scoring's
     * {@code reliability}, {@code normSd} and {@code cutoff}.
     */
    public static ReliableChange of(Scoring scoring, List<Integer> totals) {
        if (threshold(scoring.reliability(), scoring.normSd()) == null && scoring.reliableChange() != null
                && scoring.reliableChange() > 0) {
            return ofPublished(scoring.reliableChange(), scoring.cutoff(), totals);
        }
        return of(scoring.reliability(), scoring.normSd(), scoring.cutoff(), totals);
    }

    /**
     * Reliable change judged by a figure the literature publishes in whole points ({@code points}, PCL-5:
     * 10) rather than by reliability and SD. The same rule, {@code |change| ≥ points}; the index is
     * reported on the same scale, {@code change × 1.96 / points}, so 1.96 still marks the threshold.
     */
    public static ReliableChange ofPublished(int points, Integer cutoff, List<Integer> scores) {
        if (points < 1) {
            throw new IllegalArgumentException("A reliable-change figure is at least one point");
        }
        return judge(points, points / Z, cutoff, scores);
    }

    /** Reliable change of one subscale's scores (oldest first, nulls skipped), by the subscale's own figures. */
    public static ReliableChange of(Scoring.Subscale subscale, List<Integer> scores) {
        return of(subscale.reliability(), subscale.normSd(), subscale.cutoff(), scores);
    }

    /**
     * Reliable change from explicit figures: {@code reliability} r (0 &lt; r &lt; 1), the norm {@code normSd},
     * and the optional clinical {@code cutoff} (the score at or above which the measure reads as clinical).
     */
    public static ReliableChange of(Double reliability, Double normSd, Integer cutoff, List<Integer> scores) {
        Integer threshold = threshold(reliability, normSd);
        return judge(threshold, threshold == null ? null : seDiff(reliability, normSd), cutoff, scores);
    }

    private static ReliableChange judge(Integer threshold, Double seDiff, Integer cutoff, List<Integer> scores) {
        List<Integer> known = scores == null ? List.of() : scores.stream().filter(Objects::nonNull).toList();
        Integer first = known.isEmpty() ? null : known.getFirst();
        Integer latest = known.size() < 2 ? null : known.getLast();
        if (threshold == null || latest == null) {
            return new ReliableChange(Outcome.NOT_ENOUGH_DATA, first, latest, null, threshold, false);
        }
        int change = latest - first;
        double index = change / seDiff;
        Outcome outcome = Math.abs(change) < threshold ? Outcome.NO_RELIABLE_CHANGE
                : change < 0 ? Outcome.RELIABLE_IMPROVEMENT : Outcome.RELIABLE_DETERIORATION;
        boolean recovered = outcome == Outcome.RELIABLE_IMPROVEMENT && cutoff != null && first >= cutoff && latest < cutoff;
        return new ReliableChange(outcome, first, latest, index, threshold, recovered);
    }

    /**
     * The smallest change in whole points that is reliable, {@code ⌈1.96 × SEdiff⌉} (PHQ-9: 6); null when
     * reliability or SD is missing or out of range (r must be strictly between 0 and 1, SD above 0).
     */
    public static Integer threshold(Double reliability, Double normSd) {
        if (reliability == null || normSd == null || !(reliability > 0 && reliability < 1) || !(normSd > 0)
                || normSd.isInfinite()) {
            return null;
        }
        return (int) Math.ceil(Z * seDiff(reliability, normSd) - ROUNDING);
    }

    private static double seDiff(double reliability, double normSd) {
        return normSd * Math.sqrt(2) * Math.sqrt(1 - reliability);
    }

    /** True for a reliable improvement or deterioration. */
    public boolean reliable() {
        return outcome == Outcome.RELIABLE_IMPROVEMENT || outcome == Outcome.RELIABLE_DETERIORATION;
    }
}
