package app.homeward.security;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

import java.time.Clock;

/**
 * Signing out ("Sign out" in a menu, or in the idle warning) lands on the person's own sign-in page
 * (their clinic's, or the operators'), which says "You are signed out"; and it publishes
 * {@link SessionEnded} with {@link SessionEndReason#SIGNED_OUT}. When the person is no longer known, the
 * clinic this browser last signed in to ({@link RememberedClinic}); the front page only without one.
 */
class SignOutLanding extends SimpleUrlLogoutSuccessHandler implements LogoutHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SignOutLanding.class);

    private final Clock clock;
    private final ApplicationEventPublisher events;

    SignOutLanding(Clock clock, ApplicationEventPublisher events) {
        this.clock = clock;
        this.events = events;
        // inside a Vaadin request the redirect is a page location change, elsewhere an HTTP redirect
        setRedirectStrategy(new UidlRedirectStrategy());
        setDefaultTargetUrl("/");
    }

    /** Runs with the other logout handlers, while the person is still known. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof HomewardUser user) {
            LOG.info("signed out clinic={} account={}", user.clinicId(), user.accountId());
            events.publishEvent(new SessionEnded(user.clinicId(), user.accountId(), user.role(),
                    SessionEndReason.SIGNED_OUT, clock.instant()));
        }
    }

    /** Runs after the session was invalidated: a fresh one carries "you are signed out" to the sign-in page. */
    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof HomewardUser user) {
            request.getSession(true).setAttribute(SignedOutNotice.ATTRIBUTE,
                    SignedOutNotice.of(SessionEndReason.SIGNED_OUT, SessionLimits.DEFAULT));
            return user.signInPage();
        }
        // the person is no longer known (the session ended first): the clinic this browser signed in to
        return RememberedClinic.slug(request).map(slug -> "/c/" + slug)
                .orElseGet(() -> super.determineTargetUrl(request, response, authentication));
    }
}
