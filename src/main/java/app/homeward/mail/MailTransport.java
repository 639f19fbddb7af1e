package app.homeward.mail;

import java.util.ArrayList;
import java.util.List;

/** Where rendered mail goes: an SMTP server, or the development mailbox when none is configured. */
interface MailTransport {

    void deliver(MailMessage message) throws Exception;

    /** Sends a batch, one result per message in order. SMTP reuses one connection for the whole batch. */
    default List<Delivery> deliverBatch(List<OutgoingMail> batch) {
        List<Delivery> results = new ArrayList<>(batch.size());
        for (OutgoingMail mail : batch) {
            try {
                deliver(mail.message());
                results.add(Delivery.SENT);
            } catch (Exception e) {
                results.add(Delivery.temporary(e.getClass().getSimpleName()));
            }
        }
        return results;
    }
}
