package app.homeward.client;

import app.homeward.base.NotFoundException;
import app.homeward.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** A client's caseload record and goals, for data rights: the client's own, or one a staff member may see. */
@Service
public class ClientRecords {

    private final ClientRepository clients;
    private final ClientGoalRepository goals;
    private final ClientService service;

    ClientRecords(ClientRepository clients, ClientGoalRepository goals, ClientService service) {
        this.clients = clients;
        this.goals = goals;
        this.service = service;
    }

    public record Details(ClientProfile profile, List<Goal> goals) {
    }

    @PreAuthorize("hasRole('CLIENT')")
    @Transactional(readOnly = true)
    public Details mine() {
        Client me = clients.findByAccountId(CurrentUser.require().accountId()).orElseThrow(NotFoundException::new);
        return details(me.getId(), ClientProfile.of(me));
    }

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public Details of(UUID clientId) {
        return details(clientId, service.profile(clientId));
    }

    private Details details(UUID clientId, ClientProfile profile) {
        return new Details(profile, goals.findByClientIdOrderByCreatedAt(clientId).stream().map(Goal::of).toList());
    }
}
