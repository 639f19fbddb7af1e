package app.homeward.homework.review;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditOutcome;
import app.homeward.audit.AuditTrail;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.Goal;
import app.homeward.base.DomainException;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.Assignment;
import app.homeward.homework.AssignmentRepository;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.ChangeRequest;
import app.homeward.homework.ChangeRequestRepository;
import app.homeward.homework.ChangeRequestSummary;
import app.homeward.homework.ClientFile;
import app.homeward.homework.ClientFiles;
import app.homeward.homework.Entry;
import app.homeward.homework.EntryRepository;
import app.homeward.homework.EntryState;
import app.homeward.homework.HomeworkSettingsLookup;
import app.homeward.homework.HomeworkTexts;
import app.homeward.homework.Obstacle;
import app.homeward.homework.OccurrenceState;
import app.homeward.homework.ChangeReason;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceRepository;
import app.homeward.homework.Reflection;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.worksheet.Scorer;
import app.homeward.worksheet.WorksheetJson;
import app.homeward.worksheet.WorksheetVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The therapist's review of what happened between sessions: the queue of entries to review, a client's
 * entries, reviewing one with feedback, the client's change requests, and everything since the last
 * session. Every client is checked through {@link ClientService}: outside one's caseload means not found.
 */
@Service
@PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
public class ReviewService {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);

    private final AssignmentRepository assignments;
    private final OccurrenceRepository occurrences;
    private final EntryRepository entries;
    private final ChangeRequestRepository changeRequests;
    private final ClientService clients;
    private final WorksheetVersions versions;
    private final HomeworkSettingsLookup homeworkSettings;
    private final SafetyAlerts safetyAlerts;
    private final Clock clock;
    private final AuditTrail audit;
    private final ClientFiles files;

    ReviewService(AssignmentRepository assignments, OccurrenceRepository occurrences, EntryRepository entries,
                  ChangeRequestRepository changeRequests, ClientService clients, WorksheetVersions versions,
                  HomeworkSettingsLookup homeworkSettings, SafetyAlerts safetyAlerts, Clock clock, AuditTrail audit,
                  ClientFiles files) {
        this.files = files;
        this.assignments = assignments;
        this.occurrences = occurrences;
        this.entries = entries;
        this.changeRequests = changeRequests;
        this.clients = clients;
        this.versions = versions;
        this.homeworkSettings = homeworkSettings;
        this.safetyAlerts = safetyAlerts;
        this.clock = clock;
        this.audit = audit;
    }

    /** Submitted entries not yet reviewed, oldest first, across the caseload (the clinic, for admins). */
    @Transactional(readOnly = true)
    public List<ReviewItem> reviewQueue() {
        List<Entry> waiting = entries.findUnreviewed(CaseloadScope.filter(clients));
        Map<UUID, ClientProfile> visible = CaseloadScope.byId(clients, waiting.stream().map(Entry::getClientId).distinct().toList());
        Map<UUID, Assignment> plans = assignments.findByIdIn(waiting.stream().map(Entry::getAssignmentId).distinct().toList())
                .stream().collect(Collectors.toMap(Assignment::getId, Function.identity()));
        return waiting.stream().filter(e -> visible.containsKey(e.getClientId()))
                .map(e -> new ReviewItem(e.getId(), e.getClientId(), visible.get(e.getClientId()).displayName(),
                        plans.get(e.getAssignmentId()).getTitle(), e.getSubmittedAt(), e.getScoreTotal(),
                        e.getScoreBand(), e.getAlertCount(), e.getPercentDone()))
                .toList();
    }

    /**
     * What waits for this staff member across their caseload (the clinic, for admins): entries to review,
     * open safety alerts and unresolved change requests. Counted, not loaded: three count queries
     * after the caseload, whatever its size.
     */
    @Transactional(readOnly = true)
    public Waiting waiting() {
        Collection<UUID> mine = CaseloadScope.filter(clients);
        return new Waiting(entries.countAllUnreviewed(mine), safetyAlerts.countOpen(mine), changeRequests.countUnresolved(mine));
    }

    /** Counts for the staff home: what waits for this person. */
    public record Waiting(long toReview, long openAlerts, long changeRequests) {
        public boolean nothing() {
            return toReview == 0 && openAlerts == 0 && changeRequests == 0;
        }
    }

    /** Submitted entries of one client, newest first. */
    @Transactional(readOnly = true)
    public List<ReviewItem> entriesOf(UUID clientId) {
        return entriesOf(files.read(clientId));
    }

    /** The same, from the client's file. */
    public List<ReviewItem> entriesOf(ClientFile file) {
        ClientProfile client = file.client();
        Map<UUID, Assignment> plans = file.assignmentsById();
        return file.submitted().stream().map(e -> new ReviewItem(e.getId(), client.id(), client.displayName(),
                plans.get(e.getAssignmentId()).getTitle(), e.getSubmittedAt(), e.getScoreTotal(), e.getScoreBand(),
                e.getAlertCount(), e.getPercentDone())).toList();
    }

    /** A submitted entry, for its page: the audit trail records who opened it (or that they were refused). */
    @Transactional(readOnly = true)
    public EntryDetail entry(UUID entryId) {
        Entry entry = entries.findById(entryId).filter(Entry::isSubmitted).orElse(null);
        if (entry == null) {
            audit.record(AuditEntry.of(AuditAction.ENTRY_VIEWED).outcome(AuditOutcome.DENIED).detail("not-in-caseload")
                    .object(AuditObject.ENTRY, entryId));
            throw new NotFoundException();
        }
        ClientProfile client = clients.viewed(entry.getClientId(), AuditAction.ENTRY_VIEWED, AuditObject.ENTRY, entryId);
        Assignment assignment = assignments.findById(entry.getAssignmentId()).orElseThrow(NotFoundException::new);
        var document = versions.document(assignment.getWorksheetVersionId(), assignment.isWorksheetBuiltIn());
        Map<String, Object> answers = WorksheetJson.readAnswers(entry.getAnswers());
        Reflection reflection = entry.getPercentDone() == null ? null : new Reflection(entry.getPercentDone(),
                entry.getReflectionDifficulty(), entry.getReflectionHelpful(), entry.getReflectionObstacles(),
                entry.getReflectionNote());
        return new EntryDetail(entry.getId(), client.id(), client.displayName(), assignment.getTitle(), document,
                answers, Scorer.score(document, answers), reflection, entry.getSubmittedAt(), entry.getFeedback(),
                entry.feedbackOnAnswers(), entry.getReviewedAt(), client.language());
    }

    /** Marks an entry reviewed with feedback overall and on single answers; the client sees it. */
    @Transactional
    public void review(UUID entryId, String feedback, Map<String, String> answerFeedback) {
        HomewardUser me = CurrentUser.require();
        Entry entry = entries.findById(entryId).filter(Entry::isSubmitted).orElseThrow(NotFoundException::new);
        clients.profile(entry.getClientId());
        String text = HomeworkTexts.text("feedback", feedback, 4000, false);
        Map<String, String> perAnswer = new LinkedHashMap<>();
        if (answerFeedback != null) {
            for (Map.Entry<String, String> item : answerFeedback.entrySet()) {
                String clean = HomeworkTexts.text("answerFeedback", item.getValue(), 1000, false);
                if (!clean.isEmpty() && item.getKey() != null && item.getKey().length() <= 40) {
                    perAnswer.put(item.getKey(), clean);
                }
            }
        }
        Map<String, Object> asJson = new LinkedHashMap<>(perAnswer);
        entry.review(me.accountId(), text, WorksheetJson.writeAnswers(asJson), clock.instant());
        audit.record(AuditEntry.of(AuditAction.ENTRY_REVIEWED).client(entry.getClientId())
                .object(AuditObject.ENTRY, entryId));
        LOG.info("entry reviewed clinic={} entry={}", me.clinicId(), entryId);
    }

    /** A client's change requests, newest first. */
    @Transactional(readOnly = true)
    public List<ChangeRequestSummary> changeRequests(UUID clientId) {
        return changeRequests(files.read(clientId));
    }

    /** The same, from the client's file. */
    public List<ChangeRequestSummary> changeRequests(ClientFile file) {
        Map<UUID, String> titles = file.assignments().stream().collect(Collectors.toMap(Assignment::getId, Assignment::getTitle));
        return file.changeRequests().stream().map(r -> new ChangeRequestSummary(r.getId(), r.getAssignmentId(),
                titles.getOrDefault(r.getAssignmentId(), ""), r.getReason(), r.getNote(), r.getCreatedAt(),
                r.getResolvedAt())).toList();
    }

    @Transactional
    public void resolveChangeRequest(UUID requestId) {
        ChangeRequest request = changeRequests.findById(requestId).orElseThrow(NotFoundException::new);
        clients.profile(request.getClientId());
        request.resolve(clock.instant());
        audit.record(AuditEntry.of(AuditAction.CHANGE_REQUEST_RESOLVED).client(request.getClientId())
                .object(AuditObject.CHANGE_REQUEST, requestId));
    }

    // ---------------------------------------------------------------- before the session

    /** Everything since {@code since} (e.g. the last session), in a fixed number of queries. */
    @Transactional(readOnly = true)
    public BeforeSession beforeSession(UUID clientId, Instant since) {
        return beforeSession(files.open(clientId, AuditAction.BEFORE_SESSION_VIEWED), since);
    }

    /**
     * The same from the client's file, for a caller that has opened it (recording the look): occurrences due
     * or done since {@code since}, reflections sent since then, open change requests and alerts and those
     * since then.
     */
    public BeforeSession beforeSession(ClientFile file, Instant since) {
        ClientProfile client = file.client();
        UUID clientId = client.id();
        Instant now = clock.instant();
        Duration grace = file.grace();
        List<Assignment> plans = file.assignments();
        Map<UUID, String> goals = clients.goals(clientId).stream().collect(Collectors.toMap(Goal::id, Goal::text));
        // as the query for a review window picked them: due or done within it (bounds included), by due time
        List<Occurrence> window = file.occurrences().stream()
                .filter(o -> ClientFile.within(o.getDueAt(), since, now)
                        || ClientFile.within(o.getCompletedAt(), since, now)).toList();
        Map<UUID, List<Occurrence>> byPlan = window.stream().collect(Collectors.groupingBy(Occurrence::getAssignmentId));
        List<BeforeSession.AssignmentOutcome> outcomes = new ArrayList<>();
        List<BeforeSession.MissedItem> missed = new ArrayList<>();
        List<BeforeSession.Doubt> doubts = new ArrayList<>();
        for (Assignment a : plans) {
            List<Occurrence> list = byPlan.getOrDefault(a.getId(), List.of());
            if (list.isEmpty() && a.getStatus() != AssignmentStatus.ACTIVE) {
                continue;
            }
            if (a.getStatus() == AssignmentStatus.ACTIVE && a.getObstacles().contains(Obstacle.UNSURE_IT_HELPS)) {
                doubts.add(new BeforeSession.Doubt(a.getId(), a.getTitle(), BeforeSession.Doubt.Source.PLAN,
                        a.getCreatedAt(), ""));
            }
            int[] counts = new int[4]; // done, partly, missed, open
            for (Occurrence o : list) {
                OccurrenceState state = o.state(now, grace, a.schedule().zone());
                switch (state) {
                    case DONE -> counts[0]++;
                    case PARTIAL -> counts[1]++;
                    case MISSED -> counts[2]++;
                    case DUE, UPCOMING -> counts[3]++;
                    default -> { }
                }
                if (state == OccurrenceState.MISSED || state == OccurrenceState.PARTIAL) {
                    missed.add(new BeforeSession.MissedItem(o.getId(), a.getId(), a.getTitle(), o.getLocalDate(), state,
                            o.getDiscussedAt(), o.getDiscussedNote()));
                }
            }
            boolean unfinished = a.getStatus() == AssignmentStatus.ACTIVE && (counts[2] > 0 || counts[1] > 0 || counts[3] > 0);
            outcomes.add(new BeforeSession.AssignmentOutcome(a.getId(), a.getTitle(),
                    a.getGoalId() == null ? "" : goals.getOrDefault(a.getGoalId(), ""), a.getStatus(),
                    counts[0], counts[1], counts[2], counts[3], unfinished));
        }
        missed.sort(Comparator.comparing(BeforeSession.MissedItem::date));
        Map<UUID, String> titles = plans.stream().collect(Collectors.toMap(Assignment::getId, Assignment::getTitle));
        List<BeforeSession.ReflectionItem> reflections = new ArrayList<>();
        Map<Obstacle, Integer> met = new EnumMap<>(Obstacle.class);
        for (Entry e : file.submitted()) {
            if (e.getSubmittedAt().isBefore(since) || e.getPercentDone() == null) {
                continue;
            }
            Reflection r = new Reflection(e.getPercentDone(), e.getReflectionDifficulty(), e.getReflectionHelpful(),
                    e.getReflectionObstacles(), e.getReflectionNote());
            String title = titles.getOrDefault(e.getAssignmentId(), "");
            reflections.add(new BeforeSession.ReflectionItem(e.getId(), title, e.getSubmittedAt(), r));
            r.obstacles().forEach(o -> met.merge(o, 1, Integer::sum));
            if (r.obstacles().contains(Obstacle.UNSURE_IT_HELPS)) {
                doubts.add(new BeforeSession.Doubt(e.getAssignmentId(), title, BeforeSession.Doubt.Source.REFLECTION,
                        e.getSubmittedAt(), r.note()));
            }
        }
        List<ChangeRequestSummary> requests = changeRequests(file).stream()
                .filter(r -> r.resolvedAt() == null || !r.createdAt().isBefore(since)).toList();
        requests.stream().filter(r -> r.reason() == ChangeReason.UNSURE_IT_HELPS && r.resolvedAt() == null)
                .forEach(r -> doubts.add(new BeforeSession.Doubt(r.assignmentId(), r.assignmentTitle(),
                        BeforeSession.Doubt.Source.CHANGE_REQUEST, r.createdAt(), r.note())));
        doubts.sort(Comparator.comparing(BeforeSession.Doubt::at).reversed());
        List<AlertSummary> alertList = safetyAlerts.alertsOf(file).stream()
                .filter(a -> a.acknowledgedAt() == null || !a.raisedAt().isBefore(since)).toList();
        return new BeforeSession(client, since, List.copyOf(doubts), outcomes, List.copyOf(missed), reflections, met,
                requests, alertList);
    }


    /**
     * A missed or partly done occurrence talked through with the client, with what got in the way (optional):
     * missed homework is reviewed as carefully as done homework, and the note is where a carry-over starts.
     * Marking it again replaces the note. Outside the caseload or another clinic: not found.
     */
    @Transactional
    public void markDiscussed(UUID occurrenceId, String note) {
        Occurrence occurrence = occurrences.findById(occurrenceId).orElseThrow(NotFoundException::new);
        clients.profile(occurrence.getClientId());
        Assignment plan = assignments.findById(occurrence.getAssignmentId()).orElseThrow(NotFoundException::new);
        OccurrenceState state = occurrence.state(clock.instant(), homeworkSettings.grace(CurrentUser.require().clinicId()),
                plan.schedule().zone());
        if (state != OccurrenceState.MISSED && state != OccurrenceState.PARTIAL) {
            throw new DomainException("before.discussed.not-missed");
        }
        occurrence.discussed(HomeworkTexts.text("note", note, 300, false), clock.instant());
        audit.record(AuditEntry.of(AuditAction.MISSED_HOMEWORK_DISCUSSED).client(occurrence.getClientId())
                .object(AuditObject.OCCURRENCE, occurrenceId));
        LOG.info("missed homework discussed clinic={} occurrence={}", CurrentUser.require().clinicId(), occurrenceId);
    }
}
