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
import app.homeward.homework.AssignmentOption;
import app.homeward.homework.AssignmentOptionRepository;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.AssignmentRepository;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.Entry;
import app.homeward.homework.EntryRepository;
import app.homeward.homework.HomeworkSettingsLookup;
import app.homeward.homework.OccurrencePlanner;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceRepository;
import app.homeward.homework.SafetyAlert;
import app.homeward.homework.SafetyAlertRepository;
import app.homeward.homework.Schedule;
import app.homeward.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The client's Today page (/my): the choices waiting for them, today's homework, what is overdue and what is
 * coming, and making one of the choices offered. A client only ever reaches their own assignments: anyone
 * else's is "not found".
 */
@Service
@PreAuthorize("hasRole('CLIENT')")
public class TodayService {

    private static final Logger LOG = LoggerFactory.getLogger(TodayService.class);
    /** Open work this far back still shows as overdue and can be done late. */
    static final Duration OVERDUE_WINDOW = Duration.ofDays(14);

    private final AssignmentRepository assignments;
    private final AssignmentOptionRepository options;
    private final OccurrenceRepository occurrences;
    private final EntryRepository entries;
    private final SafetyAlertRepository alerts;
    private final ClientService clients;
    private final OccurrencePlanner occurrencePlanner;
    private final HomeworkSettingsLookup homeworkSettings;
    private final MyHomework myHomework;
    private final Clock clock;
    private final AuditTrail audit;

    TodayService(AssignmentRepository assignments, AssignmentOptionRepository options,
                 OccurrenceRepository occurrences, EntryRepository entries, SafetyAlertRepository alerts,
                 ClientService clients, OccurrencePlanner occurrencePlanner, HomeworkSettingsLookup homeworkSettings,
                 MyHomework myHomework, Clock clock, AuditTrail audit) {
        this.assignments = assignments;
        this.options = options;
        this.occurrences = occurrences;
        this.entries = entries;
        this.alerts = alerts;
        this.clients = clients;
        this.occurrencePlanner = occurrencePlanner;
        this.homeworkSettings = homeworkSettings;
        this.myHomework = myHomework;
        this.clock = clock;
        this.audit = audit;
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

}
