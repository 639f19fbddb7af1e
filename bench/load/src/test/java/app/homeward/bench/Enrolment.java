package app.homeward.bench;

import java.net.http.HttpResponse;
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
        try (VaadinTab tab = new VaadinTab(base)) {
            return probeChecks(tab);
        }
    }

    private String probeChecks(VaadinTab tab) throws Exception {
        VaadinUi ui = tab.ui;
        tab.open("c/" + clinic);
        String good = ui.message(ui.set(VaadinUi.rpcs(), ui.needId("email"), "value", "probe@bench.example"));
        String forged = good.replaceFirst("\"csrfToken\":\"[^\"]*\"", "\"csrfToken\":\"00000000-0000-0000-0000-000000000000\"");
        HttpResponse<String> refused = tab.postAny(ui.uidlQuery(), forged);
        String b = refused.body().replaceAll("\\s+", " ");
        String xsrf = "HTTP " + refused.statusCode() + " " + (b.length() > 140 ? b.substring(0, 140) + "…" : b);
        String first = tab.post(ui.uidlQuery(), good);
        VaadinTab.check(ui.uidl(first));
        // the same message again: its client id is now an old one; Vaadin answers with its last response
        // (the same server sync id) instead of running the message a second time
        String again = tab.post(ui.uidlQuery(), good);
        tab.unload();
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

    private void enrol(String email) throws Exception {
        try (VaadinTab tab = enrolled(email)) {
            // leave the page the way a browser does, so the enrolment's UI does not linger on the server
            tab.unload();
        }
    }

    /**
     * The first sign-in of a therapist: the enrolment page's secret read, a code computed from it and
     * confirmed, the recovery codes passed by. Returns the tab, on the therapist's home page.
     */
    VaadinTab enrolled(String email) throws Exception {
        VaadinTab tab = new VaadinTab(base);
        VaadinUi ui = tab.ui;
        tab.open(tab.signIn(clinic, email, password));
        String secret = ui.text(ui.needId("totp-secret"));
        long step = Totp.currentStep();
        var r = VaadinUi.rpcs();
        ui.set(r, ui.needId("enrol-code"), "value", Totp.code(secret, step));
        ui.click(r, ui.needId("confirm-enrolment"));
        tab.send(ui.message(r));
        int next = ui.needId("continue-after-codes");
        Totp.enrolled(email, secret, step);
        r = VaadinUi.rpcs();
        ui.click(r, next);
        tab.send(ui.message(r));
        return tab;
    }
}
