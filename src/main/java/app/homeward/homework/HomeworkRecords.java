package app.homeward.homework;

import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * A client's whole homework history, for data rights (the client's own export, the clinic's export of
 * one client's record). A client reaches only their own; staff only a client they may see.
 */
@Service
public class HomeworkRecords {

    private final ClientService clients;
    private final ClientHistories histories;

    HomeworkRecords(ClientService clients, ClientHistories histories) {
        this.clients = clients;
        this.histories = histories;
    }

    /** The signed-in client's own history. */
    @PreAuthorize("hasRole('CLIENT')")
    @Transactional(readOnly = true)
    public ClientHistory mine() {
        ClientProfile me = clients.me();
        return histories.of(CurrentUser.require().clinicId(), me.id(), me.displayName());
    }

    /** A client's history for staff; outside one's caseload it is not found. */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public ClientHistory of(UUID clientId) {
        ClientProfile client = clients.profile(clientId);
        return histories.of(CurrentUser.require().clinicId(), client.id(), client.displayName());
    }
}
