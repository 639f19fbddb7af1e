package app.homeward.security;

import app.homeward.audit.AuditPeople;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The audit trail's names for accounts: the clinic's accounts (tenant-filtered like every account query)
 * and the platform's operators. Only the trail's reader calls it, inside its own authorised transaction.
 */
@Component
class AccountAuditPeople implements AuditPeople {

    private static final List<Role> STAFF = List.of(Role.CLINIC_ADMIN, Role.THERAPIST);

    private final AccountRepository accounts;
    private final PlatformOperatorRepository operators;

    AccountAuditPeople(AccountRepository accounts, PlatformOperatorRepository operators) {
        this.accounts = accounts;
        this.operators = operators;
    }

    @Override
    public Kind kind() {
        return Kind.ACCOUNT;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        accounts.findAllById(ids).forEach(a -> names.put(a.getId(), a.getDisplayName()));
        if (names.size() < ids.size()) {
            operators.findAllById(ids).forEach(o -> names.put(o.getId(), o.getDisplayName()));
        }
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Person> find(String text, int offset, int limit) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return accounts.findByRoleInOrderByDisplayNameAsc(STAFF).stream()
                .filter(a -> needle.isEmpty() || a.getDisplayName().toLowerCase(Locale.ROOT).contains(needle))
                .skip(offset).limit(limit)
                .map(a -> new Person(a.getId(), a.getDisplayName())).toList();
    }
}
