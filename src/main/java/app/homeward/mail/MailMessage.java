package app.homeward.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A rendered email. Holds no clinical content by construction: templates only take links and names.
 *
 * @param fromName the display name of the From address, or null for the configured one (SMTP_FROM); a
 *                 discreet clinic's mail carries its neutral name here
 */
public record MailMessage(UUID id, Instant createdAt, UUID clinicId, String to, String fromName, String subject,
                          String text, String html) {
}
