package app.homeward.homework.portal;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.Links;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.homework.Assignment;
import app.homeward.homework.AssignmentOption;
import app.homeward.homework.AssignmentOptionRepository;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.AssignmentRepository;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.ChangeReason;
import app.homeward.homework.ChangeRequest;
import app.homeward.homework.ChangeRequestRepository;
import app.homeward.homework.Entry;
import app.homeward.homework.EntryRepository;
import app.homeward.homework.EntryState;
import app.homeward.homework.HomeworkChanges;
import app.homeward.homework.HomeworkSettingsLookup;
import app.homeward.homework.OccurrencePlanner;
import app.homeward.homework.HomeworkTexts;
import app.homeward.homework.MeasureHistories;
import app.homeward.homework.MeasureHistory;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceRepository;
import app.homeward.homework.OccurrenceState;
import app.homeward.homework.Reflection;
import app.homeward.homework.SafetyAlert;
import app.homeward.homework.SafetyAlertRaised;
import app.homeward.homework.SafetyAlertRepository;
import app.homeward.homework.Schedule;
import app.homeward.mail.MailIdentities;
import app.homeward.safety.ClientScores;
import app.homeward.safety.ClinicSafety;
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

import java.net.URI;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The client's side: today's homework, filling it in with drafts that are never lost, submitting
 * with a reflection, asking for a change, and their own history with the therapist's feedback.
 * A client only ever reaches their own occurrences: anyone else's is "not found".
 */
@Service
@PreAuthorize("hasRole('CLIENT')")
public class PortalService {

    private static final Logger LOG = LoggerFactory.getLogger(PortalService.class);
    /** Open work this far back still shows as overdue and can be done late. */
    static final Duration OVERDUE_WINDOW = Duration.ofDays(14);

    private final AssignmentRepository assignments;
    private final AssignmentOptionRepository options;
    private final OccurrenceRepository occurrences;
    private final EntryRepository entries;
    private final ChangeRequestRepository changeRequests;
    private final SafetyAlertRepository alerts;
    private final ClientService clients;
    private final WorksheetVersions versions;
    private final OccurrencePlanner occurrencePlanner;
    private final HomeworkChanges changes;
    private final HomeworkSettingsLookup homeworkSettings;
    private final ClinicDirectory clinics;
    private final Links links;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final MailIdentities mailIdentities;
    private final Clock clock;
    private final AuditTrail audit;
    private final ClinicSafety safety;
    private final MeasureHistories measureHistories;
    private final MyHomework myHomework;

    PortalService(AssignmentRepository assignments, AssignmentOptionRepository options,
                  OccurrenceRepository occurrences, EntryRepository entries,
                  ChangeRequestRepository changeRequests, SafetyAlertRepository alerts, ClientService clients,
                  WorksheetVersions versions, OccurrencePlanner occurrencePlanner, HomeworkChanges changes,
                  HomeworkSettingsLookup homeworkSettings, ClinicDirectory clinics,
                  Links links, ApplicationEventPublisher events, Messages messages, MailIdentities mailIdentities,
                  Clock clock, AuditTrail audit, ClinicSafety safety, MeasureHistories measureHistories,
                  MyHomework myHomework) {
        this.measureHistories = measureHistories;
        this.myHomework = myHomework;
        this.audit = audit;
        this.safety = safety;
        this.messages = messages;
        this.mailIdentities = mailIdentities;
        this.assignments = assignments;
        this.options = options;
        this.occurrences = occurrences;
        this.entries = entries;
        this.changeRequests = changeRequests;
        this.alerts = alerts;
        this.clients = clients;
        this.versions = versions;
        this.occurrencePlanner = occurrencePlanner;
        this.changes = changes;
        this.homeworkSettings = homeworkSettings;
        this.clinics = clinics;
        this.events = events;
        this.links = links;
        this.clock = clock;
    }

    /** Choices to make first, then due today, overdue (open, from the last two weeks), and the coming seven days. */
    @Transactional(readOnly = true)
    public TodayPage today() {
        ClientProfile me;
        try {
            me = clients.me();
        } catch (NotFoundException notInACaseload) {
            // an account without a caseload record (e.g. created by hand): nothing assigned yet
            return new TodayPage(List.of(), List.of(), List.of());
        }
        Instant now = clock.instant();
        Duration grace = homeworkSettings.grace(CurrentUser.require().clinicId());
        List<Occurrence> window = occurrences.findByClientIdAndDueAtBetweenOrderByDueAt(me.id(),
                now.minus(OVERDUE_WINDOW), now.plus(Duration.ofDays(8)));
        Map<UUID, Assignment> plans = assignments.findByIdIn(window.stream().map(Occurrence::getAssignmentId).distinct().toList())
                .stream().collect(Collectors.toMap(Assignment::getId, Function.identity()));
        Map<UUID, Entry> started = entries.findByOccurrenceIdIn(window.stream().map(Occurrence::getId).toList()).stream()
                .collect(Collectors.toMap(Entry::getOccurrenceId, Function.identity()));
        ZoneId zone = me.timeZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        // which goal each homework serves, in one statement, only when a plan names one
        Map<UUID, String> goals = clients.myGoalTexts(plans.values().stream().map(Assignment::getGoalId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<HomeworkCard> dueNow = new ArrayList<>();
        List<HomeworkCard> overdue = new ArrayList<>();
        List<HomeworkCard> coming = new ArrayList<>();
        for (Occurrence o : window) {
            Assignment a = plans.get(o.getAssignmentId());
            // skipped (carried over, or passed over when the therapist unlocked the next step) is no longer to do
            if (a == null || o.getStatus() == Occurrence.Outcome.SKIPPED
                    || a.getStatus() != AssignmentStatus.ACTIVE && o.isOpen()) {
                continue;
            }
            Entry entry = started.get(o.getId());
            HomeworkCard card = HomeworkCard.of(a, o, entry == null ? null : entry.getState(), now, grace,
                    a.getGoalId() == null ? "" : goals.getOrDefault(a.getGoalId(), ""));
            LocalDate day = o.getLocalDate();
            if (day.equals(today)) {
                dueNow.add(card);
            } else if (day.isBefore(today) && o.isOpen()) {
                overdue.add(card);
            } else if (day.isAfter(today) && !day.isAfter(today.plusDays(7))
                    && coming.stream().noneMatch(c -> c.assignmentId().equals(a.getId()))) {
                coming.add(card); // the next one of each plan: a daily plan is one card, not seven
            }
        }
        // the crisis note stays while a crisis alert is open; an alert with its own message was said once, at submit
        TodayPage.CrisisNotice crisis = alerts.findOpenFor(List.of(me.id())).stream().noneMatch(SafetyAlert::isCrisis) ? null
                : new TodayPage.CrisisNotice(myHomework.crisisText(me));
        return new TodayPage(choices(me), dueNow, overdue, coming, zone, crisis);
    }

    /** Open choices of tasks, oldest first, each with its options in the therapist's order (two queries). */
    private List<ChoiceCard> choices(ClientProfile me) {
        List<Assignment> open = assignments.findByClientIdAndStatusOrderByCreatedAt(me.id(), AssignmentStatus.CHOOSING);
        if (open.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<AssignmentOption>> offered = options.findByAssignmentIdInOrderByPosition(
                open.stream().map(Assignment::getId).toList()).stream()
                .collect(Collectors.groupingBy(AssignmentOption::getAssignmentId));
        return open.stream().map(a -> {
            AssignmentPlan plan = a.plan();
            return new ChoiceCard(a.getId(), a.getRationale(), plan.what(), plan.when(), plan.where(), plan.schedule(),
                    offered.getOrDefault(a.getId(), List.of()).stream()
                            .map(o -> new ChoiceCard.Option(o.getId(), o.getTitle(), o.getRationale())).toList());
        }).toList();
    }

    /**
     * The client chooses one of the worksheets offered: from now on the assignment is that worksheet
     * with its title, the plan's schedule starts today, and its occurrences are created. Only while the
     * choice is open; choosing again is refused with a message.
     */
    @Transactional
    public void choose(UUID assignmentId, UUID optionId) {
        ClientProfile me = clients.me();
        Assignment assignment = assignments.findById(assignmentId).filter(a -> a.getClientId().equals(me.id()))
                .orElseThrow(NotFoundException::new);
        if (assignment.getStatus() == AssignmentStatus.ENDED && assignment.getChosenAt() == null) {
            throw new DomainException("choice.withdrawn");
        }
        if (assignment.getStatus() != AssignmentStatus.CHOOSING) {
            throw new DomainException("choice.already-made");
        }
        AssignmentOption option = options.findById(optionId == null ? new UUID(0, 0) : optionId)
                .filter(o -> o.getAssignmentId().equals(assignment.getId()))
                .orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        Schedule moved = occurrencePlanner.movedToToday(assignment, now);
        assignment.choose(option, option.getRationale(), moved, now);
        occurrencePlanner.generate(assignment, Instant.MIN);
        clients.touched(me.id());
        audit.record(AuditEntry.of(AuditAction.CHOICE_MADE).client(me.id()).object(AuditObject.ASSIGNMENT, assignmentId));
        LOG.info("choice made clinic={} assignment={} option={}", CurrentUser.require().clinicId(), assignmentId,
                option.getPosition());
    }

    /**
     * The homework card of one of the client's occurrences as a PDF to save or print, with the page's texts
     * in the client's language; the download is recorded in the audit trail.
     */
    @Transactional(readOnly = true)
    public byte[] homeworkCardPdf(UUID occurrenceId, Map<String, String> labels, Map<Obstacle, String> obstacleNames,
                                  Locale locale) {
        ClientProfile me = clients.me();
        Occurrence occurrence = myHomework.mine(occurrenceId, me);
        Assignment assignment = assignments.findById(occurrence.getAssignmentId()).orElseThrow(NotFoundException::new);
        Entry entry = entries.findByOccurrenceId(occurrenceId).orElse(null);
        UUID clinicId = CurrentUser.require().clinicId();
        HomeworkCard card = HomeworkCard.of(assignment, occurrence, entry == null ? null : entry.getState(), clock.instant(),
                homeworkSettings.grace(clinicId));
        String clinicName = clinics.findById(clinicId).map(ClinicBranding::name).orElse("");
        audit.record(AuditEntry.of(AuditAction.HOMEWORK_CARD_DOWNLOADED).client(me.id())
                .object(AuditObject.OCCURRENCE, occurrenceId));
        return HomeworkCardPdf.render(card, clinicName, labels, obstacleNames, locale);
    }

    /** Opens an occurrence to work on (or to read back once submitted). */
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
     * The assignment's coming occurrences as an .ics file: "Homework" and the clinic's name (a discreet
     * clinic's neutral name, as in its emails), a link to the clinic's page, and nothing clinical.
     */
    @Transactional(readOnly = true)
    public String calendar(UUID assignmentId) {
        ClientProfile me = clients.me();
        Assignment assignment = assignments.findById(assignmentId).filter(a -> a.getClientId().equals(me.id()))
                .orElseThrow(NotFoundException::new);
        ClinicBranding clinic = clinics.findById(CurrentUser.require().clinicId()).orElseThrow(NotFoundException::new);
        // the calendar entry says the clinic's word for homework, as the portal does (decision 0046)
        Locale locale = homeworkSettings.of(clinic.id()).word().on(Messages.forLanguageTag(me.language()));
        Instant now = clock.instant();
        List<HomeworkCalendar.Slot> slots = occurrences.findByAssignmentIdOrderByDueAt(assignment.getId()).stream()
                .filter(o -> o.isOpen() && o.getDueAt().isAfter(now))
                .map(o -> new HomeworkCalendar.Slot(o.getId(), o.getDueAt())).toList();
        audit.record(AuditEntry.of(AuditAction.CALENDAR_DOWNLOADED).client(me.id())
                .object(AuditObject.ASSIGNMENT, assignment.getId()));
        String shownName = mailIdentities.shownName(clinic.id(), clinic.name(), locale);
        return HomeworkCalendar.render(messages.getTranslation("calendar.summary", locale, shownName),
                messages.getTranslation("calendar.description", locale, shownName),
                URI.create(links.clinicPage(clinic.slug())), slots);
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
