package app.homeward.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Names for the ids the trail stores, from the features that own the people: the trail keeps ids only, so
 * a name is looked up when a record is shown, and an erased client or a removed account simply has none
 * ("Erased client", "Former staff member"). Implemented by the security feature (accounts, operators) and the
 * caseload (clients); called inside the audit reader's transaction, for the trail being read.
 */
public interface AuditPeople {

    enum Kind {
        /** Accounts of the clinic (staff and clients' portal accounts) and platform operators: who acted. */
        ACCOUNT,
        /** The clinic's clients (client ids, not their accounts): whose record. */
        CLIENT
    }

    /** Someone to filter the trail by. */
    record Person(UUID id, String name) {
    }

    Kind kind();

    /** The names of those of these ids that exist (in the current clinic; operators everywhere). */
    Map<UUID, String> names(Collection<UUID> ids);

    /**
     * People to filter the clinic's trail by, by name: staff (admins and therapists, also deactivated ones) for
     * {@link Kind#ACCOUNT}, clients (also archived ones) for {@link Kind#CLIENT}; {@code text} (null: everyone)
     * is matched anywhere in the name, ignoring case.
     */
    List<Person> find(String text, int offset, int limit);
}
