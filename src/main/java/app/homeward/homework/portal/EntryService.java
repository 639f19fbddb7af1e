package app.homeward.homework.portal;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.homework.Assignment;
import app.homeward.homework.AssignmentRepository;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.ChangeReason;
import app.homeward.homework.ChangeRequest;
import app.homeward.homework.ChangeRequestRepository;
import app.homeward.homework.Entry;
import app.homeward.homework.EntryRepository;
import app.homeward.homework.HomeworkChanges;
import app.homeward.homework.HomeworkSettingsLookup;
import app.homeward.homework.OccurrencePlanner;
import app.homeward.homework.HomeworkTexts;
import app.homeward.homework.Occurrence;
import app.homeward.homework.Reflection;
import app.homeward.homework.SafetyAlert;
import app.homeward.homework.SafetyAlertRaised;
import app.homeward.homework.SafetyAlertRepository;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.worksheet.FieldProblem;
import app.homeward.worksheet.FieldTypes;
import app.homeward.worksheet.ScoreResult;
import app.homeward.worksheet.Scorer;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetJson;
import app.homeward.worksheet.WorksheetVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Filling in homework (the homework page): opening an occurrence, drafts that are never lost, submitting
 * with a reflection, and asking for a change. A client only ever reaches their own occurrences: anyone
 * else's is "not found".
 */
@Service
@PreAuthorize("hasRole('CLIENT')")
public class EntryService {

    private static final Logger LOG = LoggerFactory.getLogger(EntryService.class);

    private final AssignmentRepository assignments;
    private final EntryRepository entries;
    private final ChangeRequestRepository changeRequests;
    private final SafetyAlertRepository alerts;
    private final ClientService clients;
    private final WorksheetVersions versions;
    private final OccurrencePlanner occurrencePlanner;
    private final HomeworkChanges changes;
    private final HomeworkSettingsLookup homeworkSettings;
    private final ClinicDirectory clinics;
    private final MyHomework myHomework;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    EntryService(AssignmentRepository assignments, EntryRepository entries, ChangeRequestRepository changeRequests,
                 SafetyAlertRepository alerts, ClientService clients, WorksheetVersions versions,
                 OccurrencePlanner occurrencePlanner, HomeworkChanges changes,
                 HomeworkSettingsLookup homeworkSettings, ClinicDirectory clinics, MyHomework myHomework,
                 ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.assignments = assignments;
        this.entries = entries;
        this.changeRequests = changeRequests;
        this.alerts = alerts;
        this.clients = clients;
        this.versions = versions;
        this.occurrencePlanner = occurrencePlanner;
        this.changes = changes;
        this.homeworkSettings = homeworkSettings;
        this.clinics = clinics;
        this.myHomework = myHomework;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /** What a new entry starts with: the client's today in the date fields meant for the day of the entry. */
    static Map<String, Object> startingAnswers(WorksheetDocument document, LocalDate today) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (var field : document.fields()) {
            if (field instanceof FieldTypes.DateInput date && date.startsToday()) {
                answers.put(date.key(), today.toString());
            }
        }
        return answers;
    }

    /** Opens an occurrence to work on (or to read back once submitted). */
    @Transactional(readOnly = true)
    public OpenEntry open(UUID occurrenceId) {
        ClientProfile me = clients.me();
        Occurrence occurrence = myHomework.mine(occurrenceId, me);
        Assignment assignment = assignments.findById(occurrence.getAssignmentId()).orElseThrow(NotFoundException::new);
        WorksheetDocument document = versions.document(assignment.getWorksheetVersionId(), assignment.isWorksheetBuiltIn());
        Entry entry = entries.findByOccurrenceId(occurrenceId).orElse(null);
        Instant now = clock.instant();
        HomeworkCard card = HomeworkCard.of(assignment, occurrence, entry == null ? null : entry.getState(), now,
                homeworkSettings.grace(CurrentUser.require().clinicId()));
        String clinicName = clinics.findById(CurrentUser.require().clinicId()).map(ClinicBranding::name).orElse("");
        boolean showsCrisisLine = document.fields().stream()
                .anyMatch(f -> f instanceof FieldTypes.Instructions i && i.showsCrisisLine());
        String crisisText = showsCrisisLine ? myHomework.crisisText(me) : null;
        if (entry == null) {
            return new OpenEntry(card, document, startingAnswers(document, LocalDate.now(clock.withZone(me.timeZone()))),
                    null, null, null, me.simplified(), null, null, Map.of(), clinicName, crisisText);
        }
        Reflection reflection = entry.getPercentDone() == null ? null : new Reflection(entry.getPercentDone(),
                entry.getReflectionDifficulty(), entry.getReflectionHelpful(), entry.getReflectionObstacles(),
                entry.getReflectionNote());
        return new OpenEntry(card, document, WorksheetJson.readAnswers(entry.getAnswers()), entry.getLockVersion(),
                entry.getState(), entry.getSavedAt(), me.simplified(), reflection,
                entry.getReviewedAt() == null ? null : entry.getFeedback(),
                entry.getReviewedAt() == null ? Map.of() : entry.feedbackOnAnswers(),
                clinicName, crisisText);
    }

    /**
     * Saves a draft. Malformed or oversized answers are refused (the renderer never sends them);
     * missing required answers are fine in a draft. {@code lock} is null for the first save; a stale
     * lock (the same entry saved from another tab or device) is refused with entry.changed-elsewhere.
     */
    @Transactional
    public SavedDraft saveDraft(UUID occurrenceId, Map<String, Object> answers, Long lock) {
        Answering answering = answering(occurrenceId, answers, lock, false);
        Entry entry = answering.entry();
        if (entry == null) {
            entry = answering.newEntry();
        } else {
            entry.saveDraft(answering.json(), answering.now());
        }
        Entry saved = flush(entry);
        clients.touched(answering.me().id());
        return new SavedDraft(saved.getLockVersion(), answering.now());
    }

    /**
     * Submits the answers: every required answer must be there; the score and alert rules are
     * computed here from the version's document. Alerts reach the therapist (a safety alert and a
     * discreet email) and the client sees the clinic's crisis message at once.
     */
    @Transactional
    public Submitted submit(UUID occurrenceId, Map<String, Object> answers, Long lock) {
        HomewardUser user = CurrentUser.require();
        Answering answering = answering(occurrenceId, answers, lock, true);
        ClientProfile me = answering.me();
        Occurrence occurrence = answering.occurrence();
        Assignment assignment = answering.assignment();
        Instant now = answering.now();
        Entry entry = answering.entry() == null ? answering.newEntry() : answering.entry();
        ScoreResult score = Scorer.score(answering.document(), answers);
        entry.submit(answering.json(), score.total(), score.band(), score.alerts().size(), now);
        Entry saved = flush(entry);
        occurrence.complete(false, now);
        changes.publish(assignment);
        // the last occurrence of a ladder step finished: the next step opens today
        occurrencePlanner.advanceIfStepFinished(assignment, now);
        clients.touched(me.id());
        String crisisLine = null;
        boolean crisis = false;
        List<String> ruleMessages = new ArrayList<>();
        if (!score.alerts().isEmpty()) {
            UUID firstAlert = null;
            for (ScoreResult.TriggeredAlert triggered : score.alerts()) {
                SafetyAlert alert = alerts.save(new SafetyAlert(saved.getId(), me.id(), me.therapistId(),
                        triggered.label(), triggered.value(), triggered.message(), now));
                firstAlert = firstAlert == null ? alert.getId() : firstAlert;
                if (alert.isCrisis()) {
                    crisis = true;
                } else if (!ruleMessages.contains(alert.getClientMessage())) {
                    ruleMessages.add(alert.getClientMessage());
                }
            }
            // "a client needs your attention": an outbox row in this transaction, sent at once and retried
            events.publishEvent(new SafetyAlertRaised(user.clinicId(), me.therapistId(), firstAlert));
            crisisLine = crisis ? myHomework.crisisText(me) : null;
            LOG.info("safety alert raised clinic={} entry={}", user.clinicId(), saved.getId());
        }
        audit.record(AuditEntry.of(AuditAction.ENTRY_SUBMITTED).client(me.id()).object(AuditObject.ENTRY, saved.getId()));
        LOG.info("entry submitted clinic={} entry={}", user.clinicId(), saved.getId());
        return new Submitted(saved.getLockVersion(), !score.alerts().isEmpty(), crisis, crisisLine, ruleMessages);
    }

    /** The client's reflection after submitting: 100 % is done, 1–99 % partly done, 0 % not done (decision 0019). */
    @Transactional
    public void reflect(UUID occurrenceId, Reflection reflection) {
        ClientProfile me = clients.me();
        Occurrence occurrence = myHomework.mine(occurrenceId, me);
        Entry entry = entries.findByOccurrenceId(occurrenceId).filter(Entry::isSubmitted)
                .orElseThrow(() -> new DomainException("entry.not-submitted"));
        int percent = Objects.requireNonNull(HomeworkTexts.rating("percentDone", reflection.percentDone(), 0, 100, true));
        entry.reflect(percent, HomeworkTexts.rating("difficulty", reflection.difficulty(), 0, 10, false),
                HomeworkTexts.rating("helpful", reflection.helpful(), 0, 10, false), reflection.obstacles(),
                HomeworkTexts.text("note", reflection.note(), 2000, false));
        occurrence.reported(percent, clock.instant());
        audit.record(AuditEntry.of(AuditAction.ENTRY_REFLECTED).client(me.id()).object(AuditObject.ENTRY, entry.getId()));
    }

    /** "Ask for a change" on one of the client's assignments; it reaches the therapist's client page. */
    @Transactional
    public void requestChange(UUID assignmentId, ChangeReason reason, String note) {
        ClientProfile me = clients.me();
        Assignment assignment = assignments.findById(assignmentId).filter(a -> a.getClientId().equals(me.id()))
                .orElseThrow(NotFoundException::new);
        if (reason == null) {
            throw new DomainException("reason", "validation.choose");
        }
        ChangeRequest request = changeRequests.save(new ChangeRequest(assignment.getId(), me.id(), reason,
                HomeworkTexts.text("note", note, 1000, reason == ChangeReason.OTHER), clock.instant()));
        audit.record(AuditEntry.of(AuditAction.CHANGE_REQUESTED).client(me.id())
                .object(AuditObject.CHANGE_REQUEST, request.getId()));
        clients.touched(me.id());
    }

    /**
     * What saving a draft and submitting share: the client's own occurrence and its assignment (a submit
     * to an ended or skipped one is refused first), the answers checked against the version's document
     * (complete when submitting), and the entry as the page last saw it, not yet submitted.
     */
    private Answering answering(UUID occurrenceId, Map<String, Object> answers, Long lock, boolean submitting) {
        ClientProfile me = clients.me();
        Occurrence occurrence = myHomework.mine(occurrenceId, me);
        Assignment assignment = assignments.findById(occurrence.getAssignmentId()).orElseThrow(NotFoundException::new);
        if (submitting && (occurrence.getStatus() == Occurrence.Outcome.SKIPPED
                || assignment.getStatus() != AssignmentStatus.ACTIVE && occurrence.isOpen())) {
            throw new DomainException("assignment.ended");
        }
        WorksheetDocument document = versions.document(assignment.getWorksheetVersionId(), assignment.isWorksheetBuiltIn());
        requireValid(document.checkAnswers(answers, submitting));
        Instant now = clock.instant();
        Entry entry = current(occurrenceId, lock);
        if (entry != null && entry.isSubmitted()) {
            throw new DomainException("entry.already-submitted");
        }
        return new Answering(occurrenceId, me, occurrence, assignment, document, now, entry, WorksheetJson.writeAnswers(answers));
    }

    /** @param entry the entry being answered, null before the first save */
    private record Answering(UUID occurrenceId, ClientProfile me, Occurrence occurrence, Assignment assignment,
                             WorksheetDocument document, Instant now, Entry entry, String json) {

        /** The entry of the first save, holding these answers. */
        Entry newEntry() {
            return new Entry(occurrenceId, assignment.getId(), me.id(), json, now);
        }
    }

    private Entry current(UUID occurrenceId, Long lock) {
        Entry entry = entries.findByOccurrenceId(occurrenceId).orElse(null);
        if (entry == null ? lock != null : !Objects.equals(entry.getLockVersion(), lock)) {
            throw new DomainException("entry.changed-elsewhere");
        }
        return entry;
    }

    private Entry flush(Entry entry) {
        try {
            return entries.saveAndFlush(entry);
        } catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException raced) {
            throw new DomainException("entry.changed-elsewhere");
        }
    }

    private static void requireValid(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new AnswerProblems(problems);
        }
    }

}
