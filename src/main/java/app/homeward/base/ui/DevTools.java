package app.homeward.base.ui;

import app.homeward.base.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.InetAddress;
import java.util.regex.Pattern;

/** Who may use the development pages (mailbox, clock): someone on this machine, or the platform operator. */
public final class DevTools {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[0-9A-Za-z]+)?");

    private DevTools() {
    }

    public static boolean allowed() {
        HttpServletRequest request = RequestOrigin.currentHttpRequest();
        return (request != null && fromThisMachine(request)) || isOperator();
    }

    /**
     * "From this machine": the TCP peer is a loopback address and no proxy was in between. Only the
     * socket's own address counts, never {@code X-Forwarded-For} (anyone can send that header, and a
     * trusted proxy's value is still the outside caller's word); and a request that carries a
     * forwarding header came through a proxy, which on this machine would otherwise make every
     * visitor look local.
     */
    public static boolean fromThisMachine(HttpServletRequest request) {
        if (RequestOrigin.forwarded(request)) {
            return false;
        }
        String socket = RequestOrigin.socketAddress(request);
        if (socket == null || !looksLikeIp(socket)) {
            return false;
        }
        try {
            return InetAddress.getByName(socket).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }

    /** Literal addresses only: never a name lookup for whatever the container recorded. */
    private static boolean looksLikeIp(String address) {
        return IPV4.matcher(address).matches() || IPV6.matcher(address).matches();
    }

    private static boolean isOperator() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_PLATFORM_OPERATOR".equals(a.getAuthority()));
    }
}
