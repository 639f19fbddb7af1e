package app.homeward.security;

import app.homeward.base.Messages;
import app.homeward.tenancy.ClinicPrincipal;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed-in person, kept in the HTTP session. Holds ids, role and display name only.
 * {@code sessionStamp} is compared with the account's on every request, so a password reset or a
 * deactivation ends every session of the account on every node.
 */
public final class HomewardUser implements ClinicPrincipal, Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    private final UUID accountId;
    private final UUID clinicId;
    private final String clinicSlug;
    private final String email;
    private final String displayName;
    private final Role role;
    private final String language;
    private final int sessionStamp;
    /** When this session last proved the password (and second factor where enrolled); null: never. */
    private final Instant reauthenticatedAt;

    HomewardUser(UUID accountId, UUID clinicId, String clinicSlug, String email, String displayName, Role role,
                 String language, int sessionStamp) {
        this(accountId, clinicId, clinicSlug, email, displayName, role, language, sessionStamp, null);
    }

    private HomewardUser(UUID accountId, UUID clinicId, String clinicSlug, String email, String displayName, Role role,
                         String language, int sessionStamp, Instant reauthenticatedAt) {
        this.reauthenticatedAt = reauthenticatedAt;
        this.accountId = accountId;
        this.clinicId = clinicId;
        this.clinicSlug = clinicSlug;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.language = language;
        this.sessionStamp = sessionStamp;
    }

    public UUID accountId() { return accountId; }
    @Override
    public UUID clinicId() { return clinicId; }
    public String clinicSlug() { return clinicSlug; }
    public String email() { return email; }
    public String displayName() { return displayName; }
    public Role role() { return role; }
    public Locale locale() { return Messages.forLanguageTag(language); }
    int sessionStamp() { return sessionStamp; }
    Instant reauthenticatedAt() { return reauthenticatedAt; }

    /**
     * Where this person signs in again: their clinic's page in their own language (signed out, a session that
     * ended or was lost), whatever their browser prefers; or the operators' sign-in page.
     */
    public String signInPage() {
        return isOperator() ? "/platform/sign-in" : "/c/" + clinicSlug + "?lang=" + locale().getLanguage();
    }

    public boolean isOperator() {
        return role == Role.PLATFORM_OPERATOR;
    }

    HomewardUser withLanguage(String newLanguage) {
        return new HomewardUser(accountId, clinicId, clinicSlug, email, displayName, role, newLanguage, sessionStamp,
                reauthenticatedAt);
    }

    HomewardUser withSessionStamp(int stamp) {
        return new HomewardUser(accountId, clinicId, clinicSlug, email, displayName, role, language, stamp,
                reauthenticatedAt);
    }

    HomewardUser withReauthenticationAt(Instant at) {
        return new HomewardUser(accountId, clinicId, clinicSlug, email, displayName, role, language, sessionStamp, at);
    }

    /** Spring's name for the principal: the account id, never the email (it ends up in logs). */
    @Override
    public String getName() {
        return accountId.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HomewardUser other && accountId.equals(other.accountId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId);
    }

    @Override
    public String toString() {
        return "HomewardUser[" + accountId + ", " + role + "]";
    }
}
