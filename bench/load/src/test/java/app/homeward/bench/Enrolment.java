package app.homeward.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Before a load level: each of its therapists signs in once and sets up the authenticator (the secret is
 * read from the enrolment page, the code computed here), the same way a person does it, over the same
 * protocol as the load ({@link VaadinUi}) but outside Gatling, so it is not counted. Their later sign-ins
 * in the load then ask for a code, as every therapist's do.
 */
final class Enrolment {

    private final String base;
    private final String clinic;
    private final String password;

    Enrolment(String base, String clinic, String password) {
        this.base = base;
        this.clinic = clinic;
        this.password = password;
    }

    void enrolAll(List<String> emails, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Object>> done = emails.stream().map(e -> pool.<Object>submit(() -> {
                enrol(e);
                return null;
            })).toList();
            for (Future<Object> f : done) {
                f.get();
            }
        }
    }

    /**
     * Proof that the checks the load relies on are on in the running jar: a message with a wrong CSRF token and
     * one that repeats an old client message id must not be taken as new work. Returns what happened to each.
     */
    String probeChecks() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        VaadinUi ui = new VaadinUi();
        open(http, ui, "c/" + clinic);
        String good = ui.message(ui.set(VaadinUi.rpcs(), ui.needId("email"), "value", "probe@bench.example"));
        String forged = good.replaceFirst("\"csrfToken\":\"[^\"]*\"", "\"csrfToken\":\"00000000-0000-0000-0000-000000000000\"");
        String xsrf = postAny(http, ui.uidlQuery(), forged);
        String first = post(http, ui.uidlQuery(), good);
        check(ui.uidl(first));
        // the same message again: its client id is now an old one; Vaadin answers with its last response
        // (the same server sync id) instead of running the message a second time
        String again = post(http, ui.uidlQuery(), good);
        post(http, ui.uidlQuery(), ui.unload());
        String xsrfOutcome = xsrf.contains("appError") ? "refused (appError)" : "NOT refused: " + xsrf;
        String replayOutcome = syncId(first).equals(syncId(again))
                ? "answered with the previous response (syncId " + syncId(first) + " both times), not run again"
                : "NOT recognised: syncId " + syncId(first) + " then " + syncId(again);
        return "wrong CSRF token -> " + xsrfOutcome + "; replayed message id -> " + replayOutcome;
    }

    private static String syncId(String body) {
        try {
            return VaadinUi.JSON.readTree(body.startsWith("for(;;);") ? body.substring(8) : body).path("syncId").asText("none");
        } catch (Exception e) {
            return "none";
        }
    }

    private String postAny(HttpClient http, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/" + path))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        String b = response.body().replaceAll("\\s+", " ");
        return "HTTP " + response.statusCode() + " " + (b.length() > 140 ? b.substring(0, 140) + "…" : b);
    }

    private void enrol(String email) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        VaadinUi ui = new VaadinUi();
        open(http, ui, "c/" + clinic);
        var r = VaadinUi.rpcs();
        ui.set(r, ui.needId("email"), "value", email);
        ui.set(r, ui.needId("password"), "value", password);
        ui.click(r, ui.needId("sign-in"));
        send(http, ui, ui.message(r));
        if (ui.location == null) {
            throw new IllegalStateException(email + ": sign-in did not move on");
        }
        open(http, ui, ui.location);
        String secret = ui.text(ui.needId("totp-secret"));
        long step = Totp.currentStep();
        r = VaadinUi.rpcs();
        ui.set(r, ui.needId("enrol-code"), "value", Totp.code(secret, step));
        ui.click(r, ui.needId("confirm-enrolment"));
        send(http, ui, ui.message(r));
        int next = ui.needId("continue-after-codes");
        Totp.enrolled(email, secret, step);
        r = VaadinUi.rpcs();
        ui.click(r, next);
        send(http, ui, ui.message(r));
        // leave the page the way a browser does, so the enrolment's UI does not linger on the server
        post(http, ui.uidlQuery(), ui.unload());
    }

    private void open(HttpClient http, VaadinUi ui, String route) throws Exception {
        if (ui.uiId >= 0) {
            post(http, ui.uidlQuery(), ui.unload());
        }
        get(http, "/" + route);
        check(ui.init(get(http, "/" + VaadinUi.initQuery(route))));
        send(http, ui, ui.message(ui.routerEvent(VaadinUi.rpcs(), "ui-navigate", route)));
    }

    private void send(HttpClient http, VaadinUi ui, String message) throws Exception {
        check(ui.uidl(post(http, ui.uidlQuery(), message)));
    }

    private static void check(String outcome) {
        if (!"ok".equals(outcome)) {
            throw new IllegalStateException(outcome);
        }
    }

    private String get(HttpClient http, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    private String post(HttpClient http, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/" + path))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode());
        }
        return response.body();
    }
}
