package app.homeward.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The clinic this browser last signed in to, so that a person who is signed out (by the menu, by a time
 * limit, or whose session ended on the server) comes back to their clinic's sign-in page, never to
 * Homeward's own front page or the clinic finder (issue 14).
 * <p>
 * A cookie holding the clinic's address (its slug) only: no account, no health data. It outlives the
 * session on purpose; it is HttpOnly, SameSite=Lax, and Secure on HTTPS. Staff and clients of a discreet
 * clinic see the same cookie a visit to the clinic's public page would leave in the history.
 */
public final class RememberedClinic {

    static final String COOKIE = "homeward-clinic";
    private static final Duration KEPT = Duration.ofDays(400);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,64}");

    private RememberedClinic() {
    }

    static void remember(HttpServletRequest request, HttpServletResponse response, String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, slug);
        String context = request.getContextPath();
        cookie.setPath(context == null || context.isEmpty() ? "/" : context);
        cookie.setMaxAge((int) KEPT.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The remembered clinic's slug, if this browser carries a well-formed one. */
    public static Optional<String> slug(HttpServletRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> v != null && SLUG.matcher(v).matches()).findFirst();
    }
}
