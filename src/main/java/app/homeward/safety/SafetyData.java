package app.homeward.safety;

import app.homeward.base.ClinicData;
import app.homeward.base.EntityTables;
import app.homeward.base.EntityTables.Spec;
import app.homeward.base.TableSink;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The safety settings for data rights: the clinic's crisis lines and score policy. Exported with the clinic
 * and deleted with it; nothing in them is about a client.
 */
@Component
class SafetyData implements ClinicData {

    private static final List<Spec> TABLES = List.of(
            Spec.of("crisis_line", "CrisisLine", "id", "language", "message", "updated_at=updatedAt"),
            Spec.of("score_policy", "ScorePolicy", "id", "client_scores=clientScores", "updated_at=updatedAt"));

    @PersistenceContext
    private EntityManager em;

    @Override
    public int order() {
        return 810;
    }

    @Override
    public List<String> tables() {
        return TABLES.stream().map(Spec::table).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public void export(TableSink out) {
        TABLES.forEach(spec -> EntityTables.export(em, out, spec));
    }

    @Override
    public void eraseClient(ErasedClient client) {
        // the clinic's safety settings hold nothing about any client
    }

    @Override
    @Transactional
    public void deleteAll() {
        EntityTables.deleteAll(em, "CrisisLine");
        EntityTables.deleteAll(em, "ScorePolicy");
    }
}
