package app.homeward.homework;

import java.time.Instant;
import java.util.UUID;

/** An assignment in a client's plan, with how it has gone so far. */
public record AssignmentSummary(UUID id, String title, String rationale, AssignmentStatus status, Schedule schedule,
                                int confidence, int difficulty, Instant createdAt, int total, int done, int partial,
                                int missed, int upcoming, int openChangeRequests) {
}
