package app.homeward.security;

import app.homeward.base.RequestOrigin;
import jakarta.servlet.ServletException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The servlet container's side of the edges (decision 0024):
 * <ul>
 * <li>the TCP peer's address is kept in a request attribute ({@link RequestOrigin#SOCKET_ADDRESS})
 * before any proxy header is applied;</li>
 * <li>{@code X-Forwarded-For}/{@code -Proto}/{@code -Host}/{@code -Port} are honoured only from the
 * proxies in {@code HOMEWARD_TRUSTED_PROXIES}: Tomcat's RemoteIpValve, with exactly those addresses as
 * its internal proxies, and only when there are any. Spring Boot's own valve
 * ({@code server.forward-headers-strategy=native}) would trust every private-range and loopback peer,
 * so it is removed should it be switched on;</li>
 * <li>the session cookie: HttpOnly, SameSite=Lax, path /, carried only by the cookie (never
 * {@code ;jsessionid=} in a URL) and, behind TLS, Secure and named {@code __Host-JSESSIONID};</li>
 * <li>the actuator's own port ({@code MANAGEMENT_PORT}), a second connector on loopback.</li>
 * </ul>
 * Runs after Spring Boot's customizers, so nothing configured elsewhere weakens it.
 */
@Component
public class WebServerEdges implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(WebServerEdges.class);
    static final String COOKIE = "JSESSIONID";
    static final String TLS_COOKIE = "__Host-JSESSIONID";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final EdgeProperties edges;

    public WebServerEdges(EdgeProperties edges) {
        this.edges = edges;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        List<Valve> valves = new ArrayList<>();
        valves.add(new SocketAddressValve());
        for (Valve valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve) {
                LOG.warn("server.forward-headers-strategy=native trusts every private-range peer; ignored: "
                        + "Homeward trusts only HOMEWARD_TRUSTED_PROXIES");
            } else {
                valves.add(valve);
            }
        }
        if (!edges.trustedProxies().isEmpty()) {
            valves.add(remoteIpValve(edges.trustedProxies()));
        } else if (edges.tls()) {
            LOG.info("HOMEWARD_TLS is on and no proxy is trusted: requests count as HTTPS only if Tomcat itself "
                    + "serves TLS (a proxy's X-Forwarded-Proto is ignored until it is in HOMEWARD_TRUSTED_PROXIES)");
        }
        factory.setEngineValves(valves);
        sessionCookie(factory.getSettings().getSession(), edges.tls());
        if (edges.hasManagementPort()) {
            factory.addAdditionalConnectors(managementConnector(edges.managementPort(), edges.managementAddress()));
        }
    }

    /** The actuator's own port: a plain HTTP connector on the given address (loopback by default). */
    static Connector managementConnector(int port, String address) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(port);
        connector.setProperty("address", address);
        return connector;
    }

    static void sessionCookie(Session session, boolean tls) {
        session.setTrackingModes(EnumSet.of(Session.SessionTrackingMode.COOKIE));
        Cookie cookie = session.getCookie();
        cookie.setHttpOnly(true);
        // Lax, not Strict: a link in a reminder email must open the portal signed in (a Strict cookie is
        // not sent on that first cross-site navigation); cross-site POSTs never carry it either way
        cookie.setSameSite(Cookie.SameSite.LAX);
        cookie.setPath("/");
        cookie.setDomain(null);
        if (tls) {
            cookie.setSecure(true);
            cookie.setName(TLS_COOKIE);
        } else {
            cookie.setName(COOKIE);
        }
    }

    /** Tomcat's RemoteIpValve that believes forwarding headers from the given proxies only. */
    static RemoteIpValve remoteIpValve(List<String> proxies) {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(cidrList(proxies));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setProtocolHeaderHttpsValue("https");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        return valve;
    }

    /**
     * The proxies as the comma-separated CIDR list RemoteIpValve reads (it reads a list with a "/" as
     * CIDR ranges, anything else as one regular expression): a bare address becomes /32 or /128. A
     * value that is not an IP literal or range stops the start: a typo must not trust no one silently,
     * nor everyone.
     */
    static String cidrList(List<String> proxies) {
        List<String> ranges = new ArrayList<>();
        for (String proxy : proxies) {
            String address = proxy.contains("/") ? proxy.substring(0, proxy.indexOf('/')) : proxy;
            String bits = proxy.contains("/") ? proxy.substring(proxy.indexOf('/') + 1) : null;
            boolean v4 = IPV4.matcher(address).matches();
            boolean v6 = !v4 && address.contains(":") && address.matches("[0-9a-fA-F:.]+");
            if (!v4 && !v6) {
                throw new IllegalStateException("HOMEWARD_TRUSTED_PROXIES: not an IP address or CIDR range: " + proxy);
            }
            try {
                InetAddress.getByName(address); // a literal: no name lookup happens
            } catch (IOException e) {
                throw new IllegalStateException("HOMEWARD_TRUSTED_PROXIES: not an IP address: " + proxy, e);
            }
            int max = v4 ? 32 : 128;
            if (bits != null && (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max)) {
                throw new IllegalStateException("HOMEWARD_TRUSTED_PROXIES: not a CIDR range: " + proxy);
            }
            ranges.add(address + "/" + (bits == null ? max : bits));
        }
        return String.join(", ", ranges);
    }

    /**
     * Records the TCP peer's address, and whether a forwarding header came with the request, before
     * RemoteIpValve replaces the remote address with a header's (and removes the headers it used).
     */
    static final class SocketAddressValve extends ValveBase {

        SocketAddressValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            request.setAttribute(RequestOrigin.SOCKET_ADDRESS, request.getPeerAddr());
            if (RequestOrigin.FORWARDING_HEADERS.stream().anyMatch(h -> request.getHeader(h) != null)) {
                request.setAttribute(RequestOrigin.ARRIVED_FORWARDED, Boolean.TRUE);
            }
            getNext().invoke(request, response);
        }
    }
}
