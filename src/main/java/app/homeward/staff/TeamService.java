package app.homeward.staff;

import app.homeward.base.DomainException;
import app.homeward.client.ClientService;
import app.homeward.security.AccountService;
import app.homeward.security.AccountSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * The team page's actions that cross features. Deactivating a staff member who still has clients first hands
 * the clients to a colleague the admin names, in the same transaction: a client is never left with a
 * therapist who cannot be reached (their safety alerts would go to the admins only).
 */
@Service
public class TeamService {

    private final AccountService accounts;
    private final ClientService clients;

    TeamService(AccountService accounts, ClientService clients) {
        this.accounts = accounts;
        this.clients = clients;
    }

    /** How many clients this staff member has (the team page asks who takes them over when there are any). */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public int clientsOf(UUID accountId) {
        return clients.caseloadSize(accountId);
    }

    /**
     * Deactivates a staff member; their clients go to {@code successorId} first. Without a successor, only someone
     * with no clients can be deactivated.
     */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public AccountSummary deactivate(UUID accountId, UUID successorId) {
        int caseload = clients.caseloadSize(accountId);
        if (caseload > 0) {
            if (successorId == null) {
                throw new DomainException("successor", "staff.deactivate.successor-required", caseload);
            }
            clients.handOver(accountId, successorId);
        }
        return accounts.deactivate(accountId);
    }
}
