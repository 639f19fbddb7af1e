package app.homeward.homework;

import app.homeward.base.DomainException;
import app.homeward.tenancy.ClinicDirectory.HomeworkSettings;
import app.homeward.tenancy.ClinicDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the plan (homework.plan) and the client's side (homework.portal) both do to a plan's occurrences: make
 * them from the schedule, open a ladder's next step, and tell the reminder outbox that homework changed; and
 * the clinic's homework settings (grace period) that every part reads.
 */
@Component
public class HomeworkRules {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HomeworkRules.class);

    private final ClinicDirectory clinics;
    private final OccurrenceRepository occurrences;
    private final AssignmentRepository assignments;
    private final ApplicationEventPublisher events;

    public HomeworkRules(ClinicDirectory clinics, OccurrenceRepository occurrences, AssignmentRepository assignments,
                  ApplicationEventPublisher events) {
        this.clinics = clinics;
        this.occurrences = occurrences;
        this.assignments = assignments;
        this.events = events;
    }

    /** Tells listeners in this transaction (the reminder outbox) that the client's homework changed. */
    public void changed(Assignment assignment) {
        // the current clinic, not assignment.getClinicId(): a plan saved in this transaction may not have it yet
        events.publishEvent(new HomeworkChanged(app.homeward.tenancy.CurrentClinic.id().orElseThrow(),
                assignment.getClientId()));
    }

    public HomeworkSettings settings(UUID clinicId) {
        return clinics.homeworkSettings(clinicId)
                .orElse(new HomeworkSettings(7, 24, ZoneId.of("UTC")));
    }

    public Duration grace(UUID clinicId) {
        return Duration.ofHours(settings(clinicId).graceHours());
    }

    /** Creates the occurrences of a schedule that are due after {@code from} (all of them for a new plan). */
    public int generate(Assignment assignment, Instant from) {
        List<ZonedDateTime> due = assignment.schedule().occurrences();
        // days that still have an occurrence (one the client started is kept through a replan)
        java.util.Set<java.time.LocalDate> kept = new java.util.HashSet<>();
        occurrences.findByAssignmentIdOrderByDueAt(assignment.getId()).forEach(o -> kept.add(o.getLocalDate()));
        int made = 0;
        for (ZonedDateTime when : due) {
            if (!when.toInstant().isBefore(from) && !kept.contains(when.toLocalDate())) {
                occurrences.save(new Occurrence(assignment.getId(), assignment.getClientId(), when.toInstant(),
                        when.toLocalDate()));
                made++;
            }
        }
        changed(assignment);
        return made;
    }

    // ---------------------------------------------------------------- step ladders

    /** A step is done when every one of its occurrences is finished (done or partly done) or skipped. */
    public boolean stepFinished(Assignment step) {
        List<Occurrence> list = occurrences.findByAssignmentIdOrderByDueAt(step.getId());
        return !list.isEmpty() && list.stream().noneMatch(Occurrence::isOpen);
    }

    /** The first waiting step of the ladder after {@code step}, if any. */
    public java.util.Optional<Assignment> nextWaiting(Assignment step) {
        return assignments.findByLadderIdOrderByLadderStepAscCreatedAtAsc(step.getLadderId()).stream()
                .filter(s -> s.getStatus() == AssignmentStatus.WAITING && s.getLadderStep() > step.getLadderStep())
                .findFirst();
    }

    /**
     * The schedule a waiting step (or a choice) gets when it opens now: the same shape, starting today
     * in the client's time zone. Checked here, so a step that cannot open changes nothing.
     *
     * @throws app.homeward.base.DomainException when the moved schedule is impossible
     */
    public Schedule movedToToday(Assignment assignment, Instant now) {
        Schedule planned = assignment.schedule();
        Schedule moved = planned.startingOn(java.time.LocalDate.ofInstant(now, planned.zone()));
        moved.occurrences();
        return moved;
    }

    /** Opens a waiting step now: its schedule starts today and its occurrences are created. */
    public void open(Assignment waiting, Schedule moved, Instant now) {
        waiting.open(moved, now);
        generate(waiting, Instant.MIN);
    }

    /**
     * Called when the client finished an occurrence of a ladder step: once every occurrence of the step
     * is finished, the step is done and the next waiting step opens today. Never fails the client's
     * submission: a next step that cannot open (its schedule has no date) stays waiting for the therapist.
     */
    public void advanceIfStepFinished(Assignment step, Instant now) {
        if (!step.inALadder() || step.getStatus() != AssignmentStatus.ACTIVE || !stepFinished(step)) {
            return;
        }
        nextWaiting(step).ifPresent(next -> {
            Schedule moved;
            try {
                moved = movedToToday(next, now);
            } catch (DomainException impossible) {
                LOG.warn("ladder step cannot open clinic={} assignment={} reason={}", step.getClinicId(), next.getId(),
                        impossible.messageKey());
                return;
            }
            step.end(now);
            changed(step);
            open(next, moved, now);
            LOG.info("ladder step opened clinic={} ladder={} assignment={}", step.getClinicId(), step.getLadderId(),
                    next.getId());
        });
    }
}
