package app.homeward.base;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/**
 * Where a request came from: the IP address per-address limits and sign-in throttles count by.
 * <p>
 * {@link #address} is the servlet container's remote address. A proxy's {@code X-Forwarded-For} has
 * replaced the socket's address only when the request arrived from a proxy listed in
 * {@code HOMEWARD_TRUSTED_PROXIES} (Tomcat's RemoteIpValve, installed by {@code WebServerEdges}); from
 * anyone else the header is ignored. {@link #socketAddress} is the address of the TCP peer itself,
 * whatever the headers say: the one to use for "is this request from this machine".
 * <p>
 * (Named for the request, not the person: in Homeward a "client" is someone in therapy.)
 */
public final class RequestOrigin {

    /** Request attribute holding the TCP peer's address, set before any forwarded header is applied. */
    public static final String SOCKET_ADDRESS = "app.homeward.socket-address";
    /**
     * Request attribute: the request arrived with a forwarding header. Set with {@link #SOCKET_ADDRESS},
     * since a trusted proxy's headers are consumed (removed) once applied.
     */
    public static final String ARRIVED_FORWARDED = "app.homeward.arrived-forwarded";

    /** Headers a proxy adds. A request carrying one came through a proxy, whatever its socket address. */
    public static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

    private RequestOrigin() {
    }

    /** The current Vaadin request's address (see {@link #address}), or "unknown" outside a request. */
    public static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request instanceof VaadinServletRequest servlet) {
            return address(servlet.getHttpServletRequest());
        }
        return request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }

    /** The address limits count by: the socket's, or the client's as a trusted proxy reported it. */
    public static String address(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }

    /**
     * The TCP peer's address, never taken from a header: what the container recorded before any proxy
     * header was applied, or (where no container did, as in tests) the remote address.
     */
    public static String socketAddress(HttpServletRequest request) {
        return request.getAttribute(SOCKET_ADDRESS) instanceof String socket ? socket : request.getRemoteAddr();
    }

    /** True when the request arrived with (or still carries) a header that proxies add. */
    public static boolean forwarded(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ARRIVED_FORWARDED))
                || FORWARDING_HEADERS.stream().anyMatch(h -> request.getHeader(h) != null);
    }

    /** The servlet request behind the current Vaadin request, or null outside one. */
    public static HttpServletRequest currentHttpRequest() {
        return VaadinRequest.getCurrent() instanceof VaadinServletRequest servlet ? servlet.getHttpServletRequest() : null;
    }
}
