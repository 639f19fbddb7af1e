package app.homeward.homework.portal;

import app.homeward.homework.EntryState;
import app.homeward.homework.Obstacle;
import app.homeward.homework.OccurrenceState;
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

    public boolean ladderStepCard() {
        return ladderStep != null && ladderSize != null;
    }
}
