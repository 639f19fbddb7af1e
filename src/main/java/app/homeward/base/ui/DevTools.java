package app.homeward.base.ui;

import com.vaadin.flow.server.VaadinRequest;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.InetAddress;

/** Who may use the development pages (mailbox, clock): someone on this machine, or the platform operator. */
public final class DevTools {

    private DevTools() {
    }

    public static boolean allowed() {
        return fromThisMachine() || isOperator();
    }

    private static boolean fromThisMachine() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isOperator() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_PLATFORM_OPERATOR".equals(a.getAuthority()));
    }
}
