package app.homeward.homework;

import app.homeward.base.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the plan (homework.plan) and the client's side (homework.portal) both do to a plan's occurrences: make
 * them from the schedule and open a ladder's next step when the one before is finished. Each change is
 * announced through {@link HomeworkChanges}.
 */
@Component
public class OccurrencePlanner {

    private static final Logger LOG = LoggerFactory.getLogger(OccurrencePlanner.class);

    private final OccurrenceRepository occurrences;
    private final AssignmentRepository assignments;
    private final HomeworkChanges changes;

    OccurrencePlanner(OccurrenceRepository occurrences, AssignmentRepository assignments, HomeworkChanges changes) {
        this.occurrences = occurrences;
        this.assignments = assignments;
        this.changes = changes;
    }

    /** Creates the occurrences of a schedule that are due after {@code from} (all of them for a new plan). */
    public int generate(Assignment assignment, Instant from) {
        List<ZonedDateTime> due = assignment.schedule().occurrences();
        // days that still have an occurrence (one the client started is kept through a replan)
        Set<LocalDate> kept = new HashSet<>();
        occurrences.findByAssignmentIdOrderByDueAt(assignment.getId()).forEach(o -> kept.add(o.getLocalDate()));
        int made = 0;
        for (ZonedDateTime when : due) {
            if (!when.toInstant().isBefore(from) && !kept.contains(when.toLocalDate())) {
                occurrences.save(new Occurrence(assignment.getId(), assignment.getClientId(), when.toInstant(),
                        when.toLocalDate()));
                made++;
            }
        }
        changes.publish(assignment);
        return made;
    }

    // ---------------------------------------------------------------- step ladders

    /** A step is done when every one of its occurrences is finished (done or partly done) or skipped. */
    public boolean stepFinished(Assignment step) {
        List<Occurrence> list = occurrences.findByAssignmentIdOrderByDueAt(step.getId());
        return !list.isEmpty() && list.stream().noneMatch(Occurrence::isOpen);
    }

    /** The first waiting step of the ladder after {@code step}, if any. */
    public Optional<Assignment> nextWaiting(Assignment step) {
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
        Schedule moved = planned.startingOn(LocalDate.ofInstant(now, planned.zone()));
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
            changes.publish(step);
            open(next, moved, now);
            LOG.info("ladder step opened clinic={} ladder={} assignment={}", step.getClinicId(), step.getLadderId(),
                    next.getId());
        });
    }
}
