package app.homeward.homework.adherence;

import app.homeward.homework.Entry;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of adherence with the clock set by hand: what counts, the rates, missed runs, the
 * weeks, measure trends and the reasons a client needs attention.
 */
class AdherenceCalculatorTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Duration GRACE = Duration.ofHours(24);
    /** Wednesday 18 March 2026, 12:00 in Berlin. */
    static final Instant NOW = ZonedDateTime.of(2026, 3, 18, 12, 0, 0, 0, BERLIN).toInstant();
    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    final UUID client = UUID.randomUUID();
    final UUID plan = UUID.randomUUID();
    final List<Occurrence> occurrences = new ArrayList<>();
    final List<Entry> entries = new ArrayList<>();

    AdherenceCalculator calculator(Instant now, int weeks) {
        LocalDate today = LocalDate.ofInstant(now, BERLIN);
        return new AdherenceCalculator(now, GRACE, AdherenceCalculator.firstDay(today, weeks), weeks);
    }

    AdherenceCalculator.ClientResult result(Instant now, int weeks, List<AdherencePlans.PlanFacts> plans, long alerts) {
        return calculator(now, weeks).client(client, BERLIN, occurrences, entries, plans, alerts);
    }

    /** An occurrence due at 19:00 Berlin time {@code daysAgo} days before today. */
    Occurrence due(int daysAgo) {
        LocalDate day = TODAY.minusDays(daysAgo);
        Occurrence o = new Occurrence(plan, client, ZonedDateTime.of(day, LocalTime.of(19, 0), BERLIN).toInstant(), day);
        occurrences.add(o);
        return o;
    }

    Entry sent(Occurrence o, Instant at, Integer score, Integer percent, Integer difficulty, Integer helpful) {
        Entry e = new Entry(o.getId(), plan, client, "{}", at);
        e.submit("{}", score, null, 0, at);
        if (percent != null) {
            e.reflect(percent, difficulty, helpful, Set.of(), "");
        }
        entries.add(e);
        return e;
    }

    @Test
    void four_due_two_done_one_late_one_partial_one_missed_gives_75_percent_completion_and_25_percent_on_time() {
        Occurrence onTime = due(6);
        onTime.complete(false, onTime.getDueAt().minus(Duration.ofHours(2)));
        Occurrence late = due(5);
        late.complete(false, late.getDueAt().plus(Duration.ofHours(3)));
        Occurrence partial = due(4);
        partial.complete(true, partial.getDueAt().plus(Duration.ofHours(1)));
        due(3); // never done: missed once the grace period is over

        AdherenceStats stats = result(NOW, 4, List.of(), 0).stats();

        assertThat(stats.counted()).isEqualTo(4);
        assertThat(stats.done()).isEqualTo(2);
        assertThat(stats.partial()).isEqualTo(1);
        assertThat(stats.missed()).isEqualTo(1);
        assertThat(stats.onTime()).isEqualTo(1);
        assertThat(stats.completionPercent()).as("(done + partial) / counted").isEqualTo(75);
        assertThat(stats.onTimePercent()).as("done or partial by the due time / counted").isEqualTo(25);
        assertThat(stats.longestMissedRun()).isEqualTo(1);
        assertThat(stats.currentMissedRun()).isEqualTo(1);
    }

    @Test
    void zero_percent_done_is_not_done_never_partly_done_and_counts_as_missed_at_once() {
        Occurrence half = due(6);
        half.reported(50, half.getDueAt().minus(Duration.ofHours(1)));
        Occurrence nothing = due(5);
        nothing.reported(0, nothing.getDueAt().minus(Duration.ofHours(1)));
        Occurrence today = due(0); // due tonight, still in its day: reported 0 % is settled all the same
        today.reported(0, NOW);
        Occurrence all = due(4);
        all.reported(100, all.getDueAt());

        AdherenceStats stats = result(NOW, 4, List.of(), 0).stats();

        assertThat(nothing.state(NOW, GRACE, BERLIN)).isEqualTo(OccurrenceState.MISSED);
        assertThat(today.state(NOW, GRACE, BERLIN)).isEqualTo(OccurrenceState.MISSED);
        assertThat(nothing.isOpen()).as("no more reminders for it").isFalse();
        assertThat(stats.counted()).isEqualTo(4);
        assertThat(stats.done()).isEqualTo(1);
        assertThat(stats.partial()).as("only the 50 %").isEqualTo(1);
        assertThat(stats.missed()).isEqualTo(2);
        assertThat(stats.completionPercent()).isEqualTo(50);
    }

    @Test
    void changing_zero_percent_to_some_keeps_the_time_the_entry_was_sent() {
        Occurrence o = due(5);
        Instant sent = o.getDueAt().minus(Duration.ofHours(1));
        o.complete(false, sent); // sending the entry
        o.reported(0, sent.plus(Duration.ofMinutes(5)));
        o.reported(30, NOW);

        assertThat(o.state(NOW, GRACE, BERLIN)).isEqualTo(OccurrenceState.PARTIAL);
        assertThat(o.getCompletedAt()).as("still on time").isEqualTo(sent);
    }

    @Test
    void homework_within_its_grace_period_is_not_counted_until_the_clock_moves_past_it() {
        Occurrence yesterday = due(1); // due yesterday 19:00, grace until today 19:00
        due(-1); // tomorrow: coming up
        Occurrence skipped = due(2);
        skipped.skip();

        AdherenceStats now = result(NOW, 4, List.of(), 0).stats();
        AdherenceStats later = result(NOW.plus(Duration.ofHours(8)), 4, List.of(), 0).stats();

        assertThat(yesterday.state(NOW, GRACE, BERLIN)).isEqualTo(OccurrenceState.DUE);
        assertThat(now.counted()).as("still due, coming up and skipped are not counted").isZero();
        assertThat(now.completionPercent()).as("nothing to divide by").isNull();
        assertThat(now.isEmpty()).isTrue();
        assertThat(later.counted()).isEqualTo(1);
        assertThat(later.missed()).as("past the grace period: missed").isEqualTo(1);
        assertThat(later.completionPercent()).isZero();
    }

    @Test
    void missed_runs_are_the_longest_in_a_row_and_the_one_going_on_now() {
        for (int daysAgo : new int[] {12, 11, 10, 9, 8, 7, 6, 5, 4, 3}) {
            due(daysAgo);
        }
        // done on days 9 and 5, day 10 skipped: runs of missed are 12-11 (2), 8-6 (3), 4-3 (2, going on)
        occurrences.get(3).complete(false, occurrences.get(3).getDueAt());
        occurrences.get(7).complete(false, occurrences.get(7).getDueAt());
        occurrences.get(2).skip(); // day 10 skipped: neither breaks nor lengthens the run
        Collections.shuffle(occurrences);

        AdherenceStats stats = result(NOW, 4, List.of(), 0).stats();

        assertThat(stats.counted()).isEqualTo(9);
        assertThat(stats.longestMissedRun()).isEqualTo(3);
        assertThat(stats.currentMissedRun()).isEqualTo(2);
    }

    @Test
    void the_window_starts_on_a_monday_and_counts_each_week_by_the_clients_day() {
        AdherenceCalculator four = calculator(NOW, 4);
        Occurrence thisMonday = due(2); // Monday 16 March
        thisMonday.complete(true, thisMonday.getDueAt());
        due(3); // Sunday 15 March: the week before, missed
        due(30); // before the window: ignored

        AdherenceCalculator.ClientResult result = four.client(client, BERLIN, occurrences, entries, List.of(), 0);
        List<AdherenceReport.Week> weeks = four.weeks(result.weekCounts());

        assertThat(AdherenceCalculator.firstDay(TODAY, 4)).isEqualTo(LocalDate.of(2026, 2, 23));
        assertThat(weeks).extracting(AdherenceReport.Week::start).containsExactly(LocalDate.of(2026, 2, 23),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16));
        assertThat(weeks.get(3)).isEqualTo(new AdherenceReport.Week(LocalDate.of(2026, 3, 16), 0, 1, 0));
        assertThat(weeks.get(2)).isEqualTo(new AdherenceReport.Week(LocalDate.of(2026, 3, 9), 0, 0, 1));
        assertThat(weeks.get(2).completionPercent()).isZero();
        assertThat(weeks.get(0).completionPercent()).as("nothing due that week").isNull();
        assertThat(result.stats().counted()).isEqualTo(2);
    }

    @Test
    void reflections_are_averaged_and_a_measure_keeps_the_latest_score_of_each_week() {
        Occurrence a = due(9);
        Occurrence b = due(8);
        Occurrence c = due(2);
        sent(a, a.getDueAt(), 14, 100, 4, 6);
        sent(b, b.getDueAt(), 11, 50, 7, null);
        sent(c, c.getDueAt(), 9, null, null, null); // no reflection yet
        List<AdherencePlans.PlanFacts> plans = List.of(new AdherencePlans.PlanFacts(plan, client, "PHQ-9", 7, NOW));

        AdherenceCalculator.ClientResult result = result(NOW, 4, plans, 0);

        assertThat(result.stats().reflections()).isEqualTo(2);
        assertThat(result.stats().averagePercentDone()).isEqualTo(75.0);
        assertThat(result.stats().averageDifficulty()).isEqualTo(5.5);
        assertThat(result.stats().averageHelpful()).as("only reflections with a helpfulness rating").isEqualTo(6.0);
        assertThat(result.measures()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("PHQ-9");
            assertThat(m.scores()).containsExactly(null, null, 11, 9);
        });
    }

    @Test
    void a_client_who_missed_everything_in_the_last_7_days_needs_attention_with_the_count() {
        due(10).complete(false, NOW.minus(Duration.ofDays(10)));
        due(5);
        due(4);

        assertThat(result(NOW, 4, List.of(), 0).reasons()).containsExactly(
                new AdherenceReport.Reason(AdherenceReport.Kind.NOTHING_DONE, 2, 0, 0));
    }

    @Test
    void doing_or_sending_anything_in_the_last_7_days_means_something_was_done() {
        Occurrence old = due(5);
        due(4);
        sent(old, NOW.minus(Duration.ofDays(1)), null, null, null, null);

        assertThat(result(NOW, 4, List.of(), 0).reasons()).isEmpty();
    }

    @Test
    void homework_still_in_its_grace_period_does_not_make_a_new_client_look_inactive() {
        due(1);

        assertThat(result(NOW, 4, List.of(), 0).reasons()).isEmpty();
    }

    @Test
    void a_lower_confidence_in_the_latest_plan_than_in_the_one_before_is_a_reason_and_open_alerts_come_first() {
        List<AdherencePlans.PlanFacts> newestFirst = List.of(
                new AdherencePlans.PlanFacts(UUID.randomUUID(), client, "Smaller step", 4, NOW.minus(Duration.ofDays(1))),
                new AdherencePlans.PlanFacts(plan, client, "Exposure", 8, NOW.minus(Duration.ofDays(9))));

        assertThat(result(NOW, 4, newestFirst, 2).reasons()).containsExactly(
                new AdherenceReport.Reason(AdherenceReport.Kind.OPEN_ALERTS, 2, 0, 0),
                new AdherenceReport.Reason(AdherenceReport.Kind.CONFIDENCE_DROPPING, 0, 8, 4));
        assertThat(result(NOW, 4, newestFirst.reversed(), 0).reasons()).as("confidence went up").isEmpty();
    }

    @Test
    void a_group_pools_counts_and_reflections_and_keeps_the_largest_runs() {
        AdherenceCalculator.Tally one = new AdherenceCalculator.Tally();
        one.finished(false, true);
        one.missed();
        one.missed();
        one.reflection(2, 8, 100);
        AdherenceCalculator.Tally two = new AdherenceCalculator.Tally();
        two.missed();
        two.finished(true, false);
        two.reflection(6, null, 50);
        two.reflection(4, 5, 30);
        AdherenceCalculator.Tally group = new AdherenceCalculator.Tally();
        group.add(one);
        group.add(two);

        AdherenceStats stats = group.stats();

        assertThat(stats.counted()).isEqualTo(5);
        assertThat(stats.completionPercent()).isEqualTo(40);
        assertThat(stats.onTimePercent()).isEqualTo(20);
        assertThat(stats.averageDifficulty()).isEqualTo(4.0);
        assertThat(stats.averageHelpful()).isEqualTo(6.5);
        assertThat(stats.averagePercentDone()).isEqualTo(60.0);
        assertThat(stats.longestMissedRun()).isEqualTo(2);
        assertThat(stats.currentMissedRun()).isEqualTo(2);
    }
}
