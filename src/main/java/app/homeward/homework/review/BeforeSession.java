package app.homeward.homework.review;

import app.homeward.client.ClientProfile;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.ChangeRequestSummary;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Reflection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What happened since the last session, for the therapist to go through with the client: each
 * assignment with what was done, partly done and missed; the reflections; obstacles met; change
 * requests and alerts. Unfinished assignments can be carried over into a new plan.
 */
public record BeforeSession(ClientProfile client, Instant since, List<AssignmentOutcome> assignments,
                            List<ReflectionItem> reflections, Map<Obstacle, Integer> obstaclesMet,
                            List<ChangeRequestSummary> changeRequests, List<AlertSummary> alerts) {

    /** One assignment over the period; {@code unfinished} when something was missed or is still open. */
    public record AssignmentOutcome(UUID assignmentId, String title, AssignmentStatus status, int done, int partial,
                                    int missed, int open, boolean unfinished) {
    }

    /** A reflection the client wrote after an entry. */
    public record ReflectionItem(UUID entryId, String title, Instant submittedAt, Reflection reflection) {
    }
}
