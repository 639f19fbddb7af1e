package app.homeward.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code homeward.dev-mailbox.*} ({@code HOMEWARD_DEV_MAILBOX}).
 *
 * @param enabled keep emails in the development mailbox ({@code /dev/mailbox}) instead of sending them, when no
 *                SMTP server is set; on in the default (H2) profile, never in production
 */
@ConfigurationProperties("homeward.dev-mailbox")
record DevMailboxSettings(@DefaultValue("false") boolean enabled) {
}
