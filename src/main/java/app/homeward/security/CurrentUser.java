package app.homeward.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The signed-in person, if any. Views use it to decide what to show; services re-check. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<HomewardUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HomewardUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static HomewardUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}
