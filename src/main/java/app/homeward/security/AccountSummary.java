package app.homeward.security;

import java.time.Instant;
import java.util.UUID;

/** An account as lists show it. */
public record AccountSummary(UUID id, String email, String displayName, Role role, AccountStatus status,
                             String language, Instant createdAt, Instant lastSignInAt) {

    static AccountSummary of(Account a) {
        return new AccountSummary(a.getId(), a.getEmail(), a.getDisplayName(), a.getRole(), a.getStatus(),
                a.getLanguage(), a.getCreatedAt(), a.getLastSignInAt());
    }
}
