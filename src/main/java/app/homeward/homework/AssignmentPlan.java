package app.homeward.homework;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The plan made in session: what the client sees first (title, "why this helps"), what / when /
 * where, the schedule, the obstacles foreseen with a backup plan, the client's confidence (0–10)
 * and whether the plan was made smaller after a low confidence, the difficulty, an optional goal.
 */
public record AssignmentPlan(String title, String rationale, String what, String when, String where,
                             Schedule schedule, Set<Obstacle> obstacles, String obstacleOther, String backupPlan,
                             int confidence, boolean confidencePrompted, boolean planChanged, int difficulty,
                             UUID goalId) {

    public AssignmentPlan {
        // an EnumSet keeps the picklist's order, so cards and PDFs list obstacles the same way every time
        obstacles = obstacles == null || obstacles.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(obstacles));
        what = what == null ? "" : what;
        when = when == null ? "" : when;
        where = where == null ? "" : where;
        obstacleOther = obstacleOther == null ? "" : obstacleOther;
        backupPlan = backupPlan == null ? "" : backupPlan;
    }
}
