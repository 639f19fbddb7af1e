package app.homeward.base;

import java.util.List;
import java.util.UUID;

/**
 * A feature's rows of a clinic, and how they leave: exported (a clinic admin takes the clinic's data
 * with them), erased for one client (the client's right to erasure), deleted with the whole clinic (the
 * platform operator). Every feature that owns a tenant table declares one bean; the data-rights feature
 * and the platform call them all, so no feature has to know another's tables.
 * <p>
 * Callers bind the clinic with {@code TenantContext} and open the transaction; Hibernate's tenant filter
 * scopes every statement to that clinic. Not for views: the callers carry the authorisation (a clinic
 * admin's export job, a confirmed erasure, the operator's deletion). Tests compare {@link #tables()} of
 * all beans with the tables that have a {@code clinic_id} column in the schema, so a new table without an
 * owner is noticed.
 */
public interface ClinicData {

    /**
     * When this feature's rows go, lower first: rows that refer to another feature's rows go before those
     * (reminders before homework before clients before accounts).
     */
    int order();

    /** The tenant tables this feature owns (lower-case names, as in the migrations). */
    List<String> tables();

    /** Writes each of this feature's tables, one file per table; secrets (hashes, tokens) are left out. */
    void export(TableSink out);

    /**
     * Removes what this feature holds about one client: rows that are the client's, free text and answers
     * they wrote or that were written about them, their account and invitations. Ids-only records that
     * other duties require (the audit trail, the erasure request itself) stay.
     */
    void eraseClient(ErasedClient client);

    /** Deletes every row of the bound clinic in this feature's tables. */
    void deleteAll();

    /** The client being erased: the caseload record, their account (null if they never joined) and address. */
    record ErasedClient(UUID clientId, UUID accountId, String email) {
    }
}
