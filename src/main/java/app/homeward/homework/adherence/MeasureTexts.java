package app.homeward.homework.adherence;

import app.homeward.worksheet.ReliableChange;
import app.homeward.worksheet.Scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words a measure is described in, the same on the client page and in the progress report: whether the
 * change is reliable (and the client recovered), and the scale with its bands and cut-off.
 */
public final class MeasureTexts {

    /** Translates a key with arguments in the reader's language. */
    @FunctionalInterface
    public interface Texts {
        String t(String key, Object... arguments);
    }

    private MeasureTexts() {
    }

    /** "Reliable improvement: from 17 to 8 …", or why there is no verdict yet. */
    public static String change(ReliableChange change, Integer cutoff, Texts t) {
        String text = switch (change.outcome()) {
            case RELIABLE_IMPROVEMENT -> t.t("measures.change.improvement", change.first(), change.latest(), change.threshold());
            case RELIABLE_DETERIORATION -> t.t("measures.change.deterioration", change.first(), change.latest(), change.threshold());
            case NO_RELIABLE_CHANGE -> t.t("measures.change.none", change.first(), change.latest(), change.threshold());
            case NOT_ENOUGH_DATA -> change.threshold() == null ? t.t("measures.change.unknown")
                    : t.t("measures.change.one", change.first(), change.threshold());
        };
        return change.recovered() && cutoff != null ? text + " " + t.t("measures.change.recovered", cutoff) : text;
    }

    /** "Bands: Minimal 0–4, …. Clinical cut-off: 10.", with the range first when {@code min}/{@code max} are given. */
    public static String scale(List<Scoring.Band> bands, Integer cutoff, Integer min, Integer max, Texts t) {
        List<String> parts = new ArrayList<>();
        if (min != null && max != null) {
            parts.add(t.t("report.range", min, max));
        }
        if (!bands.isEmpty()) {
            parts.add(t.t("measures.bands", bands.stream().map(b -> b.label() + " " + b.min() + "–" + b.max())
                    .collect(Collectors.joining(", "))));
        }
        if (cutoff != null) {
            parts.add(t.t("measures.cutoff", cutoff));
        }
        return String.join(" ", parts);
    }
}
