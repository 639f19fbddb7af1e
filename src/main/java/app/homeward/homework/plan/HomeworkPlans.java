package app.homeward.homework.plan;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.base.Text;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.homework.Assignment;
import app.homeward.homework.AssignmentOption;
import app.homeward.homework.AssignmentOptionRepository;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.AssignmentRepository;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.ChangeRequest;
import app.homeward.homework.ClientFile;
import app.homeward.homework.ChangeRequestRepository;
import app.homeward.homework.Entry;
import app.homeward.homework.EntryRepository;
import app.homeward.homework.HomeworkChanges;
import app.homeward.homework.HomeworkSettingsLookup;
import app.homeward.homework.OccurrencePlanner;
import app.homeward.homework.HomeworkTexts;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceRepository;
import app.homeward.homework.Schedule;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.worksheet.PublishedWorksheet;
import app.homeward.worksheet.WorksheetService;
import app.homeward.worksheet.WorksheetVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The therapist's homework plans for a client: assigning a worksheet with a plan made in session, changing
 * the plan from now on, ending it, step ladders, a choice of tasks, carrying unfinished homework over, and the
 * client's plans with how each has gone. Every client is checked through {@link ClientService}: outside one's
 * caseload means not found.
 */
@Service
@PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
public class HomeworkPlans {

    private static final Logger LOG = LoggerFactory.getLogger(HomeworkPlans.class);

    /** A step ladder has 2 to 30 steps, each a short text the client reads as the step's title. */
    public static final int MIN_STEPS = 2;
    public static final int MAX_STEPS = 30;
    public static final int MAX_STEP_LENGTH = 120;
    /** A choice offers 2 or 3 worksheets. */
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 3;

    private final AssignmentRepository assignments;
    private final AssignmentOptionRepository options;
    private final OccurrenceRepository occurrences;
    private final EntryRepository entries;
    private final ChangeRequestRepository changeRequests;
    private final ClientService clients;
    private final WorksheetService worksheets;
    private final WorksheetVersions versions;
    private final OccurrencePlanner occurrencePlanner;
    private final HomeworkChanges changes;
    private final HomeworkSettingsLookup homeworkSettings;
    private final Clock clock;
    private final AuditTrail audit;

    HomeworkPlans(AssignmentRepository assignments, AssignmentOptionRepository options, OccurrenceRepository occurrences,
                  EntryRepository entries, ChangeRequestRepository changeRequests, ClientService clients,
                  WorksheetService worksheets, WorksheetVersions versions, OccurrencePlanner occurrencePlanner,
                  HomeworkChanges changes, HomeworkSettingsLookup homeworkSettings, Clock clock, AuditTrail audit) {
        this.assignments = assignments;
        this.options = options;
        this.occurrences = occurrences;
        this.entries = entries;
        this.changeRequests = changeRequests;
        this.clients = clients;
        this.worksheets = worksheets;
        this.versions = versions;
        this.occurrencePlanner = occurrencePlanner;
        this.changes = changes;
        this.homeworkSettings = homeworkSettings;
        this.clock = clock;
        this.audit = audit;
    }

    // ---------------------------------------------------------------- plans

    /** What the assign dialog starts from: the worksheet's title and rationale, the clinic's confidence threshold. */
    @Transactional(readOnly = true)
    public AssignStart startAssigning(UUID clientId, String worksheetId) {
        ClientProfile client = clients.profile(clientId);
        PublishedWorksheet worksheet = worksheets.latestPublished(worksheetId);
        int threshold = homeworkSettings.of(CurrentUser.require().clinicId()).confidenceThreshold();
        return new AssignStart(client, worksheet, threshold);
    }

    /** Starting point of the assign dialog. */
    public record AssignStart(ClientProfile client, PublishedWorksheet worksheet, int confidenceThreshold) {
    }

    /**
     * Assigns the latest published version of a worksheet with a plan made in session. Checks every
     * part of the plan (rationale required, schedule possible, texts within limits) and creates the
     * occurrences in the client's time zone.
     */
    @Transactional
    public UUID assign(UUID clientId, String worksheetId, AssignmentPlan plan) {
        HomewardUser me = CurrentUser.require();
        ClientProfile client = clients.profile(clientId);
        if (client.archived()) {
            throw new DomainException("client.archived");
        }
        PublishedWorksheet worksheet = worksheets.latestPublished(worksheetId);
        AssignmentPlan checked = check(plan, clientId);
        Assignment unsaved = new Assignment(clientId, client.therapistId(), worksheet.versionId(), worksheet.builtIn(),
                checked, clock.instant());
        unsaved.compareRationaleWith(worksheet.document().rationale());
        Assignment assignment = assignments.save(unsaved);
        int made = occurrencePlanner.generate(assignment, Instant.MIN);
        audit.record(AuditEntry.of(AuditAction.ASSIGNMENT_CREATED).client(clientId)
                .object(AuditObject.ASSIGNMENT, assignment.getId()));
        LOG.info("homework assigned clinic={} client={} assignment={} occurrences={}", me.clinicId(), clientId,
                assignment.getId(), made);
        return assignment.getId();
    }

    /**
     * Changes the plan from now on: past occurrences and entries stay as they were. For the active
     * step of a step ladder, the steps still waiting get the same plan too (each keeps its own step
     * text), so a new time or place holds for the rest of the ladder.
     */
    @Transactional
    public void replan(UUID assignmentId, AssignmentPlan plan) {
        Assignment assignment = accessibleAssignment(assignmentId);
        requireActive(assignment);
        if (clients.profile(assignment.getClientId()).archived()) {
            throw new DomainException("client.archived");
        }
        AssignmentPlan checked = check(plan, assignment.getClientId());
        assignment.apply(checked);
        Instant now = clock.instant();
        dropFutureOpen(assignment, now);
        if (assignment.inALadder()) {
            for (Assignment step : assignments.findByLadderIdOrderByLadderStepAscCreatedAtAsc(assignment.getLadderId())) {
                if (step.getStatus() == AssignmentStatus.WAITING) {
                    step.apply(withTitle(checked, step.getTitle()));
                }
            }
        }
        occurrencePlanner.generate(assignment, now);
        audit.record(AuditEntry.of(AuditAction.ASSIGNMENT_CHANGED).client(assignment.getClientId())
                .object(AuditObject.ASSIGNMENT, assignmentId));
    }

    /**
     * Ends an assignment: occurrences still to come are removed, history stays. Ending any step of a
     * step ladder ends the ladder: the active step as above, the waiting steps never open. Ending an
     * open choice withdraws it: the client no longer sees it.
     */
    @Transactional
    public void end(UUID assignmentId) {
        Assignment assignment = accessibleAssignment(assignmentId);
        if (!assignment.getStatus().open()) {
            throw new DomainException("assignment.ended");
        }
        Instant now = clock.instant();
        List<Assignment> ending = assignment.inALadder()
                ? assignments.findByLadderIdOrderByLadderStepAscCreatedAtAsc(assignment.getLadderId())
                : List.of(assignment);
        for (Assignment a : ending) {
            if (a.getStatus().open()) {
                a.end(now);
                dropFutureOpen(a, now);
            }
        }
        changes.publish(assignment);
        audit.record(AuditEntry.of(AuditAction.ASSIGNMENT_ENDED).client(assignment.getClientId())
                .object(AuditObject.ASSIGNMENT, assignmentId));
        LOG.info("homework ended clinic={} assignment={} ladder={}", CurrentUser.require().clinicId(), assignmentId,
                assignment.getLadderId());
    }

    @Transactional(readOnly = true)
    public AssignmentPlan plan(UUID assignmentId) {
        return accessibleAssignment(assignmentId).plan();
    }

    /** What the dialog needs to change a plan: the plan as it is, the worksheet's title, the confidence threshold. */
    @Transactional(readOnly = true)
    public ReplanStart startReplanning(UUID assignmentId) {
        Assignment assignment = accessibleAssignment(assignmentId);
        requireActive(assignment);
        String worksheet = versions.document(assignment.getWorksheetVersionId(), assignment.isWorksheetBuiltIn()).title();
        int threshold = homeworkSettings.of(CurrentUser.require().clinicId()).confidenceThreshold();
        return new ReplanStart(assignment.getId(), assignment.plan(), worksheet, threshold);
    }

    /** Starting point of the dialog in "change the plan" mode. */
    public record ReplanStart(UUID assignmentId, AssignmentPlan plan, String worksheetTitle, int confidenceThreshold) {
    }

    // ---------------------------------------------------------------- step ladders

    /**
     * Assigns a step ladder (e.g. the steps of an exposure hierarchy): one assignment per step, all
     * with the same worksheet and plan, each titled with its step text; the plan's title names the
     * ladder. Step 1 starts now with the plan's schedule; the others wait, without occurrences, until
     * the step before is done (see the portal's {@code EntryService.submit}) or the therapist unlocks the next one.
     * Each step gets the whole schedule, so it must be bounded (a date, an end date or a number of times).
     */
    @Transactional
    public UUID assignLadder(UUID clientId, String worksheetId, AssignmentPlan plan, List<String> steps) {
        HomewardUser me = CurrentUser.require();
        ClientProfile client = clients.profile(clientId);
        if (client.archived()) {
            throw new DomainException("client.archived");
        }
        List<String> texts = steps == null ? List.of() : steps;
        if (texts.size() < MIN_STEPS || texts.size() > MAX_STEPS) {
            throw new DomainException("steps", "ladder.steps.count", MIN_STEPS, MAX_STEPS);
        }
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            clean.add(HomeworkTexts.text("step." + (i + 1), texts.get(i), MAX_STEP_LENGTH, true));
        }
        PublishedWorksheet worksheet = worksheets.latestPublished(worksheetId);
        AssignmentPlan checked = check(plan, clientId);
        UUID ladder = UUID.randomUUID();
        Instant now = clock.instant();
        Assignment first = null;
        for (int i = 0; i < clean.size(); i++) {
            Assignment step = new Assignment(clientId, client.therapistId(), worksheet.versionId(), worksheet.builtIn(),
                    withTitle(checked, clean.get(i)), now);
            step.inLadder(ladder, checked.title(), i + 1, clean.size());
            step.compareRationaleWith(worksheet.document().rationale());
            step = assignments.save(step);
            if (i == 0) {
                first = step;
            }
        }
        int made = occurrencePlanner.generate(first, Instant.MIN);
        audit.record(AuditEntry.of(AuditAction.ASSIGNMENT_CREATED).client(clientId).object(AuditObject.LADDER, ladder)
                .detail("ladder"));
        LOG.info("ladder assigned clinic={} client={} ladder={} steps={} occurrences={}", me.clinicId(), clientId, ladder,
                clean.size(), made);
        return ladder;
    }

    /**
     * Opens the next waiting step of a ladder now (by the ladder's id or any step's id). The step being
     * practised keeps its history and is done: its occurrences still to come that the client has not
     * started are removed, like ending does, and those left open are skipped, because moving up was the
     * therapist's decision, not the client's miss. The next step's schedule starts today.
     *
     * @return the step that opened
     */
    @Transactional
    public UUID unlockNextStep(UUID ladderOrAssignmentId) {
        Assignment any = assignments.findById(ladderOrAssignmentId)
                .or(() -> assignments.findByLadderIdOrderByLadderStepAscCreatedAtAsc(ladderOrAssignmentId).stream().findFirst())
                .filter(Assignment::inALadder)
                .orElseThrow(NotFoundException::new);
        if (clients.profile(any.getClientId()).archived()) {
            throw new DomainException("client.archived");
        }
        List<Assignment> steps = assignments.findByLadderIdOrderByLadderStepAscCreatedAtAsc(any.getLadderId());
        Assignment next = steps.stream().filter(a -> a.getStatus() == AssignmentStatus.WAITING).findFirst()
                .orElseThrow(() -> new DomainException("ladder.no-waiting-step"));
        Instant now = clock.instant();
        Schedule moved = occurrencePlanner.movedToToday(next, now);
        for (Assignment current : steps) {
            if (current.getStatus() == AssignmentStatus.ACTIVE) {
                dropFutureOpen(current, now);
                occurrences.findByAssignmentIdOrderByDueAt(current.getId()).stream().filter(Occurrence::isOpen)
                        .forEach(Occurrence::skip);
                current.end(now);
            }
        }
        occurrencePlanner.open(next, moved, now);
        audit.record(AuditEntry.of(AuditAction.LADDER_STEP_UNLOCKED).client(next.getClientId())
                .object(AuditObject.ASSIGNMENT, next.getId()));
        LOG.info("ladder step unlocked clinic={} ladder={} assignment={}", CurrentUser.require().clinicId(),
                next.getLadderId(), next.getId());
        return next.getId();
    }

    // ---------------------------------------------------------------- choice of tasks

    /**
     * Offers two or three worksheets and lets the client choose one. The plan (why, what, when, where,
     * schedule, obstacles, confidence) applies to whichever is chosen; its title is not used (the
     * chosen worksheet's title is), and its rationale may be left empty (the chosen worksheet's own
     * "why this helps" is used then). Nothing is due until the client chooses; the schedule starts on
     * the day they do.
     */
    @Transactional
    public UUID offerChoice(UUID clientId, List<String> worksheetIds, AssignmentPlan plan) {
        HomewardUser me = CurrentUser.require();
        ClientProfile client = clients.profile(clientId);
        if (client.archived()) {
            throw new DomainException("client.archived");
        }
        List<String> ids = worksheetIds == null ? List.of()
                : worksheetIds.stream().filter(Objects::nonNull).toList();
        if (ids.size() < MIN_OPTIONS || ids.size() > MAX_OPTIONS) {
            throw new DomainException("options", "choice.options.count", MIN_OPTIONS, MAX_OPTIONS);
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new DomainException("options", "choice.options.distinct");
        }
        List<PublishedWorksheet> offered = new ArrayList<>();
        for (String id : ids) {
            offered.add(worksheets.latestPublished(id));
        }
        String firstTitle = shorten(offered.getFirst().document().title(), 120);
        boolean noRationale = Text.isBlank(plan.rationale());
        AssignmentPlan titled = new AssignmentPlan(firstTitle, noRationale ? "-" : plan.rationale(), plan.what(),
                plan.when(), plan.where(), plan.schedule(), plan.obstacles(), plan.obstacleOther(), plan.backupPlan(),
                plan.confidence(), plan.confidencePrompted(), plan.planChanged(), plan.difficulty(), plan.goalId());
        AssignmentPlan checked = check(titled, clientId);
        if (noRationale) {
            checked = withRationale(checked, "");
        }
        Assignment choice = new Assignment(clientId, client.therapistId(), offered.getFirst().versionId(),
                offered.getFirst().builtIn(), checked, clock.instant());
        choice.offerAsChoice();
        choice = assignments.save(choice);
        for (int i = 0; i < offered.size(); i++) {
            PublishedWorksheet w = offered.get(i);
            options.save(new AssignmentOption(choice.getId(), i + 1, w.versionId(), w.builtIn(),
                    shorten(w.document().title(), 120), shorten(w.document().rationale(), 2000)));
        }
        changes.publish(choice);
        audit.record(AuditEntry.of(AuditAction.ASSIGNMENT_CREATED).client(clientId)
                .object(AuditObject.ASSIGNMENT, choice.getId()).detail("choice"));
        LOG.info("choice offered clinic={} client={} assignment={} options={}", me.clinicId(), clientId,
                choice.getId(), offered.size());
        return choice.getId();
    }

    /** Worksheet titles and rationales are checked by the worksheet feature; this only keeps them within the columns. */
    private static String shorten(String text, int max) {
        String clean = text == null ? "" : text.strip();
        return clean.length() <= max ? clean : clean.substring(0, max - 1).strip() + "…";
    }

    private static AssignmentPlan withTitle(AssignmentPlan p, String title) {
        return new AssignmentPlan(title, p.rationale(), p.what(), p.when(), p.where(), p.schedule(), p.obstacles(),
                p.obstacleOther(), p.backupPlan(), p.confidence(), p.confidencePrompted(), p.planChanged(),
                p.difficulty(), p.goalId());
    }

    private static AssignmentPlan withRationale(AssignmentPlan p, String rationale) {
        return new AssignmentPlan(p.title(), rationale, p.what(), p.when(), p.where(), p.schedule(), p.obstacles(),
                p.obstacleOther(), p.backupPlan(), p.confidence(), p.confidencePrompted(), p.planChanged(),
                p.difficulty(), p.goalId());
    }

    private void dropFutureOpen(Assignment assignment, Instant now) {
        List<Occurrence> future = occurrences.findByAssignmentIdOrderByDueAt(assignment.getId()).stream()
                .filter(o -> o.isOpen() && o.getDueAt().isAfter(now)).toList();
        Map<UUID, Entry> started = entries.findByOccurrenceIdIn(future.stream().map(Occurrence::getId).toList())
                .stream().collect(Collectors.toMap(Entry::getOccurrenceId, Function.identity()));
        for (Occurrence occurrence : future) {
            if (started.containsKey(occurrence.getId())) {
                continue; // the client has begun it: keep it, answers are never lost
            }
            occurrences.delete(occurrence);
        }
    }

    /** A client's plans, newest first, with what became of their occurrences. */
    @Transactional(readOnly = true)
    public List<AssignmentSummary> assignments(UUID clientId) {
        clients.profile(clientId);
        return summaries(assignments.findByClientIdOrderByCreatedAtDesc(clientId),
                occurrences.findByClientIdOrderByDueAt(clientId), changeRequests.findByClientIdOrderByCreatedAtDesc(clientId),
                homeworkSettings.grace(CurrentUser.require().clinicId()));
    }

    /** The same, from a client file the caller has read (a page that shows more of the client than the plan). */
    public List<AssignmentSummary> assignments(ClientFile file) {
        return summaries(file.assignments(), file.occurrences(), file.changeRequests(), file.grace());
    }

    private List<AssignmentSummary> summaries(List<Assignment> plans, List<Occurrence> all, List<ChangeRequest> requested,
                                              Duration grace) {
        Instant now = clock.instant();
        Map<UUID, List<Occurrence>> byAssignment = all.stream().collect(Collectors.groupingBy(Occurrence::getAssignmentId));
        Map<UUID, Long> requests = requested.stream()
                .filter(r -> r.getResolvedAt() == null)
                .collect(Collectors.groupingBy(ChangeRequest::getAssignmentId, Collectors.counting()));
        List<UUID> choosing = plans.stream().filter(a -> a.getStatus() == AssignmentStatus.CHOOSING)
                .map(Assignment::getId).toList();
        Map<UUID, List<String>> offered = choosing.isEmpty() ? Map.of()
                : options.findByAssignmentIdInOrderByPosition(choosing).stream().collect(Collectors.groupingBy(
                AssignmentOption::getAssignmentId, Collectors.mapping(AssignmentOption::getTitle, Collectors.toList())));
        // the highest step of each ladder that has been opened: the steps below it are passed
        Map<UUID, Integer> reached = new HashMap<>();
        for (Assignment a : plans) {
            if (a.inALadder() && opened(a)) {
                reached.merge(a.getLadderId(), a.getLadderStep(), Math::max);
            }
        }
        List<AssignmentSummary> result = new ArrayList<>();
        for (Assignment a : plans) {
            int done = 0;
            int partial = 0;
            int missed = 0;
            int upcoming = 0;
            List<Occurrence> list = byAssignment.getOrDefault(a.getId(), List.of());
            for (Occurrence o : list) {
                switch (o.state(now, grace, a.schedule().zone())) {
                    case DONE -> done++;
                    case PARTIAL -> partial++;
                    case MISSED -> missed++;
                    case UPCOMING, DUE -> upcoming++;
                    default -> { }
                }
            }
            AssignmentSummary.Ladder ladder = null;
            if (a.inALadder()) {
                boolean finished = !list.isEmpty() && done + partial == list.size();
                AssignmentSummary.StepState state = switch (a.getStatus()) {
                    case WAITING -> AssignmentSummary.StepState.WAITING;
                    case ACTIVE -> finished ? AssignmentSummary.StepState.DONE : AssignmentSummary.StepState.NOW;
                    default -> !opened(a) ? AssignmentSummary.StepState.NOT_REACHED
                            : a.getLadderStep() < reached.getOrDefault(a.getLadderId(), 1) || finished
                            ? AssignmentSummary.StepState.DONE : AssignmentSummary.StepState.ENDED;
                };
                ladder = new AssignmentSummary.Ladder(a.getLadderId(), a.getLadderTitle(), a.getLadderStep(),
                        a.getLadderSize(), state);
            }
            result.add(new AssignmentSummary(a.getId(), a.getTitle(), a.getRationale(), a.getStatus(), a.schedule(),
                    a.getConfidence(), a.getDifficulty(), a.getCreatedAt(), list.size(), done, partial, missed,
                    upcoming, requests.getOrDefault(a.getId(), 0L).intValue(), ladder, a.getChosenAt() != null,
                    offered.getOrDefault(a.getId(), List.of()), a.getGoalId()));
        }
        return result;
    }

    /** Whether a ladder step was ever practised: the first step from the start, later ones once opened. */
    private static boolean opened(Assignment step) {
        return step.getStatus() == AssignmentStatus.ACTIVE || step.getLadderStep() == 1 || step.getOpenedAt() != null;
    }

    private AssignmentPlan check(AssignmentPlan plan, UUID clientId) {
        String title = HomeworkTexts.text("title", plan.title(), 120, true);
        String rationale = HomeworkTexts.text("rationale", plan.rationale(), 2000, true);
        String what = HomeworkTexts.text("what", plan.what(), 1000, false);
        String when = HomeworkTexts.text("when", plan.when(), 300, false);
        String where = HomeworkTexts.text("where", plan.where(), 300, false);
        String other = HomeworkTexts.text("obstacleOther", plan.obstacleOther(), 300, false);
        String backup = HomeworkTexts.text("backupPlan", plan.backupPlan(), 1000, false);
        if (plan.schedule() == null) {
            throw new DomainException("schedule", "validation.choose");
        }
        plan.schedule().occurrences(); // throws with the field when impossible
        HomeworkTexts.rating("confidence", plan.confidence(), 0, 10, true);
        HomeworkTexts.rating("difficulty", plan.difficulty(), 1, 3, true);
        if (plan.goalId() != null && clients.goals(clientId).stream().noneMatch(g -> g.id().equals(plan.goalId()))) {
            throw new DomainException("goal", "validation.choose");
        }
        return new AssignmentPlan(title, rationale, what, when, where, plan.schedule(), plan.obstacles(), other, backup,
                plan.confidence(), plan.confidencePrompted(), plan.planChanged(), plan.difficulty(), plan.goalId());
    }

    /**
     * Carries unfinished homework over into a new plan: the same worksheet version and plan from
     * today, with what got in the way added to the obstacles (and a note to the backup plan); the old
     * assignment ends, its open occurrences are skipped so they no longer count as missed.
     */
    @Transactional
    public UUID carryOver(UUID assignmentId, Set<Obstacle> gotInTheWay, String note) {
        Assignment old = accessibleAssignment(assignmentId);
        requireActive(old);
        Instant now = clock.instant();
        AssignmentPlan plan = old.plan();
        Schedule was = plan.schedule();
        Schedule next = was.startingOn(LocalDate.now(clock.withZone(was.zone())));
        Set<Obstacle> obstacles = EnumSet.noneOf(Obstacle.class);
        obstacles.addAll(plan.obstacles());
        if (gotInTheWay != null) {
            obstacles.addAll(gotInTheWay);
        }
        String extra = HomeworkTexts.text("note", note, 300, false);
        String backup = extra.isEmpty() ? plan.backupPlan()
                : HomeworkTexts.text("backupPlan", (plan.backupPlan() + " " + extra).strip(), 1000, false);
        AssignmentPlan carried = new AssignmentPlan(plan.title(), plan.rationale(), plan.what(), plan.when(),
                plan.where(), next, obstacles, plan.obstacleOther(), backup, plan.confidence(), plan.confidencePrompted(),
                plan.planChanged(), plan.difficulty(), plan.goalId());
        Assignment carriedOver = new Assignment(old.getClientId(), old.getTherapistId(),
                old.getWorksheetVersionId(), old.isWorksheetBuiltIn(), carried, now);
        carriedOver.sameStepAs(old); // a ladder step carried over is still that step: the next one waits for it
        carriedOver.sameRationaleAs(old);
        Assignment fresh = assignments.save(carriedOver);
        old.end(now);
        for (Occurrence o : occurrences.findByAssignmentIdOrderByDueAt(old.getId())) {
            if (o.isOpen()) {
                o.skip();
            }
        }
        occurrencePlanner.generate(fresh, Instant.MIN);
        audit.record(AuditEntry.of(AuditAction.ASSIGNMENT_CARRIED_OVER).client(old.getClientId())
                .object(AuditObject.ASSIGNMENT, fresh.getId()));
        LOG.info("homework carried over clinic={} from={} to={}", CurrentUser.require().clinicId(), assignmentId,
                fresh.getId());
        return fresh.getId();
    }

    private Assignment accessibleAssignment(UUID assignmentId) {
        Assignment assignment = assignments.findById(assignmentId).orElseThrow(NotFoundException::new);
        clients.profile(assignment.getClientId());
        return assignment;
    }

    private static void requireActive(Assignment assignment) {
        if (assignment.getStatus() == AssignmentStatus.ENDED) {
            throw new DomainException("assignment.ended");
        }
        if (assignment.getStatus() != AssignmentStatus.ACTIVE) {
            throw new DomainException("assignment.not-started");
        }
    }
}
