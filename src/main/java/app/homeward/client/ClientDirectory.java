package app.homeward.client;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Clients as background work sees them (reminder delivery): address, language, zone, status, in
 * the clinic bound to the transaction. Not for views; the caller is a job of one clinic or a
 * service that has authorised its caller.
 */
@Component
public class ClientDirectory {

    private final ClientRepository clients;

    ClientDirectory(ClientRepository clients) {
        this.clients = clients;
    }

    @Transactional(readOnly = true)
    public List<ClientContact> contacts(Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        // values, not entities: nothing to hydrate into the persistence context or dirty-check at commit
        return clients.findContacts(clientIds);
    }

    @Transactional(readOnly = true)
    public Optional<ClientContact> contact(UUID clientId) {
        return clients.findById(clientId).map(ClientDirectory::contact);
    }

    /** The account's client record, for the client's own pages. */
    @Transactional(readOnly = true)
    public Optional<ClientContact> byAccount(UUID accountId) {
        return clients.findByAccountId(accountId).map(ClientDirectory::contact);
    }

    /** A therapist's clients (for their daily digest). */
    @Transactional(readOnly = true)
    public List<UUID> idsOfTherapist(UUID therapistId) {
        return clients.findIdsByTherapist(therapistId);
    }

    /** Every client of the clinic who can get email (for re-planning after a clinic-wide change). */
    @Transactional(readOnly = true)
    public List<UUID> activeIds() {
        return clients.findIdsByStatus(ClientStatus.ACTIVE);
    }

    private static ClientContact contact(Client c) {
        return new ClientContact(c.getId(), c.getAccountId(), c.getTherapistId(), c.getDisplayName(), c.getEmail(),
                c.getLanguage(), c.getTimeZone(), c.isSimplified(), c.getStatus());
    }

    /** Who and where: enough to address an email and pick its language and local time. */
    public record ClientContact(UUID id, UUID accountId, UUID therapistId, String displayName, String email,
                                String language, ZoneId zone, boolean simplified, ClientStatus status) {

        /** As a query reads it: the zone as stored. */
        public ClientContact(UUID id, UUID accountId, UUID therapistId, String displayName, String email,
                             String language, String zone, boolean simplified, ClientStatus status) {
            this(id, accountId, therapistId, displayName, email, language, ZoneId.of(zone), simplified, status);
        }

        /** Reminders only go to clients who accepted their invitation and are not archived. */
        public boolean reachable() {
            return status == ClientStatus.ACTIVE && accountId != null;
        }
    }
}
