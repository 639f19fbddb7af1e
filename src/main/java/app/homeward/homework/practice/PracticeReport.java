package app.homeward.homework.practice;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One therapist's homework practice, or (clinic-wide) everyone's together, month by month, oldest first, with the
 * current month last.
 */
public record PracticeReport(boolean clinicWide, List<Month> months) {

    /** The shares of one calendar month (in the clinic's time zone). */
    public record Month(YearMonth month, Map<PracticeMeasure, Share> shares) {
        public Share share(PracticeMeasure measure) {
            return shares.getOrDefault(measure, Share.NONE);
        }
    }

    /** {@code count} of {@code of}; no percentage where there is nothing to count. */
    public record Share(int count, int of) {
        public static final Share NONE = new Share(0, 0);

        public Integer percent() {
            return of == 0 ? null : Math.round(100f * count / of);
        }

        Share plus(Share other) {
            return new Share(count + other.count, of + other.of);
        }
    }

    /** All months together. */
    public Share total(PracticeMeasure measure) {
        return months.stream().map(m -> m.share(measure)).reduce(Share.NONE, Share::plus);
    }

    /** True when no plan was made and no entry sent in the whole period. */
    public boolean empty() {
        return months.stream().allMatch(m -> m.shares().values().stream().allMatch(s -> s.of() == 0));
    }
}
