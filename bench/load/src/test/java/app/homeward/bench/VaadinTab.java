package app.homeward.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One browser tab over plain HTTP ({@code java.net.http}, no Gatling): its own cookie jar (so its own
 * session) and the {@link VaadinUi} of the page it shows. Used where the benchmarks act as one person at a
 * time: the therapists' enrolment before a load level ({@link Enrolment}) and bench/session-memory's
 * sessions. Every step checks the answer is what a working UI gets, and throws if not.
 */
final class VaadinTab implements AutoCloseable {

    /** What headless Chromium sends: Vaadin keeps the user agent (and the locale it picks) in the session. */
    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "HeadlessChrome/156.0.0.0 Safari/537.36";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();
    final VaadinUi ui = new VaadinUi();

    VaadinTab(String base) {
        this.base = base;
    }

    /**
     * A full page load, as a browser makes it: the page being left sends its unload beacon (the server
     * closes that UI at once), then the bootstrap page, the init request and the {@code ui-navigate} event
     * that renders the view.
     */
    void open(String route) throws Exception {
        if (ui.uiId >= 0) {
            unload();
        }
        get("/" + route);
        check(ui.init(get("/" + VaadinUi.initQuery(route))));
        send(ui.message(ui.routerEvent(VaadinUi.rpcs(), "ui-navigate", route)));
    }

    /** Signs in on the clinic's page (email, password, "Sign in"); the server then names the next page. */
    String signIn(String clinic, String email, String password) throws Exception {
        open("c/" + clinic);
        var r = VaadinUi.rpcs();
        ui.set(r, ui.needId("email"), "value", email);
        ui.set(r, ui.needId("password"), "value", password);
        ui.click(r, ui.needId("sign-in"));
        send(ui.message(r));
        if (ui.location == null) {
            throw new IllegalStateException(email + ": sign-in did not move on");
        }
        return ui.location;
    }

    /**
     * One UIDL round trip whose answer must apply cleanly; then, as the browser does, the results of the
     * scripts in it that the server waits for (a page's {@code executeJs(…).then(…)}), in a request of their own.
     */
    void send(String message) throws Exception {
        check(ui.uidl(post(ui.uidlQuery(), message)));
        answerScripts();
    }

    /**
     * What the browser sends by itself after a response: first the events of the elements it attached as they
     * upgrade ({@link VaadinUi#upgradeEvents()}), then the results of the scripts the server waits for, each
     * in a request of its own, as Chromium does.
     */
    private void answerScripts() throws Exception {
        // a page that asked again with every answer would be a bug: give up after a few rounds
        for (int round = 0; round < 5; round++) {
            var upgrades = ui.upgradeEvents();
            var results = ui.scriptResults();
            if (upgrades.isEmpty() && results.isEmpty()) {
                return;
            }
            if (!upgrades.isEmpty()) {
                check(ui.uidl(post(ui.uidlQuery(), ui.message(upgrades))));
            }
            if (!results.isEmpty()) {
                check(ui.uidl(post(ui.uidlQuery(), ui.message(results))));
            }
        }
    }

    /** The page goes the way a browser leaves it: its unload beacon, so the server closes the UI. */
    void unload() throws Exception {
        post(ui.uidlQuery(), ui.unload());
    }

    /**
     * The tab is closed without a word to the server (no unload beacon): only its connections go, as when a
     * phone loses its signal. The server keeps the session; an idle keep-alive connection would otherwise hold
     * Tomcat's socket buffers (about 8 kB each) until its own timeout, which a browser's few shared
     * connections do not.
     */
    @Override
    public void close() {
        http.close();
    }

    static void check(String outcome) {
        if (!"ok".equals(outcome)) {
            throw new IllegalStateException(outcome);
        }
    }

    String get(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    String post(String path, String json) throws Exception {
        HttpResponse<String> response = postAny(path, json);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    HttpResponse<String> postAny(String path, String json) throws Exception {
        return http.send(request("/" + path).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("User-Agent", USER_AGENT).header("Accept-Language", "en-US,en;q=0.9");
    }
}
