package app.homeward.homework;

import app.homeward.base.HomeworkWord;
import app.homeward.base.HomeworkWords;
import app.homeward.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * The clinic's word for homework for the parts below this feature (sign-in, invitations; decision 0046). Reads
 * in the caller's transaction when its session sees that clinic, else in a short read-only one bound to that
 * clinic: a sign-in or a public page has no clinic bound yet, and must still read the right clinic's word and
 * no other's. Below the services, like {@link HomeworkSettingsLookup}: it reveals one word, nothing clinical.
 */
@Component
class ClinicHomeworkWords implements HomeworkWords {

    private final HomeworkSettingsLookup lookup;
    private final TransactionTemplate readOnItsOwn;

    @PersistenceContext
    private EntityManager entityManager;

    ClinicHomeworkWords(HomeworkSettingsLookup lookup, PlatformTransactionManager transactions) {
        this.lookup = lookup;
        this.readOnItsOwn = new TransactionTemplate(transactions);
        readOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readOnItsOwn.setReadOnly(true);
    }

    @Override
    public HomeworkWord of(UUID clinicId) {
        if (clinicId == null) {
            return HomeworkWord.HOMEWORK;
        }
        if (currentSessionSees(clinicId)) {
            return lookup.of(clinicId).word();
        }
        return TenantContext.callAs(clinicId, () -> readOnItsOwn.execute(status -> lookup.of(clinicId).word()));
    }

    private boolean currentSessionSees(UUID clinicId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        Object tenant = entityManager.unwrap(Session.class).getTenantIdentifierValue();
        return clinicId.equals(tenant) || TenantContext.ROOT.equals(tenant);
    }
}
