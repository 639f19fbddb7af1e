package app.homeward.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.UUID;

/**
 * Signs a principal in for service calls the way {@link SessionSignIn} does (an authenticated token with
 * the {@link HomewardUser} principal and the "ROLE_x" authority), without an HTTP session.
 * Lives in this package because HomewardUser's constructor is package-private.
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static HomewardUser principal(UUID accountId, UUID clinicId, String clinicSlug, String email,
                                         String displayName, Role role, int sessionStamp) {
        return new HomewardUser(accountId, clinicId, clinicSlug, email, displayName, role, null, sessionStamp);
    }

    /** A platform operator principal (belongs to no clinic). */
    public static HomewardUser operator() {
        return new HomewardUser(UUID.randomUUID(), null, null, "operator@example.test", "Operator",
                Role.PLATFORM_OPERATOR, "en", 0);
    }

    public static HomewardUser signInAs(HomewardUser user) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        return user;
    }

    /**
     * Signs the principal in the way a real sign-in ends ({@link SessionSignIn}): security context, and the
     * page locale (language and the region read from the current request's browser and the clinic) on the
     * Vaadin session and UI. For view tests that look at what the sign-in itself sets up.
     */
    public static HomewardUser signInThroughSession(SessionSignIn sessionSignIn, HomewardUser user) {
        signInAs(user);
        sessionSignIn.refresh(user);
        return user;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
