package app.homeward.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Spring Security's own events that belong in the trail: signing out (the "Sign out" button of every
 * layout). Sessions that end by themselves (idle, absolute lifetime, ended elsewhere) are recorded by the
 * sessions feature with {@link AuditAction#SESSION_ENDED}.
 */
@Component
class AuditSecurityEvents {

    private final AuditTrail trail;

    AuditSecurityEvents(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        Authentication who = event.getAuthentication();
        if (who != null) {
            trail.recordFor(who, AuditEntry.of(AuditAction.SIGN_OUT));
        }
    }
}
