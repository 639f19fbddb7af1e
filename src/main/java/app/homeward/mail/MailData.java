package app.homeward.mail;

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
 * The mail feature's one tenant table for data rights: how the clinic appears in its emails (the discreet
 * sender). Exported with the clinic and deleted with it; nothing in it is about a client.
 */
@Component
class MailData implements ClinicData {

    private static final Spec IDENTITY = Spec.of("clinic_mail_identity", "ClinicMailIdentity", "id", "discreet",
            "neutral_name=neutralName", "updated_at=updatedAt");

    @PersistenceContext
    private EntityManager em;

    @Override
    public int order() {
        return 800;
    }

    @Override
    public List<String> tables() {
        return List.of(IDENTITY.table());
    }

    @Override
    @Transactional(readOnly = true)
    public void export(TableSink out) {
        EntityTables.export(em, out, IDENTITY);
    }

    @Override
    public void eraseClient(ErasedClient client) {
        // the clinic's sender setting holds nothing about any client
    }

    @Override
    @Transactional
    public void deleteAll() {
        EntityTables.deleteAll(em, "ClinicMailIdentity");
    }
}
