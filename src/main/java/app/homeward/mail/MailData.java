package app.homeward.mail;

import app.homeward.base.ClinicTables;
import app.homeward.base.EntityTables.Spec;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The mail feature's one tenant table for data rights: how the clinic appears in its emails (the discreet
 * sender). Exported with the clinic and deleted with it; nothing in it is about a client.
 */
@Component
class MailData extends ClinicTables {

    MailData() {
        super(800, List.of(Spec.of("clinic_mail_identity", "ClinicMailIdentity", "id", "discreet",
                "neutral_name=neutralName", "updated_at=updatedAt")));
    }

    @Override
    public void eraseClient(ErasedClient client) {
        // the clinic's sender setting holds nothing about any client
    }
}
