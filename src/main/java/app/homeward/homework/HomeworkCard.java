package app.homeward.homework;

import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/** One occurrence as the client's portal shows it: the rationale first, then the plan. */
public record HomeworkCard(UUID occurrenceId, UUID assignmentId, String title, String rationale, String what,
                           String when, String where, Set<Obstacle> obstacles, String obstacleOther,
                           String backupPlan, ZonedDateTime due, OccurrenceState state, EntryState entryState,
                           int difficulty) {
}
