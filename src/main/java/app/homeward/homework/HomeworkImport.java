package app.homeward.homework;

import app.homeward.client.ClientService;
import app.homeward.worksheet.FieldTypes;
import app.homeward.worksheet.PublishedWorksheet;
import app.homeward.worksheet.ScoreResult;
import app.homeward.worksheet.Scorer;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetJson;
import app.homeward.worksheet.WorksheetService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * For the tenants/ import only (the demo clinic): gives a demo client a first assignment of a
 * built-in worksheet so the loop can be tried at once. Runs with the clinic bound and nobody
 * signed in; does nothing when the client already has homework.
 */
@Component
public class HomeworkImport {

    private final AssignmentRepository assignments;
    private final OccurrenceRepository occurrences;
    private final EntryRepository entries;
    private final OccurrencePlanner occurrencePlanner;
    private final ClientService clients;
    private final WorksheetService worksheets;
    private final Clock clock;

    HomeworkImport(AssignmentRepository assignments, OccurrenceRepository occurrences, EntryRepository entries,
                   OccurrencePlanner occurrencePlanner, ClientService clients, WorksheetService worksheets, Clock clock) {
        this.assignments = assignments;
        this.occurrences = occurrences;
        this.entries = entries;
        this.occurrencePlanner = occurrencePlanner;
        this.clients = clients;
        this.worksheets = worksheets;
        this.clock = clock;
    }

    /** A daily plan from today for {@code days} days at {@code time} in the client's time zone. */
    @Transactional
    public boolean importAssignment(UUID clientAccountId, String builtInSlug, String title, String rationale,
                                    String what, String when, String where, LocalTime time, int days,
                                    Set<Obstacle> obstacles, String backupPlan, int confidence, int difficulty) {
        var client = clients.findByAccount(clientAccountId).orElseThrow(
                () -> new IllegalArgumentException("tenants: the client is in no caseload"));
        // once per title: a tenant file may give a client several plans, and a restart must not add them again
        if (assignments.findByClientIdOrderByCreatedAtDesc(client.id()).stream()
                .anyMatch(existing -> existing.getTitle().equals(title))) {
            return false;
        }
        LocalDate today = LocalDate.now(clock.withZone(client.timeZone()));
        Schedule schedule = new Schedule(Schedule.Kind.DAILY, today, null, days, time, null, null, client.timeZone());
        AssignmentPlan plan = new AssignmentPlan(title, rationale, what, when, where, schedule, obstacles, "",
                backupPlan, confidence, false, false, difficulty, null);
        PublishedWorksheet worksheet = worksheets.builtInForImport(builtInSlug);
        Assignment unsaved = new Assignment(client.id(), client.therapistId(), worksheet.versionId(), true, plan,
                clock.instant());
        unsaved.compareRationaleWith(worksheet.document().rationale());
        Assignment assignment = assignments.save(unsaved);
        occurrencePlanner.generate(assignment, Instant.MIN);
        return true;
    }

    /**
     * A measure taken every {@code everyDays} days since {@code daysAgo} days ago, with the weeks
     * already behind the client filled in: each past occurrence gets the score listed for it (answers
     * chosen to add up to it, never touching an alert item), or stays missed where the score is
     * null. So the demo's adherence and progress pages have a history to show.
     */
    @Transactional
    public boolean importMeasureHistory(UUID clientAccountId, String builtInSlug, String title, String rationale,
                                        LocalTime time, int everyDays, int daysAgo, int times,
                                        List<Integer> scores, int confidence, int difficulty) {
        var client = clients.findByAccount(clientAccountId).orElseThrow(
                () -> new IllegalArgumentException("tenants: the client is in no caseload"));
        if (!assignments.findByClientIdOrderByCreatedAtDesc(client.id()).isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        LocalDate start = LocalDate.now(clock.withZone(client.timeZone())).minusDays(daysAgo);
        Schedule schedule = new Schedule(Schedule.Kind.EVERY_N_DAYS, start, null, times, time, null, everyDays,
                client.timeZone());
        AssignmentPlan plan = new AssignmentPlan(title, rationale, "", "", "", schedule, Set.of(), "", "",
                confidence, false, false, difficulty, null);
        PublishedWorksheet worksheet = worksheets.builtInForImport(builtInSlug);
        Assignment unsaved = new Assignment(client.id(), client.therapistId(), worksheet.versionId(), true, plan,
                now.minus(Duration.ofDays(daysAgo)));
        unsaved.compareRationaleWith(worksheet.document().rationale());
        Assignment assignment = assignments.save(unsaved);
        occurrencePlanner.generate(assignment, Instant.MIN);
        var past = occurrences.findByAssignmentIdOrderByDueAt(assignment.getId()).stream()
                .filter(o -> o.getDueAt().isBefore(now)).toList();
        for (int i = 0; i < past.size() && i < scores.size(); i++) {
            Integer score = scores.get(i);
            if (score == null) {
                continue; // missed
            }
            Occurrence occurrence = past.get(i);
            Map<String, Object> answers = answersScoring(worksheet.document(), score);
            ScoreResult result = Scorer.score(worksheet.document(), answers);
            Instant at = occurrence.getDueAt().minus(Duration.ofHours(2));
            Entry entry = new Entry(occurrence.getId(), assignment.getId(), client.id(),
                    WorksheetJson.writeAnswers(answers), at);
            entry.submit(WorksheetJson.writeAnswers(answers), result.total(), result.band(),
                    result.alerts().size(), at);
            entry.reflect(100, 3, 7, Set.of(), "");
            entries.save(entry);
            occurrence.complete(false, at);
        }
        return true;
    }

    /** Answers to a scored questionnaire that add up to {@code target}: items filled in order, the last item left at 0. */
    static Map<String, Object> answersScoring(WorksheetDocument document, int target) {
        Map<String, Object> answers = new LinkedHashMap<>();
        var choices = document.fields().stream()
                .filter(f -> f instanceof FieldTypes.SingleChoice)
                .map(f -> (FieldTypes.SingleChoice) f).toList();
        var scored = choices.stream().filter(c -> c.options().stream().allMatch(o -> o.score() != null)).toList();
        int left = target;
        for (int i = 0; i < scored.size(); i++) {
            var item = scored.get(i);
            var options = item.options().stream()
                    .sorted(Comparator.comparing(FieldTypes.Option::score)).toList();
            boolean last = i == scored.size() - 1; // PHQ-9 item 9 raises an alert above 0: never in a demo
            var pick = options.getFirst();
            for (var option : options) {
                if (!last && option.score() <= left) {
                    pick = option;
                }
            }
            left -= pick.score();
            answers.put(item.key(), pick.value());
        }
        choices.stream().filter(c -> !scored.contains(c) && c.required())
                .forEach(c -> answers.put(c.key(), c.options().getFirst().value()));
        return answers;
    }
}
