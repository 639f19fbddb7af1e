package app.homeward.security;

import app.homeward.RealTomcatTest;
import app.homeward.base.RequestOrigin;
import app.homeward.base.ui.DevTools;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The servlet container's edges on a real embedded Tomcat built the way the application builds it (the
 * same factory and {@link WebServerEdges}), without a Spring context: which address a request counts as
 * coming from, when a proxy's headers are believed, what "from this machine" means for the development
 * pages, the session cookie and its name behind TLS, no {@code ;jsessionid=} in a redirect, and the
 * actuator's own port on loopback. Requests go over real HTTP from 127.0.0.1.
 */
class WebServerEdgesTest extends RealTomcatTest {


    @Test
    void by_default_a_forwarded_for_header_from_127_0_0_1_is_not_believed() throws Exception {
        start(new EdgeProperties(List.of(), false, null, null));

        Map<String, String> seen = get("/origin", "X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https");

        assertThat(seen).containsEntry("address", "127.0.0.1").containsEntry("socket", "127.0.0.1")
                .containsEntry("secure", "false");
    }

    @Test
    void a_proxy_that_is_not_listed_is_not_believed_either() throws Exception {
        start(new EdgeProperties(List.of("10.0.0.0/8", "192.168.1.7"), false, null, null));

        assertThat(get("/origin", "X-Forwarded-For", "203.0.113.9")).containsEntry("address", "127.0.0.1");
    }

    @Test
    void a_listed_proxy_tells_the_callers_address_and_that_it_came_over_https() throws Exception {
        start(new EdgeProperties(List.of("127.0.0.1"), false, null, null));

        Map<String, String> seen = get("/origin", "X-Forwarded-For", "198.51.100.4, 203.0.113.9",
                "X-Forwarded-Proto", "https");

        assertThat(seen).containsEntry("address", "203.0.113.9").containsEntry("socket", "127.0.0.1")
                .containsEntry("secure", "true");
    }

    @Test
    void the_development_pages_trust_only_a_direct_connection_from_this_machine() throws Exception {
        start(new EdgeProperties(List.of(), false, null, null));
        assertThat(get("/origin")).containsEntry("devtools", "true");
        assertThat(get("/origin", "X-Forwarded-For", "127.0.0.1")).as("through a proxy on this machine")
                .containsEntry("devtools", "false");
        stopServer();

        start(new EdgeProperties(List.of("127.0.0.0/8"), false, null, null));
        assertThat(get("/origin", "X-Forwarded-For", "127.0.0.1")).as("a trusted proxy saying 'loopback'")
                .containsEntry("address", "127.0.0.1").containsEntry("devtools", "false");
    }

    @Test
    void only_the_socket_address_makes_a_request_local_never_a_header() {
        MockHttpServletRequest remote = new MockHttpServletRequest();
        remote.setRemoteAddr("127.0.0.1"); // what a trusted proxy's header made of it
        remote.setAttribute(RequestOrigin.SOCKET_ADDRESS, "203.0.113.9");
        assertThat(DevTools.fromThisMachine(remote)).isFalse();

        MockHttpServletRequest local = new MockHttpServletRequest();
        local.setRemoteAddr("203.0.113.9");
        local.setAttribute(RequestOrigin.SOCKET_ADDRESS, "::1");
        assertThat(DevTools.fromThisMachine(local)).isTrue();

        MockHttpServletRequest named = new MockHttpServletRequest();
        named.setAttribute(RequestOrigin.SOCKET_ADDRESS, "localhost");
        assertThat(DevTools.fromThisMachine(named)).as("a name, not an address: no lookup").isFalse();
    }

    @Test
    void the_session_cookie_is_http_only_same_site_lax_and_never_in_a_url() throws Exception {
        start(new EdgeProperties(List.of(), false, null, null));

        HttpResponse<String> response = HTTP.send(request("/session").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContainIgnoringCase("jsessionid");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").contains("; Path=/").contains("; HttpOnly")
                .contains("; SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void behind_tls_the_session_cookie_is_secure_and_host_prefixed() throws Exception {
        start(new EdgeProperties(List.of(), true, null, null));

        HttpResponse<String> response = HTTP.send(request("/session").build(), HttpResponse.BodyHandlers.ofString());

        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("__Host-JSESSIONID=").contains("; Path=/").contains("; Secure")
                .contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Domain=");
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContainIgnoringCase("jsessionid");
    }

    @Test
    void the_management_port_listens_on_loopback_and_is_told_apart_from_the_main_port() throws Exception {
        int managementPort = freePort();
        EdgeProperties edges = new EdgeProperties(List.of(), false, managementPort, null);
        start(edges);
        ManagementPort management = new ManagementPort(edges);

        Map<String, String> main = get("/origin");
        Map<String, String> viaManagement = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/origin")).build());

        assertThat(edges.managementAddress()).isEqualTo("127.0.0.1");
        assertThat(WebServerEdges.managementConnector(managementPort, edges.managementAddress()).getProperty("address"))
                .isInstanceOfSatisfying(InetAddress.class, address -> assertThat(address.isLoopbackAddress()).isTrue());
        assertThat(viaManagement).containsEntry("localPort", String.valueOf(managementPort));
        assertThat(main.get("localPort")).isEqualTo(String.valueOf(server.getPort()));
        MockHttpServletRequest onManagement = new MockHttpServletRequest("GET", "/actuator/prometheus");
        onManagement.setLocalPort(managementPort);
        MockHttpServletRequest onMain = new MockHttpServletRequest("GET", "/actuator/prometheus");
        onMain.setLocalPort(server.getPort());
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/c/somewhere");
        page.setLocalPort(managementPort);
        assertThat(management.actuator(onManagement)).isTrue();
        assertThat(management.actuator(onMain)).isFalse();
        assertThat(management.actuator(page)).isFalse();
        assertThat(management.matches(page)).isTrue();
    }

    @Test
    void a_trusted_proxy_that_is_not_an_address_stops_the_start() {
        assertThatThrownBy(() -> WebServerEdges.cidrList(List.of("proxy.internal")))
                .hasMessageContaining("HOMEWARD_TRUSTED_PROXIES");
        assertThatThrownBy(() -> WebServerEdges.cidrList(List.of("10.0.0.0/33"))).hasMessageContaining("CIDR");
        assertThatThrownBy(() -> WebServerEdges.cidrList(List.of(".*"))).hasMessageContaining("HOMEWARD_TRUSTED_PROXIES");
        assertThat(WebServerEdges.cidrList(List.of("10.0.0.5", "10.1.0.0/16", "fd00::1")))
                .isEqualTo("10.0.0.5/32, 10.1.0.0/16, fd00::1/128");
    }

    // ------------------------------------------------------------------------------------------------

    private void start(EdgeProperties edges) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.getSettings().setSession(new Session());
        new WebServerEdges(edges).customize(factory);
        server = factory.getWebServer(context -> {
            context.addServlet("origin", new OriginServlet()).addMapping("/origin");
            context.addServlet("session", new SessionServlet()).addMapping("/session");
        });
        server.start();
    }

    private Map<String, String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder builder = request(path);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    private static Map<String, String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().map(l -> l.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the application would see of this request. */
    static final class OriginServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("address=" + RequestOrigin.address(request)
                    + "\nsocket=" + RequestOrigin.socketAddress(request)
                    + "\nsecure=" + request.isSecure()
                    + "\ndevtools=" + DevTools.fromThisMachine(request)
                    + "\nlocalPort=" + request.getLocalPort());
        }
    }

    /** Starts a session and redirects, as Spring Security does for a page that needs signing in. */
    static final class SessionServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getSession(true);
            response.sendRedirect(response.encodeRedirectURL("/next"));
        }
    }
}
