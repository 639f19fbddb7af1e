package app.homeward.security.ui;

import app.homeward.base.DatabaseTrouble;
import app.homeward.base.ui.Forms;
import app.homeward.security.CurrentUser;
import app.homeward.security.Role;
import app.homeward.security.SessionEndReason;
import app.homeward.security.SessionService;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.internal.AllowInert;
import com.vaadin.flow.spring.security.AuthenticationContext;

import java.time.Duration;

/**
 * Sits, invisible, on every page of a signed-in person and warns {@code SessionLimits.WARNING} before
 * the session ends: "You will be signed out in 2 minutes", with "Stay signed in" and "Sign out".
 * <p>
 * The browser needs a timer for that, because the warning must appear while the person does nothing.
 * The server tells the page how long to wait ({@link SessionService.Status#nextCheck()}); when the time
 * comes the page asks again ({@link #homewardSessionCheck()}), and the server opens the warning, or, if the
 * person was active meanwhile (in another tab), names the new time. That call is not activity
 * ({@code UserActivity.PASSIVE_CALLS}): an open tab never keeps its session alive by itself. At the end
 * the page's call finds the session ended and Vaadin sends the page to the sign-in page. Polling
 * ({@code UI.setPollInterval}) is not used: a poll is a UIDL request, which Vaadin's own
 * {@code closeIdleSessions} counts as activity.
 */
@Tag("homeward-session-watch")
class SessionWatch extends Component {

    /** The timer, kept on the element; each answer from the server re-arms it (never sooner than a second). */
    private static final String ARM = """
            const watch = this;
            const arm = (wait) => {
              clearTimeout(watch.homewardTimer);
              watch.homewardTimer = setTimeout(
                () => watch.$server.homewardSessionCheck().then(arm, () => arm(60000)), Math.max(wait, 1000));
            };
            arm($0);""";

    private final SessionService sessions;
    private final AuthenticationContext authentication;
    /**
     * The warning, built the first time it is needed: it sits on every signed-in page of every session, and
     * nearly all of them never show it, so building it up front held its dozen elements for nothing
     * (bench/session-memory). Null until then.
     */
    private Dialog warning;
    private Paragraph explanation;
    private Button stay;
    private Button signOut;
    /** When the database cannot be asked: look again in a minute (the guard still ends the session on time). */
    static final Duration RETRY = Duration.ofMinutes(1);

    /** The last wait the page was told, in milliseconds (what the browser's timer runs on). */
    long armedFor = -1;

    SessionWatch(SessionService sessions, AuthenticationContext authentication) {
        this.sessions = sessions;
        this.authentication = authentication;
        getElement().setAttribute("hidden", true);
        getElement().setAttribute("aria-hidden", "true");
        addAttachListener(e -> arm(nextCheckOr(RETRY)));
    }

    /** The warning dialog (built now if it was not yet). */
    Dialog warning() {
        if (warning == null) {
            warning = new Dialog();
            explanation = new Paragraph();
            stay = new Button();
            signOut = new Button();
            warning.setId("session-warning");
            // urgent: screen readers announce the title ("You will be signed out in 2 minutes") at once
            warning.setRole("alertdialog");
            warning.setCloseOnOutsideClick(false);
            // Escape is a real keystroke by the person: it keeps them signed in, as the main button does
            warning.addDialogCloseActionListener(e -> stay());
            explanation.setId("session-warning-text");
            stay.setId("stay-signed-in");
            stay.addThemeVariants(ButtonVariant.PRIMARY);
            stay.setAutofocus(true);
            stay.addClickListener(e -> stay());
            signOut.setText(getTranslation("sessions.warning.sign-out"));
            signOut.setId("session-sign-out");
            signOut.addClickListener(e -> authentication.logout());
            warning.add(explanation);
            warning.getFooter().add(signOut, stay);
        }
        return warning;
    }

    /** The warning's text and its main button, for tests (built with the warning). */
    Paragraph explanation() {
        warning();
        return explanation;
    }

    Button stayButton() {
        warning();
        return stay;
    }

    Button signOutButton() {
        warning();
        return signOut;
    }

    private boolean warningOpen() {
        return warning != null && warning.isOpened();
    }

    /**
     * The page's timer calls this when the wait it was given is over. Opens the warning when it is due
     * (closes it if the person was active elsewhere meanwhile) and answers how long to wait next, in ms.
     * Allowed while a modal dialog is open (it is the page's timer, not the person).
     */
    @ClientCallable
    @AllowInert
    long homewardSessionCheck() {
        SessionService.Status status;
        try {
            status = sessions.status();
        } catch (RuntimeException e) {
            if (!DatabaseTrouble.in(e)) {
                throw e;
            }
            // the page's own timer: no error message for something the person did not do
            armedFor = millis(RETRY);
            return armedFor;
        }
        if (status.warning()) {
            showWarning(status);
        } else if (warningOpen()) {
            warning.close();
        }
        armedFor = millis(status.nextCheck());
        return armedFor;
    }

    private void showWarning(SessionService.Status status) {
        long minutes = Math.max(1, (status.remaining().toSeconds() + 59) / 60);
        warning();
        warning.setHeaderTitle(getTranslation("sessions.warning.title", minutes));
        if (status.endingFor() == SessionEndReason.ABSOLUTE) {
            explanation.setText(getTranslation("sessions.warning.absolute"));
            stay.setText(getTranslation("sessions.warning.ok"));
        } else {
            explanation.setText(getTranslation("sessions.warning.idle"));
            stay.setText(getTranslation("sessions.warning.stay"));
        }
        if (!warning.isOpened()) {
            warning.open();
        }
    }

    private void stay() {
        boolean idle = sessions.status().endingFor() == SessionEndReason.IDLE;
        SessionService.Status status = sessions.stayActive();
        if (warning != null) {
            warning.close();
        }
        arm(status.nextCheck());
        if (idle) {
            String message = getTranslation("sessions.warning.stayed");
            if (CurrentUser.get().map(u -> u.role() == Role.CLIENT).orElse(false)) {
                Forms.notifyClientSuccess(message);
            } else {
                Forms.notifySuccess(message);
            }
        }
    }

    private Duration nextCheckOr(Duration fallback) {
        try {
            return sessions.status().nextCheck();
        } catch (RuntimeException e) {
            if (DatabaseTrouble.in(e)) {
                return fallback;
            }
            throw e;
        }
    }

    private void arm(Duration wait) {
        armedFor = millis(wait);
        getElement().executeJs(ARM, armedFor);
    }

    private static long millis(Duration wait) {
        return Math.max(0, wait.toMillis());
    }
}
