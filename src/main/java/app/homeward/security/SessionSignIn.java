package app.homeward.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Turns a checked sign-in into a signed-in HTTP session: a new session id (no fixation), the
 * security context stored in the session, and the person's language on the Vaadin session.
 */
@Component
public class SessionSignIn {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    public void establish(HomewardUser user) {
        store(user, true);
    }

    /** Replaces the principal in the current session, e.g. after a language change. */
    void refresh(HomewardUser user) {
        store(user, false);
    }

    private void store(HomewardUser user, boolean newSessionId) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);

        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            HttpServletRequest http = request.getHttpServletRequest();
            if (newSessionId && http.getSession(false) != null) {
                http.changeSessionId();
            }
            repository.saveContext(context, http, response.getHttpServletResponse());
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setLocale(user.locale());
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setLocale(user.locale());
        }
    }
}
