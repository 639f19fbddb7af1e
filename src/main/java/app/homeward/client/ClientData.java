package app.homeward.client;

import app.homeward.base.ClinicData;
import app.homeward.base.EntityTables;
import app.homeward.base.EntityTables.Spec;
import app.homeward.base.TableSink;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The caseload's rows for data rights: a client erased loses their record and goals. */
@Component
class ClientData implements ClinicData {

    private static final List<Spec> TABLES = List.of(
            Spec.of("client", "Client", "id", "therapist_id=therapistId", "account_id=accountId",
                    "invitation_id=invitationId", "display_name=displayName", "email", "time_zone=timeZone", "language",
                    "next_session_on=nextSessionOn", "simplified", "status", "last_activity_at=lastActivityAt",
                    "created_at=createdAt", "archived_at=archivedAt"),
            Spec.of("client_goal", "ClientGoal", "id", "client_id=clientId", "text", "status", "created_at=createdAt"));

    @PersistenceContext
    private EntityManager em;

    @Override
    public int order() {
        return 300;
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
    @Transactional
    public void eraseClient(ErasedClient client) {
        em.createQuery("delete from ClientGoal g where g.clientId = :client").setParameter("client", client.clientId())
                .executeUpdate();
        em.createQuery("delete from Client c where c.id = :client").setParameter("client", client.clientId())
                .executeUpdate();
    }

    @Override
    @Transactional
    public void deleteAll() {
        EntityTables.deleteAll(em, "ClientGoal");
        EntityTables.deleteAll(em, "Client");
    }
}
