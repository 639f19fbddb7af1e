package app.homeward.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The second factor's settings ({@code homeward.second-factor.*}).
 *
 * @param key            32 random bytes in base64 (HOMEWARD_SECOND_FACTOR_KEY) that encrypt authenticator
 *                       secrets in the database with AES-GCM; empty: stored unencrypted, with a warning at start
 * @param issuer         the name authenticator apps show next to the code; neutral on purpose (never the
 *                       clinic's name: a phone's screen must not say that someone is a client of a therapy clinic)
 * @param pendingTimeout how long after the password a sign-in may wait for its code or enrolment
 */
@ConfigurationProperties("homeward.second-factor")
public record SecondFactorSettings(String key, @DefaultValue("Homeward") String issuer,
                                   @DefaultValue("15m") Duration pendingTimeout) {
}
