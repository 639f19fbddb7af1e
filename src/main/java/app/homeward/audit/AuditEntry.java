package app.homeward.audit;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a service asks the trail to record. Only ids and codes: there is no field a name, an email, a title
 * or an answer could go into ({@link #detail} is a short lower-case code and is checked).
 * <p>
 * Who acted, for which clinic and from where default to the signed-in person, their clinic (or the clinic
 * bound with {@code TenantContext}) and the current request's address; set them explicitly where nobody is
 * signed in yet (sign-in, accepting an invitation, a session that timed out):
 * <pre>{@code
 * audit.record(AuditEntry.of(AuditAction.ENTRY_REVIEWED).client(clientId).object(AuditObject.ENTRY, entryId));
 * }</pre>
 */
public record AuditEntry(AuditAction action, AuditOutcome outcome, UUID clientId, AuditObject objectType,
                         UUID objectId, String detail, UUID actorId, String actorRole, UUID clinicId, String ip) {

    private static final Pattern DETAIL = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z_]{0,31}");

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if (detail != null && !DETAIL.matcher(detail).matches()) {
            throw new IllegalArgumentException("an audit detail is a short lower-case code, never text");
        }
        if (actorRole != null && !ROLE.matcher(actorRole).matches()) {
            throw new IllegalArgumentException("an audit role is a role's name");
        }
        if ((objectType == null) != (objectId == null)) {
            throw new IllegalArgumentException("an audited object has a type and an id");
        }
    }

    /** A successful action by whoever is signed in, in their clinic. */
    public static AuditEntry of(AuditAction action) {
        return new AuditEntry(action, AuditOutcome.SUCCESS, null, null, null, null, null, null, null, null);
    }

    /** The client whose record this is about (their client id, not their account id). */
    public AuditEntry client(UUID id) {
        return new AuditEntry(action, outcome, id, objectType, objectId, detail, actorId, actorRole, clinicId, ip);
    }

    public AuditEntry object(AuditObject type, UUID id) {
        return new AuditEntry(action, outcome, clientId, type, id, detail, actorId, actorRole, clinicId, ip);
    }

    /** A short code that says more (a settings section, why a sign-in failed): lower-case letters, digits, '.', '-'. */
    public AuditEntry detail(String code) {
        return new AuditEntry(action, outcome, clientId, objectType, objectId, code, actorId, actorRole, clinicId, ip);
    }

    public AuditEntry outcome(AuditOutcome value) {
        return new AuditEntry(action, value, clientId, objectType, objectId, detail, actorId, actorRole, clinicId, ip);
    }

    /** Who acted, where nobody is signed in: an account (or operator) id and its role's name. */
    public AuditEntry actor(UUID id, String role) {
        return new AuditEntry(action, outcome, clientId, objectType, objectId, detail, id, role, clinicId, ip);
    }

    /** Whose trail, where neither a signed-in person nor a bound clinic says so. */
    public AuditEntry clinic(UUID id) {
        return new AuditEntry(action, outcome, clientId, objectType, objectId, detail, actorId, actorRole, id, ip);
    }

    /** From where, where the current request is not the one that did it (the sign-in service is told the address). */
    public AuditEntry ip(String address) {
        return new AuditEntry(action, outcome, clientId, objectType, objectId, detail, actorId, actorRole, clinicId, address);
    }
}
