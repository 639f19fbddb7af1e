package app.homeward.mail;

import java.util.Map;

/**
 * A rendered message ready for a batch: its stable Message-ID (so a resend after a crash is
 * recognisable as the same message) and extra headers such as List-Unsubscribe.
 */
public record OutgoingMail(MailMessage message, String messageId, Map<String, String> headers) {

    public OutgoingMail {
        headers = Map.copyOf(headers);
    }
}
