package app.homeward.homework.portal;

import app.homeward.homework.Assignment;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.EntryState;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * One occurrence as the client's portal shows it: the rationale first, then the plan. For a step of
 * a step ladder, which step it is ({@code ladderStep} of {@code ladderSize}, null otherwise) and
 * whether a next step is waiting for this one to be finished.
 */
public record HomeworkCard(UUID occurrenceId, UUID assignmentId, String title, String rationale, String what,
                           String when, String where, Set<Obstacle> obstacles, String obstacleOther,
                           String backupPlan, ZonedDateTime due, OccurrenceState state, EntryState entryState,
                           int difficulty, Integer ladderStep, Integer ladderSize, boolean nextStepWaiting,
                           String goal) {

    /** A card of an ordinary plan (not a ladder step). */
    public HomeworkCard(UUID occurrenceId, UUID assignmentId, String title, String rationale, String what,
                        String when, String where, Set<Obstacle> obstacles, String obstacleOther, String backupPlan,
                        ZonedDateTime due, OccurrenceState state, EntryState entryState, int difficulty) {
        this(occurrenceId, assignmentId, title, rationale, what, when, where, obstacles, obstacleOther, backupPlan,
                due, state, entryState, difficulty, null, null, false, "");
    }

    /** The card of one occurrence as the client sees it: the plan, when it is due, and how it stands. */
    static HomeworkCard of(Assignment a, Occurrence o, EntryState entryState, Instant now, Duration grace) {
        return of(a, o, entryState, now, grace, "");
    }

    /** The same, with the text of the client's goal the homework serves ("" for none). */
    static HomeworkCard of(Assignment a, Occurrence o, EntryState entryState, Instant now, Duration grace,
                           String goal) {
        ZoneId zone = a.schedule().zone();
        AssignmentPlan plan = a.plan();
        // only one step of a ladder is active at a time: the steps after an active one are all still waiting
        boolean nextWaiting = a.inALadder() && a.getStatus() == AssignmentStatus.ACTIVE
                && a.getLadderStep() < a.getLadderSize();
        return new HomeworkCard(o.getId(), a.getId(), a.getTitle(), a.getRationale(), plan.what(), plan.when(),
                plan.where(), plan.obstacles(), plan.obstacleOther(), plan.backupPlan(), o.getDueAt().atZone(zone),
                o.state(now, grace, zone), entryState, a.getDifficulty(), a.getLadderStep(), a.getLadderSize(),
                nextWaiting, goal);
    }

    public boolean ladderStepCard() {
        return ladderStep != null && ladderSize != null;
    }
}
