package app.homeward.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The actuator's own port, when {@code MANAGEMENT_PORT} sets one: a second Tomcat connector
 * ({@link WebServerEdges}) on {@code MANAGEMENT_ADDRESS}, loopback unless changed. The security chain
 * lets {@code /actuator/**} through there without credentials, so a Prometheus agent on the same host
 * or pod scrapes {@code /actuator/prometheus}; every other path on that port is refused. Requests on
 * the main port never match, so there metrics stay the operator's.
 */
@Component
class ManagementPort {

    private final Integer port;

    ManagementPort(EdgeProperties edges) {
        this.port = edges.managementPort();
    }

    /** True for a request that arrived on the management port. */
    boolean matches(HttpServletRequest request) {
        return port != null && request.getLocalPort() == port;
    }

    /** True for an actuator request that arrived on the management port. */
    boolean actuator(HttpServletRequest request) {
        if (!matches(request)) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator") || path.startsWith("/actuator/");
    }
}
