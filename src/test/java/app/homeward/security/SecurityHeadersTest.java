package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The security headers on the kinds of request Homeward answers: a page (the start page, a clinic's
 * page, a portal page while signed out), a Vaadin static resource, a Vaadin UIDL round trip and
 * heartbeat, the one-click unsubscribe endpoint and the actuator; through the application's own
 * security filter chain, with Vaadin's servlet stood in for by what it does to headers (its bootstrap
 * page sets {@code X-Frame-Options: SAMEORIGIN} unless the response already has one). The browser
 * journey checks the real responses of the running jar, and that Chromium reports no CSP violation.
 */
class SecurityHeadersTest extends IntegrationTest {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

    @Autowired WebApplicationContext web;
    @Autowired @Qualifier("springSecurityFilterChain") Filter securityFilters;

    MockMvc mvc;
    ClinicBranding clinic;

    @BeforeEach
    void http() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        clinic = testClinics.clinic();
    }

    @Test
    void every_kind_of_response_carries_the_security_headers() throws Exception {
        Map<String, MockHttpServletRequest> requests = new LinkedHashMap<>();
        requests.put("start page", request("GET", "/"));
        requests.put("clinic page", request("GET", "/c/" + clinic.slug()));
        requests.put("portal page (signed out)", request("GET", "/my"));
        requests.put("Vaadin static resource", request("GET", "/VAADIN/build/FlowBootstrap.js"));
        MockHttpServletRequest uidl = request("POST", "/");
        uidl.setParameter("v-r", "uidl");
        uidl.setParameter("v-uiId", "0");
        uidl.setContentType("application/json");
        uidl.setContent("{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":0,\"clientId\":0}".getBytes());
        requests.put("UIDL round trip", uidl);
        MockHttpServletRequest heartbeat = request("POST", "/");
        heartbeat.setParameter("v-r", "heartbeat");
        heartbeat.setParameter("v-uiId", "0");
        requests.put("heartbeat", heartbeat);
        requests.put("one-click unsubscribe", request("POST", "/unsubscribe/one-click/" + clinic.id() + "/nothing"));
        requests.put("health", request("GET", "/actuator/health"));
        for (var entry : requests.entrySet()) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            securityFilters.doFilter(entry.getValue(), response, new MockFilterChain(AS_VAADIN_DOES));
            String what = entry.getKey() + " (" + response.getStatus() + ")";
            assertThat(response.getHeader("Content-Security-Policy")).as(what)
                    .contains("default-src 'self'")
                    .contains("script-src 'self' 'nonce-")
                    .contains("'unsafe-eval'")
                    .doesNotContain("script-src 'self' 'unsafe-inline'")
                    .contains("style-src 'self' 'unsafe-inline'")
                    .contains("object-src 'none'")
                    .contains("base-uri 'self'")
                    .contains("form-action 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(response.getHeader("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(response.getHeader("Referrer-Policy")).as(what).isEqualTo("no-referrer");
            assertThat(response.getHeader("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(response.getHeaders("X-Frame-Options")).as(what).hasSize(1);
            assertThat(response.getHeader("Cross-Origin-Opener-Policy")).as(what).isEqualTo("same-origin");
            assertThat(response.getHeader("Permissions-Policy")).as(what)
                    .contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()");
            assertThat(response.getHeader("Strict-Transport-Security")).as(what + ": plain HTTP").isNull();
            if (!entry.getKey().startsWith("Vaadin static")) { // Vaadin's versioned bundle files may be cached
                assertThat(response.getHeader("Cache-Control")).as(what + ": nothing of a page is kept in caches")
                        .contains("no-store");
            }
        }
    }

    @Test
    void hsts_is_sent_only_on_requests_that_came_over_https() throws Exception {
        MockHttpServletResponse secure = mvc.perform(get("/c/" + clinic.slug()).secure(true)).andReturn().getResponse();
        MockHttpServletResponse plain = mvc.perform(get("/c/" + clinic.slug())).andReturn().getResponse();

        assertThat(secure.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void each_response_has_its_own_nonce() throws Exception {
        String first = nonce(mvc.perform(get("/")).andReturn().getResponse());
        String second = nonce(mvc.perform(get("/")).andReturn().getResponse());

        assertThat(first).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(second);
    }

    @Test
    void the_bootstrap_pages_scripts_carry_the_nonce_of_the_header() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ContentSecurityPolicy().writeHeaders(request, response);
        Document page = Jsoup.parse("<html><head><script>window.Vaadin = {};</script>"
                + "<script type=\"module\" src=\"/VAADIN/build/indexhtml.js\"></script></head><body></body></html>");

        ContentSecurityPolicy.addNonce(new IndexHtmlResponse(new VaadinServletRequest(request, null), null, page));

        String nonce = nonce(response);
        assertThat(page.getElementsByTag("script")).hasSize(2)
                .allSatisfy(script -> assertThat(script.attr("nonce")).isEqualTo(nonce));
    }

    /** What Vaadin's servlet does to the headers of its bootstrap page (IndexHtmlRequestHandler, 25.2). */
    private static final Servlet AS_VAADIN_DOES = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!response.containsHeader("X-Frame-Options")) {
                response.setHeader("X-Frame-Options", "SAMEORIGIN");
            }
            response.setContentType("text/html");
            response.getWriter().write("<!doctype html><html></html>");
            response.flushBuffer();
        }
    };

    private MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(web.getServletContext(), method, path);
        request.setRemoteAddr("127.0.0.1");
        return request;
    }

    private static String nonce(MockHttpServletResponse response) {
        Matcher m = NONCE.matcher(response.getHeader("Content-Security-Policy"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
