package app.homeward.homework.plan;

import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An assignment in a client's plan, with how it has gone so far. {@code ladder} is set for a step of
 * a step ladder; {@code options} lists the worksheets offered while the client is still choosing;
 * {@code chosenByClient} tells that the client picked this task among several.
 */
public record AssignmentSummary(UUID id, String title, String rationale, AssignmentStatus status, Schedule schedule,
                                int confidence, int difficulty, Instant createdAt, int total, int done, int partial,
                                int missed, int upcoming, int openChangeRequests, Ladder ladder,
                                boolean chosenByClient, List<String> options, UUID goalId) {

    public AssignmentSummary(UUID id, String title, String rationale, AssignmentStatus status, Schedule schedule,
                             int confidence, int difficulty, Instant createdAt, int total, int done, int partial,
                             int missed, int upcoming, int openChangeRequests) {
        this(id, title, rationale, status, schedule, confidence, difficulty, createdAt, total, done, partial, missed,
                upcoming, openChangeRequests, null, false, List.of(), null);
    }

    /** Where a step stands in its ladder. */
    public record Ladder(UUID id, String title, int step, int size, StepState state) {
    }

    /**
     * Done: passed (finished, or the therapist opened a later step); now: the step being practised;
     * waiting: locked; ended: the ladder was ended while this step was being practised; not reached:
     * the ladder was ended before this step opened.
     */
    public enum StepState { DONE, NOW, WAITING, ENDED, NOT_REACHED }
}
