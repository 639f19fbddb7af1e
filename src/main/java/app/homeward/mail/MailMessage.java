package app.homeward.mail;

import java.time.Instant;
import java.util.UUID;

/** A rendered email. Holds no clinical content by construction: templates only take links and names. */
public record MailMessage(UUID id, Instant createdAt, UUID clinicId, String to, String subject, String text, String html) {
}
