package app.homeward.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.homeward.journey.Browser.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges of the running jar over real HTTP (decision 0024): the security headers on a page, on a
 * Vaadin static resource and on Vaadin's own init and UIDL responses (the in-suite test can only stand in
 * for Vaadin's servlet); the session cookie and no {@code ;jsessionid=} in redirects; the actuator; and
 * Chromium, going through pages that start Vaadin, draw Chart.js charts through {@code executeJs} and
 * use Vaadin's upload, reports no Content-Security-Policy violation.
 *
 * <p>Needs the demo clinic (tenants/demo.yaml): Sam and his client Casey, who has a history to chart.
 * Changes nothing. With {@code -Dhomeward.e2e.managementPort=N} (the jar's MANAGEMENT_PORT) it also
 * checks that the metrics are served on that loopback port.
 */
@Tag("e2e")
class EdgesJourneyTest {

    private static final String CLINIC = "sunrise";
    private static final String SAM = "sam@sunrise.example";
    private static final String STAFF_PASSWORD = "quiet-meadow-2026";
    private static final String CASEY = "casey@sunrise.example";
    private static final String CLIENT_PASSWORD = "morning-walk-2026";
    private static final String MANAGEMENT_PORT = System.getProperty("homeward.e2e.managementPort", "");
    private static final Pattern SCRIPT_SRC = Pattern.compile("<script[^>]*\\ssrc=\"\\.?/?(VAADIN/[^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @BeforeAll
    static void screenshotsFolder() throws IOException {
        Browser.clearScreenshots(name -> name.startsWith("edges-"));
    }

    @AfterAll
    static void closeBrowsers() {
        Browser.closeAll();
    }

    @Test
    void pages_static_resources_and_vaadin_round_trips_carry_the_security_headers() throws Exception {
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        HttpResponse<String> page = get("/c/" + CLINIC);
        responses.put("clinic page", page);
        responses.put("start page", get("/"));
        Matcher script = SCRIPT_SRC.matcher(page.body());
        assertThat(script.find()).as("the bootstrap page loads Vaadin's bundle").isTrue();
        responses.put("Vaadin static resource", get("/" + script.group(1)));
        HttpResponse<String> init = get("/?v-r=init&location=c%2F" + CLINIC + "&query=");
        responses.put("Vaadin init", init);
        Matcher key = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"").matcher(init.body());
        assertThat(key.find()).as("the init response carries the UI's CSRF token").isTrue();
        HttpResponse<String> uidl = http.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[],\"syncId\":0,\"clientId\":0}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uidl.statusCode()).isEqualTo(200);
        responses.put("UIDL round trip", uidl);

        for (var entry : responses.entrySet()) {
            var headers = entry.getValue().headers();
            String what = entry.getKey() + " " + entry.getValue().uri();
            assertThat(headers.allValues("Content-Security-Policy")).as(what).singleElement().satisfies(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self' 'nonce-", "'unsafe-eval'",
                            "style-src 'self' 'unsafe-inline'", "object-src 'none'", "base-uri 'self'",
                            "form-action 'self'", "frame-ancestors 'none'")
                    .doesNotContain("script-src 'self' 'unsafe-inline'"));
            assertThat(headers.allValues("X-Frame-Options")).as(what).containsExactly("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(headers.firstValue("Permissions-Policy").orElse("")).as(what)
                    .contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()");
            assertThat(headers.firstValue("Strict-Transport-Security")).as(what + " over plain HTTP").isEmpty();
        }
        Matcher nonce = NONCE.matcher(page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertThat(nonce.find()).isTrue();
        assertThat(page.body()).as("every script of the bootstrap page carries the header's nonce")
                .contains("nonce=\"" + nonce.group(1) + "\"")
                .doesNotContainPattern("<script(?![^>]*nonce=\"" + Pattern.quote(nonce.group(1)) + "\")[^>]*>");
    }

    @Test
    void the_session_id_travels_only_in_an_http_only_same_site_cookie() throws Exception {
        HttpClient fresh = HttpClient.newHttpClient();
        HttpResponse<String> page = fresh.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/c/" + CLINIC)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> redirect = fresh.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/VAADIN/nothing-here"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .containsPattern("^(__Host-)?JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(redirect.statusCode()).isBetween(300, 399);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).doesNotContainIgnoringCase("jsessionid");
        assertThat(page.body()).doesNotContainIgnoringCase("jsessionid=");
    }

    @Test
    void health_is_public_without_details_and_metrics_are_not() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/metrics", "/actuator/env")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isIn(401, 403, 404);
            assertThat(response.body()).as(path).doesNotContain("jvm_");
        }
        if (!MANAGEMENT_PORT.isBlank()) {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes").doesNotContain("spring_data_repository");
        }
    }

    @Test
    void chromium_reports_no_content_security_policy_violation_on_pages_with_charts() throws IOException {
        List<String> violations = new ArrayList<>();
        Browser sam = Browser.open("edges-therapist");
        sam.step("edges-sign-in", () -> {
            sam.fillInSignIn(CLINIC, SAM, STAFF_PASSWORD);
            sam.click(sam.visible(By.id("sign-in")));
            sam.passSecondStep(SAM); // staff sign in with an authenticator (set up here if this run has not yet)
            sam.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app") + "/?$"));
            violations.addAll(cspViolations(sam));
        });
        for (String path : List.of("/app/adherence", "/app/clients", "/app/practice", "/app/worksheets", "/app/settings",
                "/app/account")) {
            sam.step("edges" + path.replace('/', '-'), () -> {
                sam.driver.get(BASE_URL + path);
                sam.visible(By.tagName("h1"));
                sam.settle();
                if (path.equals("/app/adherence")) {
                    assertThat(chartsDrawn(sam)).as("Chart.js drew the adherence charts").isPositive();
                }
                violations.addAll(cspViolations(sam));
            });
        }
        Browser casey = Browser.open("edges-client");
        casey.step("edges-client-progress", () -> {
            casey.fillInSignIn(CLINIC, CASEY, CLIENT_PASSWORD);
            casey.click(casey.visible(By.id("sign-in")));
            casey.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/my") + ".*"));
            casey.driver.get(BASE_URL + "/my/progress");
            casey.visible(By.tagName("h1"));
            casey.settle();
            assertThat(chartsDrawn(casey)).as("Chart.js drew the progress charts").isPositive();
            violations.addAll(cspViolations(casey));
        });

        assertThat(violations).as("Content-Security-Policy violations reported by Chromium").isEmpty();
    }

    /** Canvases that Chart.js has drawn into (scripts run by WebDriver are not subject to the page's CSP). */
    private static long chartsDrawn(Browser browser) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        long drawn = 0;
        while (drawn == 0 && System.nanoTime() - deadline < 0) {
            Object count = browser.driver.executeScript("return window.Chart ? Array.from("
                    + "document.querySelectorAll('canvas')).filter(c => window.Chart.getChart(c)).length : 0;");
            drawn = count instanceof Number n ? n.longValue() : 0;
            if (drawn == 0) {
                browser.settle();
            }
        }
        return drawn;
    }

    private static List<String> cspViolations(Browser browser) {
        List<String> found = new ArrayList<>();
        for (LogEntry entry : browser.driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (message.contains("Content Security Policy") || message.contains("Content-Security-Policy")
                    || message.contains("Refused to") || message.contains("Permissions-Policy")
                    || message.contains("Unrecognized feature")) {
                found.add(browser.currentUrlOrUnknown() + ": " + message.substring(0, Math.min(400, message.length())));
            }
        }
        return found;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(BASE_URL + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
