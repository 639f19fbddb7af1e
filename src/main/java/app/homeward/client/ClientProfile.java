package app.homeward.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A client as the caseload and the homework feature see them. */
public record ClientProfile(UUID id, String displayName, String email, ZoneId timeZone, String language,
                            LocalDate nextSession, boolean simplified, ClientStatus status, UUID therapistId,
                            UUID accountId, Instant lastActivityAt, Instant createdAt) {

    static ClientProfile of(Client c) {
        return new ClientProfile(c.getId(), c.getDisplayName(), c.getEmail(), c.getTimeZone(), c.getLanguage(),
                c.getNextSessionOn(), c.isSimplified(), c.getStatus(), c.getTherapistId(), c.getAccountId(),
                c.getLastActivityAt(), c.getCreatedAt());
    }

    public boolean archived() {
        return status == ClientStatus.ARCHIVED;
    }
}
