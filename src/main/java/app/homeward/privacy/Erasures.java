package app.homeward.privacy;

import app.homeward.base.ClinicData;
import app.homeward.client.ClientDirectory;
import app.homeward.tenancy.CurrentClinic;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Carries out a confirmed erasure: every feature removes what it holds about the client (its
 * {@link ClinicData} bean, in order; this feature's own bean discards the clinic's stored exports, which
 * would still contain the client), and the request is marked erased — all in the caller's transaction, with the clinic bound.
 */
@Component
class Erasures {

    private static final Logger LOG = LoggerFactory.getLogger(Erasures.class);

    private final List<ClinicData> owners;
    private final ClientDirectory clients;
    private final ErasureRequestRepository requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @PersistenceContext
    private EntityManager em;

    Erasures(List<ClinicData> owners, ClientDirectory clients, ErasureRequestRepository requests,
             ApplicationEventPublisher events, Clock clock) {
        this.owners = owners.stream().sorted(Comparator.comparingInt(ClinicData::order)).toList();
        this.clients = clients;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void erase(UUID requestId, UUID actor) {
        ErasureRequest request = requests.findById(requestId).filter(r -> r.getState() == ErasureState.CONFIRMED)
                .orElseThrow(() -> new IllegalStateException("not a confirmed erasure request"));
        UUID clinicId = CurrentClinic.id().orElseThrow();
        UUID clientId = request.getClientId();
        var contact = clients.contact(clientId);
        ClinicData.ErasedClient erased = new ClinicData.ErasedClient(clientId,
                contact.map(ClientDirectory.ClientContact::accountId).orElse(null),
                contact.map(ClientDirectory.ClientContact::email).orElse(null));
        // pending changes reach the database before the bulk deletes, which do not see the persistence context
        em.flush();
        for (ClinicData owner : owners) {
            owner.eraseClient(erased);
        }
        em.clear();
        ErasureRequest done = requests.findById(requestId).orElseThrow();
        done.erased(clock.instant());
        events.publishEvent(new DataRightsEvent(clinicId, actor, clientId, requestId, DataRightsEvent.CLIENT_ERASED));
        LOG.info("client erased clinic={} client={} request={}", clinicId, clientId, requestId);
    }
}
