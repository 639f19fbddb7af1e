package app.homeward.client;

import app.homeward.audit.AuditPeople;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The audit trail's names for clients (by client id), tenant-filtered like every client query. A client
 * whose identity was erased has no name here, and the trail shows "Erased client". Only the trail's reader
 * calls it, inside its own authorised transaction.
 */
@Component
class ClientAuditPeople implements AuditPeople {

    private final ClientRepository clients;

    ClientAuditPeople(ClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public Kind kind() {
        return Kind.CLIENT;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            clients.findAllById(ids).forEach(c -> names.put(c.getId(), c.getDisplayName()));
        }
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Person> find(String text, int offset, int limit) {
        return clients.findCaseload(null, true, like(text), new OffsetPage(offset, limit, Sort.by("displayName", "id")))
                .stream().map(c -> new Person(c.getId(), c.getDisplayName())).toList();
    }

    private static String like(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
