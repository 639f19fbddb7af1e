package app.homeward.client;

import app.homeward.base.ClinicTables;
import app.homeward.base.EntityTables.Spec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The caseload's rows for data rights: a client erased loses their record and goals. */
@Component
class ClientData extends ClinicTables {

    private static final List<Spec> TABLES = List.of(
            Spec.of("client", "Client", "id", "therapist_id=therapistId", "account_id=accountId",
                    "invitation_id=invitationId", "display_name=displayName", "email", "time_zone=timeZone", "language",
                    "next_session_on=nextSessionOn", "simplified", "status", "last_activity_at=lastActivityAt",
                    "created_at=createdAt", "archived_at=archivedAt"),
            Spec.of("client_goal", "ClientGoal", "id", "client_id=clientId", "text", "status", "created_at=createdAt"));

    ClientData() {
        super(300, TABLES);
    }

    @Override
    @Transactional
    public void eraseClient(ErasedClient client) {
        deleteOfClient(client.clientId(), "ClientGoal");
        em.createQuery("delete from Client c where c.id = :client").setParameter("client", client.clientId())
                .executeUpdate();
    }
}
