package app.homeward.audit;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Which records of a clinic's trail to show: by whom (an account id), about which client, which actions
 * (empty: all), from and to a day of the clinic's calendar (both included). Every part may be null.
 */
public record AuditFilter(UUID actorId, UUID clientId, Set<AuditAction> actions, LocalDate from, LocalDate to) {

    public AuditFilter {
        actions = actions == null ? Set.of() : Set.copyOf(actions);
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, Set.of(), null, null);
    }
}
