package app.homeward.security;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * Why the person on a sign-in page was just signed out, so the page can say so calmly. Put into the
 * fresh (anonymous) session that replaces an ended one, and shown once: nothing about it goes into
 * the URL.
 */
public record SignedOutNotice(SessionEndReason reason, int idleMinutes, int absoluteHours) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ATTRIBUTE = "homeward.session.signed-out";

    static SignedOutNotice of(SessionEndReason reason, SessionLimits limits) {
        return new SignedOutNotice(reason, limits.idleMinutes(), limits.absoluteHours());
    }

    /** The notice left for this browser's session, removed as it is read (a reload shows a plain page). */
    public static Optional<SignedOutNotice> take() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        WrappedSession session = vaadin == null ? null : vaadin.getSession();
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof SignedOutNotice notice)) {
            return Optional.empty();
        }
        session.removeAttribute(ATTRIBUTE);
        return Optional.of(notice);
    }

    /** The message key of the text to show. */
    public String messageKey() {
        return switch (reason) {
            case IDLE -> "signed-out.idle";
            case ABSOLUTE -> "signed-out.absolute";
            case REVOKED -> "signed-out.ended";
            case SIGNED_OUT -> "signed-out.signed-out";
            case LOST -> "signed-out.lost";
        };
    }

    /** The arguments of {@link #messageKey()}. */
    public Object[] arguments() {
        return switch (reason) {
            case IDLE -> new Object[]{idleMinutes};
            case ABSOLUTE -> new Object[]{absoluteHours};
            case REVOKED, SIGNED_OUT, LOST -> new Object[0];
        };
    }
}
