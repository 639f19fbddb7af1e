package app.homeward.safety;

import app.homeward.base.ClinicTables;
import app.homeward.base.EntityTables.Spec;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The safety settings for data rights: the clinic's crisis lines and score policy. Exported with the clinic
 * and deleted with it; nothing in them is about a client.
 */
@Component
class SafetyData extends ClinicTables {

    private static final List<Spec> TABLES = List.of(
            Spec.of("crisis_line", "CrisisLine", "id", "language", "message", "updated_at=updatedAt"),
            Spec.of("score_policy", "ScorePolicy", "id", "client_scores=clientScores", "updated_at=updatedAt"));

    SafetyData() {
        super(810, TABLES);
    }

    @Override
    public void eraseClient(ErasedClient client) {
        // the clinic's safety settings hold nothing about any client
    }
}
