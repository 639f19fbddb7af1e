package app.homeward.homework.review;

import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Whose entries and alerts the review lists show: the staff member's caseload, the whole clinic for an admin. */
final class CaseloadScope {

    private CaseloadScope() {
    }

    /** The therapist's clients for list queries (one query); null for an admin, who sees the whole clinic. */
    static Collection<UUID> filter(ClientService clients) {
        List<UUID> ids = clients.caseloadIds();
        return ids == null ? null : ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    static Map<UUID, ClientProfile> byId(ClientService clients, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return clients.accessibleAmong(ids).stream().collect(Collectors.toMap(ClientProfile::id, Function.identity()));
    }
}
