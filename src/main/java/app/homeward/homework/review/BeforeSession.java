package app.homeward.homework.review;

import app.homeward.client.ClientProfile;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.ChangeRequestSummary;
import app.homeward.homework.Obstacle;
import app.homeward.homework.OccurrenceState;
import app.homeward.homework.Reflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What happened since the last session, for the therapist to go through with the client: each
 * assignment with what was done, partly done and missed; the reflections; obstacles met; change
 * requests and alerts. Unfinished assignments can be carried over into a new plan.
 */
public record BeforeSession(ClientProfile client, Instant since, List<Doubt> doubts,
                            List<AssignmentOutcome> assignments, List<MissedItem> missed,
                            List<ReflectionItem> reflections, Map<Obstacle, Integer> obstaclesMet,
                            List<ChangeRequestSummary> changeRequests, List<AlertSummary> alerts) {

    /**
     * One assignment over the period; {@code unfinished} when something was missed or is still open;
     * {@code goal} the client's goal it serves ("" when none was linked).
     */
    public record AssignmentOutcome(UUID assignmentId, String title, String goal, AssignmentStatus status, int done,
                                    int partial, int missed, int open, boolean unfinished) {
    }

    /**
     * "I'm not sure it will help": said when planning, after doing it, or as a change request. Doubts are
     * listed first, because homework the client does not believe in is rarely done (PRODUCT.md).
     */
    public record Doubt(UUID assignmentId, String title, Source source, Instant at, String note) {
        public enum Source { PLAN, REFLECTION, CHANGE_REQUEST }
    }

    /**
     * A missed or partly done occurrence in the period, to be talked through as carefully as done homework;
     * {@code discussedAt} null until the therapist marks it, {@code note} what got in the way.
     */
    public record MissedItem(UUID occurrenceId, UUID assignmentId, String title, LocalDate date, OccurrenceState state,
                             Instant discussedAt, String note) {
    }

    /** A reflection the client wrote after an entry. */
    public record ReflectionItem(UUID entryId, String title, Instant submittedAt, Reflection reflection) {
    }
}
