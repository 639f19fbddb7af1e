package app.homeward.homework.portal;

import app.homeward.base.NotFoundException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.homework.Assignment;
import app.homeward.homework.AssignmentRepository;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.Entry;
import app.homeward.homework.EntryRepository;
import app.homeward.homework.EntryState;
import app.homeward.homework.HomeworkSettingsLookup;
import app.homeward.homework.MeasureHistories;
import app.homeward.homework.MeasureHistory;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceRepository;
import app.homeward.homework.OccurrenceState;
import app.homeward.homework.Schedule;
import app.homeward.safety.ClientScores;
import app.homeward.safety.ClinicSafety;
import app.homeward.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The client's progress and history pages: completions per week, each plan's streak, measure scores over
 * time, and their own submitted entries with whether the therapist's feedback is waiting.
 */
@Service
@PreAuthorize("hasRole('CLIENT')")
public class ProgressService {

    private final AssignmentRepository assignments;
    private final OccurrenceRepository occurrences;
    private final EntryRepository entries;
    private final ClientService clients;
    private final HomeworkSettingsLookup homeworkSettings;
    private final ClinicSafety safety;
    private final MeasureHistories measureHistories;
    private final Clock clock;

    ProgressService(AssignmentRepository assignments, OccurrenceRepository occurrences, EntryRepository entries,
                    ClientService clients, HomeworkSettingsLookup homeworkSettings, ClinicSafety safety,
                    MeasureHistories measureHistories, Clock clock) {
        this.assignments = assignments;
        this.occurrences = occurrences;
        this.entries = entries;
        this.clients = clients;
        this.homeworkSettings = homeworkSettings;
        this.safety = safety;
        this.measureHistories = measureHistories;
        this.clock = clock;
    }

    /** Completions per week for the last eight weeks, the streak, and measure scores over time. */
    @Transactional(readOnly = true)
    public Progress progress() {
        ClientProfile me;
        try {
            me = clients.me();
        } catch (NotFoundException notInACaseload) {
            return new Progress(List.of(), List.of(), List.of(), safety.clientScores());
        }
        Instant now = clock.instant();
        ZoneId zone = me.timeZone();
        Duration grace = homeworkSettings.grace(CurrentUser.require().clinicId());
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate firstWeek = today.with(DayOfWeek.MONDAY).minusWeeks(7);
        List<Occurrence> all = occurrences.findByClientIdOrderByDueAt(me.id());
        int[][] counts = new int[8][3];
        Map<UUID, List<OccurrenceState>> byPlan = new HashMap<>();
        for (Occurrence o : all) {
            OccurrenceState state = o.state(now, grace, zone);
            byPlan.computeIfAbsent(o.getAssignmentId(), id -> new ArrayList<>()).add(state);
            long week = ChronoUnit.WEEKS.between(firstWeek, o.getLocalDate().with(DayOfWeek.MONDAY));
            if (week < 0 || week > 7 || o.getLocalDate().isAfter(today) || state == OccurrenceState.SKIPPED) {
                continue;
            }
            int[] c = counts[(int) week];
            c[2]++;
            if (state == OccurrenceState.DONE) {
                c[0]++;
            } else if (state == OccurrenceState.PARTIAL) {
                c[1]++;
            }
        }
        List<Progress.Week> weeks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            weeks.add(new Progress.Week(firstWeek.plusWeeks(i), counts[i][0], counts[i][1], counts[i][2]));
        }
        ClientScores shown = safety.clientScores();
        List<MeasureHistory> measures = shown == ClientScores.NOTHING ? List.of() : measureHistories.of(me.id(), zone);
        List<Progress.Streak> streaks = new ArrayList<>();
        for (Assignment plan : assignments.findByClientIdAndStatusOrderByCreatedAt(me.id(), AssignmentStatus.ACTIVE)) {
            Progress.Streak.Rhythm rhythm = rhythm(plan.schedule());
            int count = rhythm == null ? 0 : streak(byPlan.getOrDefault(plan.getId(), List.of()));
            if (count > 0) {
                streaks.add(new Progress.Streak(plan.getTitle(), count, rhythm));
            }
        }
        streaks.sort(Comparator.comparingInt(Progress.Streak::count).reversed());
        return new Progress(weeks, List.copyOf(streaks), measures, shown);
    }

    /** The unit a plan's streak counts in; null for a one-off, which has no streak. */
    static Progress.Streak.Rhythm rhythm(Schedule schedule) {
        return switch (schedule.kind()) {
            case ONCE -> null;
            case DAILY -> Progress.Streak.Rhythm.DAYS;
            case WEEKDAYS -> schedule.weekdays().size() == 1 ? Progress.Streak.Rhythm.WEEKS
                    : schedule.weekdays().size() == 7 ? Progress.Streak.Rhythm.DAYS : Progress.Streak.Rhythm.TIMES;
            case EVERY_N_DAYS -> schedule.everyDays() == null ? Progress.Streak.Rhythm.TIMES
                    : schedule.everyDays() == 1 ? Progress.Streak.Rhythm.DAYS
                    : schedule.everyDays() == 7 ? Progress.Streak.Rhythm.WEEKS : Progress.Streak.Rhythm.TIMES;
        };
    }

    /**
     * How many of a plan's occurrences were done (fully or in part) in a row, counting back from the latest
     * one that is due (today's, still open, does not end it). A single miss is forgiven when the one before
     * it was done; two in a row end the streak. Skipped ones do not count either way. Praise effort, not
     * perfection. {@code states} in due order.
     */
    static int streak(List<OccurrenceState> states) {
        int streak = 0;
        boolean forgiven = false;
        for (int i = states.size() - 1; i >= 0; i--) {
            OccurrenceState state = states.get(i);
            if (state == OccurrenceState.UPCOMING || state == OccurrenceState.DUE || state == OccurrenceState.SKIPPED) {
                continue;
            }
            if (state.finished()) {
                streak++;
                forgiven = false;
            } else if (!forgiven && previousFinished(states, i)) {
                forgiven = true;
            } else {
                return streak;
            }
        }
        return streak;
    }

    private static boolean previousFinished(List<OccurrenceState> states, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (states.get(i) != OccurrenceState.SKIPPED) {
                return states.get(i).finished();
            }
        }
        return false;
    }

    /** The client's submitted entries, newest first, with whether feedback is waiting. */
    @Transactional(readOnly = true)
    public List<PastEntry> history() {
        ClientProfile me;
        try {
            me = clients.me();
        } catch (NotFoundException notInACaseload) {
            return List.of();
        }
        List<Entry> list = entries.findByClientIdAndStateOrderBySubmittedAtDesc(me.id(), EntryState.SUBMITTED);
        Map<UUID, Assignment> plans = assignments.findByIdIn(list.stream().map(Entry::getAssignmentId).distinct().toList())
                .stream().collect(Collectors.toMap(Assignment::getId, Function.identity()));
        return list.stream().map(e -> new PastEntry(e.getOccurrenceId(), plans.get(e.getAssignmentId()).getTitle(),
                e.getSubmittedAt().atZone(me.timeZone()), e.getScoreTotal(), e.getScoreBand(), e.getPercentDone(),
                e.getReviewedAt() != null && e.getFeedback() != null && !e.getFeedback().isBlank())).toList();
    }

    /** One submitted entry in the client's history. */
    public record PastEntry(UUID occurrenceId, String title, ZonedDateTime submittedAt, Integer score,
                            String band, Integer percentDone, boolean hasFeedback) {
    }

}
