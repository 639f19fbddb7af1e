package app.homeward.security.ui;

import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.security.SessionService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The session's two hooks into every Vaadin page:
 * <ul>
 * <li>a signed-in person's pages carry a {@link SessionWatch} (the warning before the idle limit), added
 * after every navigation if missing, so every layout and every view has it without knowing about it;</li>
 * <li>a signed-in person's page is told, when it loads, where to go once its session has ended (Vaadin's
 * "session expired" address): their own sign-in page, which then says why ({@code SignedOutNotice}).</li>
 * </ul>
 */
@Component
class SessionUi implements VaadinServiceInitListener {

    private final SessionService sessions;
    private final AuthenticationContext authentication;

    SessionUi(SessionService sessions, AuthenticationContext authentication) {
        this.sessions = sessions;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(SessionUi::systemMessages);
        event.getSource().addUIInitListener(init ->
                init.getUI().addAfterNavigationListener(nav -> watch(nav.getLocationChangeEvent().getUI())));
    }

    private void watch(UI ui) {
        boolean signedIn = CurrentUser.get().isPresent();
        Optional<SessionWatch> present = ui.getChildren()
                .filter(SessionWatch.class::isInstance).map(SessionWatch.class::cast).findFirst();
        if (signedIn && present.isEmpty()) {
            ui.add(new SessionWatch(sessions, authentication));
        } else if (!signedIn) {
            present.ifPresent(ui::remove);
        }
    }

    /**
     * With no caption and no message, Vaadin's page goes straight to this address when the server answers
     * "session expired" (without it, the page reloads and lands on the generic sign-in page).
     */
    static SystemMessages systemMessages(SystemMessagesInfo info) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        Optional<HomewardUser> user = CurrentUser.get();
        if (user.isPresent()) {
            String context = info.getRequest() == null ? "" : info.getRequest().getContextPath();
            messages.setSessionExpiredURL((context == null ? "" : context) + user.get().signInPage());
        }
        return messages;
    }
}
