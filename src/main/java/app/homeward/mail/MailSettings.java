package app.homeward.mail;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code homeward.mail.*}: Homeward's own mail settings. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*} ({@code SMTP_HOST} and friends).
 *
 * @param from         the From address of every email ({@code SMTP_FROM}), e.g. {@code Homeward <no-reply@example.org>};
 *                     a clinic's name replaces the display name unless the clinic sends discreetly
 * @param maxPerSecond at most this many emails per second over SMTP from all instances together
 *                     ({@code HOMEWARD_MAIL_MAX_PER_SECOND}; hosted relays cap senders); 0: no cap
 */
@ConfigurationProperties("homeward.mail")
@Validated
record MailSettings(@NotBlank String from, @DefaultValue("0") @PositiveOrZero int maxPerSecond) {
}
