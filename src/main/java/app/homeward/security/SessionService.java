package app.homeward.security;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Automatic logoff: the clinic's limits (idle and absolute, set by its admin) and, for the page of a
 * signed-in person, where their session stands, so the page can warn before the idle limit.
 * The limits themselves are enforced by {@link SessionGuardFilter} on every request.
 */
@Service
public class SessionService {

    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

    private final SessionPolicyRepository policies;
    private final AccountDirectory directory;
    private final Clock clock;
    private final AuditTrail audit;

    SessionService(SessionPolicyRepository policies, AccountDirectory directory, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.policies = policies;
        this.directory = directory;
        this.clock = clock;
    }

    /** The signed-in admin's clinic's limits (the defaults until the admin changes them). */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public SessionLimits clinicLimits() {
        return policies.current().map(SessionPolicy::limits).orElse(SessionLimits.DEFAULT);
    }

    /**
     * Sets the clinic's limits: idle {@value SessionLimits#MIN_IDLE_MINUTES}–{@value SessionLimits#MAX_IDLE_MINUTES}
     * minutes, absolute {@value SessionLimits#MIN_ABSOLUTE_HOURS}–{@value SessionLimits#MAX_ABSOLUTE_HOURS} hours.
     * Open sessions follow them from their next request.
     */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public SessionLimits updateClinicLimits(Integer idleMinutes, Integer absoluteHours) {
        int idle = within("idleMinutes", idleMinutes, SessionLimits.MIN_IDLE_MINUTES, SessionLimits.MAX_IDLE_MINUTES,
                "sessions.settings.idle.range");
        int absolute = within("absoluteHours", absoluteHours, SessionLimits.MIN_ABSOLUTE_HOURS,
                SessionLimits.MAX_ABSOLUTE_HOURS, "sessions.settings.absolute.range");
        Instant now = clock.instant();
        int absoluteMinutes = (int) Duration.ofHours(absolute).toMinutes();
        SessionPolicy policy = policies.current().orElse(null);
        if (policy == null) {
            policy = policies.save(new SessionPolicy(idle, absoluteMinutes, now));
        } else {
            policy.change(idle, absoluteMinutes, now);
        }
        audit.record(AuditEntry.of(AuditAction.SETTINGS_CHANGED).detail("sign-out-limits"));
        LOG.info("session limits changed clinic={} idle={}m absolute={}h", CurrentUser.require().clinicId(), idle, absolute);
        return policy.limits();
    }

    private static int within(String field, Integer value, int min, int max, String key) {
        if (value == null) {
            throw new DomainException(field, "validation.required");
        }
        if (value < min || value > max) {
            throw new DomainException(field, key, min, max);
        }
        return value;
    }

    /** Where this browser's session stands now; its clocks start now if it has none yet. */
    @PreAuthorize("isAuthenticated()")
    public Status status() {
        Instant now = clock.instant();
        SessionTimeline timeline = timeline(now);
        return new Status(now, timeline.deadline(limitsOfCurrentUser()));
    }

    /**
     * "Stay signed in": counts as activity (as any click does, see {@link UserActivity}) and answers with the
     * new standing.
     */
    @PreAuthorize("isAuthenticated()")
    public Status stayActive() {
        Instant now = clock.instant();
        SessionTimeline touched = timeline(now).touchedAt(now);
        store(touched);
        return new Status(now, touched.deadline(limitsOfCurrentUser()));
    }

    private SessionLimits limitsOfCurrentUser() {
        return directory.sessionLimits(CurrentUser.require()).orElse(SessionLimits.DEFAULT);
    }

    private SessionTimeline timeline(Instant now) {
        WrappedSession session = httpSession();
        if (session != null && session.getAttribute(SessionTimeline.ATTRIBUTE) instanceof SessionTimeline timeline) {
            return timeline;
        }
        SessionTimeline started = SessionTimeline.startingAt(now);
        store(started);
        return started;
    }

    private static void store(SessionTimeline timeline) {
        WrappedSession session = httpSession();
        if (session != null) {
            session.setAttribute(SessionTimeline.ATTRIBUTE, timeline);
        }
    }

    private static WrappedSession httpSession() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        return vaadin == null ? null : vaadin.getSession();
    }

    /** A session's standing at {@code now}: when the page should warn, and when the session ends. */
    public record Status(Instant now, SessionDeadline deadline) {

        /** Within the warning time before the end (or past it). */
        public boolean warning() {
            return deadline.warningDueAt(now);
        }

        /** Which limit ends it first: idle (the person can extend it) or absolute (they cannot). */
        public SessionEndReason endingFor() {
            return deadline.endingFor();
        }

        /** How long the page should wait before it looks again: until the warning, or until the end once warned. */
        public Duration nextCheck() {
            return deadline.nextCheckAfter(now);
        }

        /** Time left until the session ends. */
        public Duration remaining() {
            Duration left = Duration.between(now, deadline.endsAt());
            return left.isNegative() ? Duration.ZERO : left;
        }
    }
}
