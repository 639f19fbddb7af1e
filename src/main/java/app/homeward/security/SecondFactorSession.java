package app.homeward.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the second factor keeps in the HTTP session: the {@link PendingSignIn} between the password and
 * the code, and a proposed authenticator secret (sealed) between showing its QR code and its first
 * correct code, so a secret that was never confirmed is never written to the database.
 */
@Component
class SecondFactorSession {

    static final String PENDING = SecondFactorSession.class.getName() + ".pending";
    static final String PROPOSAL = SecondFactorSession.class.getName() + ".proposal";

    /** A secret shown for enrolment and not confirmed yet, for one owner. */
    record Proposal(UUID owner, String sealedSecret) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * Holds a sign-in until its second step: signs out whoever this browser was signed in as, and takes a
     * new session id (the password was right: a privilege change, so no fixation).
     */
    void hold(PendingSignIn pending) {
        SecurityContextHolder.getContextHolderStrategy().clearContext();
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null) {
            HttpServletRequest http = request.getHttpServletRequest();
            if (http.getSession(false) != null) {
                http.changeSessionId();
            }
        }
        session().ifPresent(s -> {
            s.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            s.removeAttribute(PROPOSAL);
            s.setAttribute(PENDING, pending);
        });
    }

    /** The sign-in waiting for its second step, unless it has expired (then it is forgotten). */
    Optional<PendingSignIn> pending(Instant now) {
        Optional<PendingSignIn> pending = session().map(s -> s.getAttribute(PENDING))
                .filter(PendingSignIn.class::isInstance).map(PendingSignIn.class::cast);
        if (pending.isPresent() && pending.get().expired(now)) {
            clearPending();
            return Optional.empty();
        }
        return pending;
    }

    void clearPending() {
        session().ifPresent(s -> {
            s.removeAttribute(PENDING);
            s.removeAttribute(PROPOSAL);
        });
    }

    void propose(UUID owner, String sealedSecret) {
        session().ifPresent(s -> s.setAttribute(PROPOSAL, new Proposal(owner, sealedSecret)));
    }

    Optional<String> proposal(UUID owner) {
        return session().map(s -> s.getAttribute(PROPOSAL)).filter(Proposal.class::isInstance)
                .map(Proposal.class::cast).filter(p -> p.owner().equals(owner)).map(Proposal::sealedSecret);
    }

    void clearProposal() {
        session().ifPresent(s -> s.removeAttribute(PROPOSAL));
    }

    private static Optional<WrappedSession> session() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        return Optional.ofNullable(vaadin).map(VaadinSession::getSession);
    }
}
