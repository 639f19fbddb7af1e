package app.homeward.base.ui;

import app.homeward.base.DatabaseTrouble;
import app.homeward.base.DomainException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Also keeps {@code <html lang>} in step with the UI's language.
 * <p>
 * Whatever escapes a click listener becomes a calm, translated notification, never a stack trace:
 * a rule broken, no access, the database away ("nothing was saved, try again"), or a generic error.
 * The full exception goes to the log (which carries the clinic id, never form contents).
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(UiErrorHandling::handle));
        // screen readers pronounce the page in its language: keep <html lang> in step with the UI's locale
        event.getSource().addUIInitListener(init -> init.getUI().addAfterNavigationListener(nav ->
                nav.getLocationChangeEvent().getUI().getPage().executeJs("document.documentElement.lang = $0",
                        nav.getLocationChangeEvent().getUI().getLocale().getLanguage())));
    }

    static void handle(ErrorEvent event) {
        Throwable cause = event.getThrowable();
        String key = messageKeyFor(cause);
        if (key.equals("error.unexpected")) {
            LOG.error("unexpected error in the UI", cause);
        } else {
            LOG.info("handled UI error: {}", cause.getClass().getSimpleName());
        }
        UI ui = UI.getCurrent();
        if (ui == null && VaadinSession.getCurrent() != null) {
            ui = VaadinSession.getCurrent().getUIs().stream().findFirst().orElse(null);
        }
        if (ui != null) {
            UI target = ui;
            Object[] args = cause instanceof DomainException d ? d.arguments() : new Object[0];
            target.access(() -> Forms.notifyError(target.getTranslation(key, args)));
        }
    }

    static String messageKeyFor(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return domain.messageKey();
            }
            if (t instanceof AccessDeniedException) {
                return "error.access-denied";
            }
        }
        return DatabaseTrouble.in(error) ? "error.database" : "error.unexpected";
    }
}
