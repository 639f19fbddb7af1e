package app.homeward.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Every request of a signed-in session passes here first, and the session ends (on this request, on
 * whichever node serves it) when
 * <ul>
 * <li>the account's session stamp (in the database) is no longer the one the session signed in with:
 * password changed or reset, "sign out everywhere", email changed, second factor reset, account
 * deactivated, clinic suspended; the platform operator's stamp likewise;</li>
 * <li>the person did nothing for longer than the clinic's idle limit, or the session is older than its
 * absolute limit, both measured on the application's {@link Clock} (never the container's timers).</li>
 * </ul>
 * Otherwise a request that is the person's own doing ({@link UserActivity}) moves "last activity" on;
 * heartbeats, polls and the page's own session checks do not. An ended session is invalidated; a fresh
 * anonymous one carries the reason to the sign-in page ({@link SignedOutNotice}); a page load is
 * redirected there, and Vaadin answers its own requests with "session expired", which sends the page to
 * the same address. Costs one primary-key read per request.
 */
class SessionGuardFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionGuardFilter.class);

    private final AccountDirectory directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SessionGuardFilter(AccountDirectory directory, Clock clock, ApplicationEventPublisher events) {
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof HomewardUser user)) {
            noteLostSession(request);
            chain.doFilter(request, response);
            return;
        }
        Instant now = clock.instant();
        Optional<SessionLimits> limits = directory.sessionLimits(user);
        HttpSession session = request.getSession(false);
        if (limits.isEmpty()) {
            end(request, response, chain, user, SessionEndReason.REVOKED, SessionLimits.DEFAULT, now);
            return;
        }
        if (session == null) {
            chain.doFilter(request, response);
            return;
        }
        SessionTimeline timeline = session.getAttribute(SessionTimeline.ATTRIBUTE) instanceof SessionTimeline t ? t
                : SessionTimeline.startingAt(now); // signed in before this check existed: its clocks start now
        Optional<SessionEndReason> over = timeline.deadline(limits.get()).overAt(now);
        if (over.isPresent()) {
            end(request, response, chain, user, over.get(), limits.get(), now);
            return;
        }
        UserActivity.Classified classified = UserActivity.classify(request);
        SessionTimeline next = classified.active() ? timeline.touchedAt(now) : timeline;
        if (!next.equals(session.getAttribute(SessionTimeline.ATTRIBUTE))) {
            session.setAttribute(SessionTimeline.ATTRIBUTE, next);
        }
        chain.doFilter(classified.request(), response);
    }

    /**
     * A browser whose session cookie names a session this server does not have (another instance that died, a
     * restart) is about to be sent to sign in: the fresh session tells the sign-in page why, once.
     */
    static void noteLostSession(HttpServletRequest request) {
        if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()
                && request.getSession(false) == null) {
            request.getSession(true).setAttribute(SignedOutNotice.ATTRIBUTE,
                    new SignedOutNotice(SessionEndReason.LOST, 0, 0));
        }
    }

    private void end(HttpServletRequest request, HttpServletResponse response, FilterChain chain, HomewardUser user,
                     SessionEndReason reason, SessionLimits limits, Instant now) throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        request.getSession(true).setAttribute(SignedOutNotice.ATTRIBUTE, SignedOutNotice.of(reason, limits));
        LOG.info("session ended clinic={} account={} reason={}", user.clinicId(), user.accountId(), reason);
        events.publishEvent(new SessionEnded(user.clinicId(), user.accountId(), user.role(), reason, now));
        if (UserActivity.isPageRequest(request)) {
            response.sendRedirect(request.getContextPath() + user.signInPage());
            return;
        }
        // Vaadin's own requests go on without a session: Vaadin answers "session expired" and the page
        // goes to the sign-in address it was given when it loaded (SessionUi's system messages)
        chain.doFilter(request, response);
    }
}
