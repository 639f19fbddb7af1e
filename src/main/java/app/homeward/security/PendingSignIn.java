package app.homeward.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A sign-in whose password was right but whose second step is still to come: a code from the
 * authenticator, or (staff and the operator without one) enrolling one. Kept in the HTTP session
 * only, never in the security context: until the second step is done the session is anonymous, so
 * every protected route and every {@code @PreAuthorize} service refuses it.
 */
public final class PendingSignIn implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What the person must do next. */
    public enum Step {
        /** Set up an authenticator (required for staff and the operator, who have none yet). */
        ENROL,
        /** Enter the authenticator's code, or a recovery code. */
        CODE
    }

    private final HomewardUser user;
    private final Step step;
    private final Instant expiresAt;

    PendingSignIn(HomewardUser user, Step step, Instant expiresAt) {
        this.user = user;
        this.step = step;
        this.expiresAt = expiresAt;
    }

    HomewardUser user() { return user; }
    public Step step() { return step; }
    public Role role() { return user.role(); }
    public boolean isOperator() { return user.isOperator(); }
    /** Null for the operator. */
    public UUID clinicId() { return user.clinicId(); }
    /** Null for the operator. */
    public String clinicSlug() { return user.clinicSlug(); }
    public Instant expiresAt() { return expiresAt; }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The page where this sign-in continues. */
    public String location() {
        return location(user);
    }

    static String location(HomewardUser user) {
        return user.isOperator() ? "platform/second-factor" : "c/" + user.clinicSlug() + "/second-factor";
    }
}
