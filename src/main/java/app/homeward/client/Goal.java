package app.homeward.client;

import java.time.Instant;
import java.util.UUID;

/** A client's goal as views show it. */
public record Goal(UUID id, UUID clientId, String text, GoalStatus status, Instant createdAt) {

    static Goal of(ClientGoal g) {
        return new Goal(g.getId(), g.getClientId(), g.getText(), g.getStatus(), g.getCreatedAt());
    }
}
