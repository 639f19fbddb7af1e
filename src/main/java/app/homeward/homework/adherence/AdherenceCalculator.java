package app.homeward.homework.adherence;

import app.homeward.homework.Entry;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceState;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The arithmetic of adherence, apart from queries and security so it can be checked with the clock
 * set by hand: what counts, the rates, missed runs, weeks, measure trends and attention reasons. The
 * rules are those of {@link AdherenceService} and {@link AdherenceStats}.
 */
final class AdherenceCalculator {

    /** "Nothing done in 7 days" looks this far back. */
    static final Duration ATTENTION_PERIOD = Duration.ofDays(7);

    private final Instant now;
    private final Duration grace;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final int weeks;

    /** @param firstDay the Monday the window starts on; the window has {@code weeks} weeks and ends today */
    AdherenceCalculator(Instant now, Duration grace, LocalDate firstDay, int weeks) {
        this.now = now;
        this.grace = grace;
        this.firstDay = firstDay;
        this.lastDay = firstDay.plusWeeks(weeks).minusDays(1);
        this.weeks = weeks;
    }

    /** The Monday a window of {@code weeks} weeks that ends on {@code today} starts on. */
    static LocalDate firstDay(LocalDate today, int weeks) {
        return today.with(DayOfWeek.MONDAY).minusWeeks(weeks - 1L);
    }

    /** One client's numbers, weeks, measure trends and attention reasons. */
    record ClientResult(UUID clientId, Tally tally, int[][] weekCounts, List<ClientAdherence.MeasureTrend> measures,
                        List<AdherenceReport.Reason> reasons) {

        AdherenceStats stats() {
            return tally.stats();
        }
    }

    /**
     * @param occurrences the client's occurrences around the window (any order; others are ignored by date)
     * @param entries     the client's entries sent in the window
     * @param plans       the client's plans live in the window, newest first
     * @param openAlerts  the client's unacknowledged safety alerts
     */
    ClientResult client(UUID clientId, ZoneId zone, List<Occurrence> occurrences, List<Entry> entries,
                        List<AdherencePlans.PlanFacts> plans, long openAlerts) {
        // the window's weeks are the clinic's: a client east of the clinic may already be in the next week
        // (their Monday, the clinic's Sunday); that day counts once the clinic's week has turned too
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate until = today.isAfter(lastDay) ? lastDay : today;
        Tally tally = new Tally();
        int[][] weekCounts = new int[weeks][3];
        Instant attentionFrom = now.minus(ATTENTION_PERIOD);
        int missedLately = 0;
        boolean doneLately = false;
        List<Occurrence> sorted = new ArrayList<>(occurrences);
        sorted.sort(Comparator.comparing(Occurrence::getDueAt));
        for (Occurrence o : sorted) {
            OccurrenceState state = o.state(now, grace, zone);
            if (state.finished() && o.getCompletedAt() != null && !o.getCompletedAt().isBefore(attentionFrom)) {
                doneLately = true;
            }
            if (o.getLocalDate().isBefore(firstDay) || o.getLocalDate().isAfter(until)) {
                continue;
            }
            int week = (int) ChronoUnit.WEEKS.between(firstDay, o.getLocalDate().with(DayOfWeek.MONDAY));
            switch (state) {
                case DONE, PARTIAL -> {
                    boolean onTime = o.getCompletedAt() != null && !o.getCompletedAt().isAfter(o.getDueAt());
                    tally.finished(state == OccurrenceState.PARTIAL, onTime);
                    weekCounts[week][state == OccurrenceState.DONE ? 0 : 1]++;
                }
                case MISSED -> {
                    tally.missed();
                    weekCounts[week][2]++;
                    if (!o.getDueAt().isBefore(attentionFrom)) {
                        missedLately++;
                    }
                }
                default -> { } // still due, coming up or skipped: not decided, not counted
            }
        }
        Map<UUID, String> titles = new HashMap<>();
        plans.forEach(p -> titles.put(p.id(), p.title()));
        Map<String, Integer[]> scores = new LinkedHashMap<>();
        Map<String, Instant[]> scoredAt = new HashMap<>();
        for (Entry e : entries) {
            if (e.getSubmittedAt() == null) {
                continue;
            }
            if (!e.getSubmittedAt().isBefore(attentionFrom)) {
                doneLately = true;
            }
            LocalDate day = LocalDate.ofInstant(e.getSubmittedAt(), zone);
            if (day.isBefore(firstDay) || day.isAfter(until)) {
                continue;
            }
            if (e.getPercentDone() != null) {
                tally.reflection(e.getReflectionDifficulty(), e.getReflectionHelpful(), e.getPercentDone());
            }
            String title = titles.get(e.getAssignmentId());
            if (e.getScoreTotal() == null || title == null) {
                continue;
            }
            int week = (int) ChronoUnit.WEEKS.between(firstDay, day.with(DayOfWeek.MONDAY));
            Integer[] perWeek = scores.computeIfAbsent(title, t -> new Integer[weeks]);
            Instant[] when = scoredAt.computeIfAbsent(title, t -> new Instant[weeks]);
            if (when[week] == null || e.getSubmittedAt().isAfter(when[week])) {
                perWeek[week] = e.getScoreTotal();
                when[week] = e.getSubmittedAt();
            }
        }
        List<ClientAdherence.MeasureTrend> measures = scores.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(m -> new ClientAdherence.MeasureTrend(m.getKey(), Arrays.asList(m.getValue()))).toList();

        List<AdherenceReport.Reason> reasons = new ArrayList<>();
        if (openAlerts > 0) {
            reasons.add(new AdherenceReport.Reason(AdherenceReport.Kind.OPEN_ALERTS, (int) openAlerts, 0, 0));
        }
        if (missedLately > 0 && !doneLately) {
            reasons.add(new AdherenceReport.Reason(AdherenceReport.Kind.NOTHING_DONE, missedLately, 0, 0));
        }
        if (plans.size() >= 2 && plans.get(0).confidence() < plans.get(1).confidence()) {
            reasons.add(new AdherenceReport.Reason(AdherenceReport.Kind.CONFIDENCE_DROPPING, 0,
                    plans.get(1).confidence(), plans.get(0).confidence()));
        }
        return new ClientResult(clientId, tally, weekCounts, measures, List.copyOf(reasons));
    }

    /** The weeks of the window with their counts. */
    List<AdherenceReport.Week> weeks(int[][] counts) {
        List<AdherenceReport.Week> result = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            result.add(new AdherenceReport.Week(firstDay.plusWeeks(i), counts[i][0], counts[i][1], counts[i][2]));
        }
        return result;
    }

    /** Running counts; adding tallies pools the reflections and keeps the largest missed runs. */
    static final class Tally {
        private int done;
        private int partial;
        private int missed;
        private int onTime;
        private int reflections;
        private long difficultySum;
        private int difficultyCount;
        private long helpfulSum;
        private int helpfulCount;
        private long percentSum;
        private int longestRun;
        private int currentRun;

        void finished(boolean isPartial, boolean inTime) {
            if (isPartial) {
                partial++;
            } else {
                done++;
            }
            if (inTime) {
                onTime++;
            }
            currentRun = 0;
        }

        void missed() {
            missed++;
            currentRun++;
            longestRun = Math.max(longestRun, currentRun);
        }

        void reflection(Integer difficulty, Integer helpful, int percentDone) {
            reflections++;
            percentSum += percentDone;
            if (difficulty != null) {
                difficultySum += difficulty;
                difficultyCount++;
            }
            if (helpful != null) {
                helpfulSum += helpful;
                helpfulCount++;
            }
        }

        void add(Tally other) {
            done += other.done;
            partial += other.partial;
            missed += other.missed;
            onTime += other.onTime;
            reflections += other.reflections;
            difficultySum += other.difficultySum;
            difficultyCount += other.difficultyCount;
            helpfulSum += other.helpfulSum;
            helpfulCount += other.helpfulCount;
            percentSum += other.percentSum;
            longestRun = Math.max(longestRun, other.longestRun);
            currentRun = Math.max(currentRun, other.currentRun);
        }

        AdherenceStats stats() {
            return new AdherenceStats(done + partial + missed, done, partial, missed, onTime, reflections,
                    average(difficultySum, difficultyCount), average(helpfulSum, helpfulCount),
                    average(percentSum, reflections), longestRun, currentRun);
        }

        private static Double average(long sum, int count) {
            return count == 0 ? null : Math.round(10.0 * sum / count) / 10.0;
        }
    }
}
