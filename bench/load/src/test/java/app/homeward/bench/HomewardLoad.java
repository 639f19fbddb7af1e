package app.homeward.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One load level of bench/load (issue 15): {@code users} people at once, one in five a therapist, each with
 * their own account of the bench clinic, each signed in and working with think times of 3-8 s, speaking
 * Vaadin's HTTP protocol as a browser does (bootstrap page, {@code ?v-r=init}, then UIDL messages carrying
 * the CSRF token and the sync ids from the server's responses, so no check is turned off).
 *
 * <p>A client's session: sign in, Today, then twice: open a coping card due today, type three answers (each
 * pause of typing autosaves the draft), submit, reflect (how much, how hard, how helpful, save: back on
 * Today); then sign out. A therapist's session: sign in with a code from the authenticator, home, then three
 * times: the caseload, a client's page, the review queue, an entry from it given feedback and marked
 * reviewed; then sign out. Then a new session, until the level's time is up. Static resources (the
 * JavaScript bundle, styles, fonts) are not fetched: a returning browser has them cached, and
 * bench/page-weight measures them.
 *
 * <p>System properties: base (http://localhost:38181), users (10), ramp and steady (seconds), therapistFrom
 * and clientFrom (the first account number of this level), out (where the steady-state table goes).
 */
public class HomewardLoad extends Simulation {

    static final String BASE = System.getProperty("base", "http://localhost:38181");
    static final String CLINIC = System.getProperty("clinic", "bench");
    static final String PASSWORD = System.getProperty("password", "morning-walk-2026");
    static final int USERS = Integer.getInteger("users", 10);
    static final int RAMP = Integer.getInteger("ramp", 10);
    static final int STEADY = Integer.getInteger("steady", 60);
    static final int THERAPISTS = Math.max(1, USERS / 5);
    static final int CLIENTS = USERS - THERAPISTS;
    static final int THERAPIST_FROM = Integer.getInteger("therapistFrom", 1);
    static final int CLIENT_FROM = Integer.getInteger("clientFrom", 4 * (THERAPIST_FROM - 1) + 1);
    static final Path OUT = Path.of(System.getProperty("out", "target/load-level.txt"));
    static final String JSON = "application/json; charset=UTF-8";

    static final List<String> ANSWERS = List.of(
            "When the evening gets long and quiet and I start replaying the day.",
            "I have got through evenings like this before; it passes.",
            "Text my sister, make tea, walk round the block, then read for twenty minutes.");

    // --- the scenarios ------------------------------------------------------------------------------------

    ChainBuilder think() {
        // the level's time is up: people stop where they are (their sessions time out on the server)
        return pause(Duration.ofSeconds(3), Duration.ofSeconds(8)).exitHereIf(s -> !Recorder.running());
    }

    ChainBuilder signIn(String who) {
        return page(who + " sign in", s -> "c/" + CLINIC)
                .exec(think())
                .exec(rpc(who + " sign in", (s, ui) -> {
                    var r = VaadinUi.rpcs();
                    ui.set(r, ui.needId("email"), "value", s.getString("email"));
                    ui.set(r, ui.needId("password"), "value", PASSWORD);
                    return ui.message(ui.click(r, ui.needId("sign-in")));
                }, ui -> ui.location != null ? null : "sign-in did not move on"));
    }

    ChainBuilder clientSession() {
        return exec(signIn("client"))
                .exec(page("client Today", s -> ui(s).location))
                .repeat(2).on(
                        exec(think())
                                .exec(rpc("client open a worksheet", (s, ui) -> ui.message(ui.click(VaadinUi.rpcs(), homeworkToOpen(ui))),
                                        ui -> ui.find(n -> n.list(11).contains("homework-page")).isPresent() ? null : "no homework page"))
                                .doIfOrElse(s -> ui(s).byId("submit-homework").isPresent()).then(
                                        exec(answer("situation", 0), answer("thought", 1), answer("reminder", 2))
                                                .exec(think())
                                                .exec(rpc("client submit", (s, ui) -> ui.message(ui.click(VaadinUi.rpcs(), ui.needId("submit-homework"))),
                                                        ui -> ui.byId("reflection").isPresent() ? null : "no reflection form after submitting"))
                                                .exec(reflect(0, "4", "how much"), reflect(1, "4", "how hard"), reflect(2, "8", "how helpful"))
                                                .exec(think())
                                                .exec(rpc("client reflect save", (s, ui) -> ui.message(ui.click(VaadinUi.rpcs(), ui.needId("save-reflection"))),
                                                        ui -> ui.byId("home-title").isPresent() ? null : "not back on Today after reflecting"))
                                ).orElse(
                                        // nothing left to do today: back to Today by its link
                                        exec(think()).exec(navigate("client Today", s -> "my"))
                                ))
                .exec(think())
                .exec(signOut("client"));
    }

    ChainBuilder therapistSession() {
        return exec(signIn("therapist"))
                .exec(page("therapist second factor", s -> ui(s).location))
                .exec(think())
                .exec(rpc("therapist second factor", (s, ui) -> {
                    var r = VaadinUi.rpcs();
                    ui.set(r, ui.needId("code"), "value", Totp.nextCode(s.getString("email")));
                    return ui.message(ui.click(r, ui.needId("verify-code")));
                }, ui -> ui.location != null ? null : "code not accepted"))
                .exec(page("therapist home", s -> ui(s).location))
                .repeat(3).on(
                        exec(think())
                                .exec(navigate("therapist caseload", s -> "app/clients"))
                                .exec(think())
                                .exec(navigate("therapist client page", s -> pick(ui(s).hrefs("app/clients/"), "app/clients/")))
                                .exec(think())
                                .exec(navigate("therapist review queue", s -> "app/review"))
                                .doIf(s -> !ui(s).hrefs("app/entries/").isEmpty()).then(
                                        exec(think())
                                                .exec(navigate("therapist entry", s -> ui(s).hrefs("app/entries/").getFirst()))
                                                .exec(think())
                                                .exec(rpc("therapist review entry", (s, ui) -> {
                                                    var r = VaadinUi.rpcs();
                                                    ui.set(r, ui.needId("review-feedback"), "value",
                                                            "Well done for doing this on a hard evening. Let us look at the walk together.");
                                                    return ui.message(ui.click(r, ui.needId("mark-reviewed")));
                                                }, ui -> null))))
                .exec(think())
                .exec(signOut("therapist"));
    }

    ChainBuilder answer(String field, int i) {
        return exec(think()).exec(rpc("client autosave", (s, ui) -> ui.message(ui.set(VaadinUi.rpcs(),
                        ui.find(n -> field.equals(n.attribute("data-field"))).orElseThrow(() -> new IllegalStateException("no field " + field)),
                        "value", ANSWERS.get(i))),
                ui -> null));
    }

    /** The reflection's radio groups in page order: how much (keys 1-5), how hard, how helpful (1-11). */
    ChainBuilder reflect(int group, String key, String what) {
        return exec(think()).exec(rpc("client reflect " + what, (s, ui) -> {
            int box = ui.needId("reflection");
            List<Integer> groups = ui.subtree(box).stream().filter(n -> "vaadin-radio-group".equals(ui.node(n).tag())).toList();
            return ui.message(ui.set(VaadinUi.rpcs(), groups.get(group), "value", key));
        }, ui -> null));
    }

    ChainBuilder signOut(String who) {
        return rpc(who + " sign out", (s, ui) -> {
                    ui.signingOut = true;
                    return ui.message(ui.click(VaadinUi.rpcs(), ui.needId("sign-out")));
                }, ui -> null)
                .exec(s -> s.set("ui", new VaadinUi()));
    }

    /** The first coping card due today with a Start or Continue button; if none is left, the first card. */
    static int homeworkToOpen(VaadinUi ui) {
        List<Integer> buttons = ui.all(n -> n.list(11).contains("homework-open"));
        for (int b : buttons) {
            int card = ui.parentOf(ui.parentOf(b));
            if ("primary".equals(ui.node(b).attribute("theme")) && ui.hasClass(card, "homework-card--due")) {
                return b;
            }
        }
        if (buttons.isEmpty()) {
            throw new IllegalStateException("no homework on Today");
        }
        return buttons.getFirst();
    }

    static String pick(List<String> hrefs, String what) {
        if (hrefs.isEmpty()) {
            throw new IllegalStateException("no link to " + what);
        }
        return hrefs.get(ThreadLocalRandom.current().nextInt(hrefs.size()));
    }

    // --- the protocol -------------------------------------------------------------------------------------

    static VaadinUi ui(Session s) {
        return (VaadinUi) s.get("ui");
    }

    /** A full page load: the unload beacon of the page left, the bootstrap page, the init request, the view. */
    ChainBuilder page(String step, Function<Session, String> route) {
        return exec(s -> s.set("route", route.apply(s)))
                .doIf(s -> ui(s).uiId >= 0).then(exec(http("unload beacon").post(s -> "/" + ui(s).uidlQuery())
                        .header("Content-Type", JSON).body(StringBody(s -> ui(s).unload())).silent()))
                .exec(timed(step + " (page)", http(step + " (page)").get(s -> "/" + s.getString("route"))
                        .check(responseTimeInMillis().saveAs("rt"), status().is(200))))
                .exec(timed(step + " (init)", http(step + " (init)").get(s -> "/" + VaadinUi.initQuery(s.getString("route")))
                        .check(responseTimeInMillis().saveAs("rt"), status().is(200),
                                bodyString().transformWithSession((body, s) -> remember(s, ui(s).init(body))).is("ok"))))
                .exec(rpc(step + " (view)", (s, ui) -> ui.message(ui.routerEvent(VaadinUi.rpcs(), "ui-navigate", s.getString("route"))),
                        ui -> null));
    }

    /** A router link followed: the client router asks the view to be left, then navigates (two round trips). */
    ChainBuilder navigate(String step, Function<Session, String> route) {
        return exec(s -> s.set("route", route.apply(s)))
                .exec(rpc(step + " (leave)", (s, ui) -> ui.message(ui.routerEvent(VaadinUi.rpcs(), "ui-leave-navigation", s.getString("route"))),
                        ui -> null))
                .exec(rpc(step, (s, ui) -> ui.message(ui.routerEvent(VaadinUi.rpcs(), "ui-navigate", s.getString("route"))),
                        ui -> null));
    }

    /** One UIDL round trip; the response must apply cleanly and leave the page as {@code expect} wants. */
    ChainBuilder rpc(String name, java.util.function.BiFunction<Session, VaadinUi, String> message,
                     Function<VaadinUi, String> expect) {
        return exec(timed(name, http(name).post(s -> "/" + ui(s).uidlQuery())
                .header("Content-Type", JSON)
                .body(StringBody(s -> message.apply(s, ui(s))))
                .check(responseTimeInMillis().saveAs("rt"), status().is(200),
                        bodyString().transformWithSession((body, s) -> {
                            VaadinUi ui = ui(s);
                            String applied = ui.uidl(body);
                            if (!"ok".equals(applied)) {
                                return remember(s, applied);
                            }
                            String problem = expect.apply(ui);
                            return remember(s, problem == null ? "ok" : problem);
                        }).is("ok"))));
    }

    private static String remember(Session s, String outcome) {
        ((VaadinUi) s.get("ui")).lastOutcome = outcome;
        return outcome;
    }

    /** The request, then its time and outcome into the steady-state record; a person whose page broke stops. */
    ChainBuilder timed(String name, HttpRequestActionBuilder request) {
        return exec(s -> {
            ui(s).lastOutcome = null;
            return s.remove("rt");
        }).exec(request).exec(s -> {
            Long rt = s.contains("rt") ? s.getLong("rt") : null;
            String outcome = ui(s).lastOutcome;
            Recorder.add(name, rt, !s.isFailed(), s.isFailed() ? (outcome == null || "ok".equals(outcome) ? "HTTP failure or no request built" : outcome) : null);
            return s;
        }).exitHereIfFailed();
    }

    static Iterator<Map<String, Object>> accounts(String prefix, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> {
            Map<String, Object> m = new HashMap<>();
            m.put("email", String.format("%s%04d@bench.example", prefix, i));
            return m;
        }).iterator();
    }

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE)
                .disableUrlEncoding()
                .acceptHeader("*/*")
                .acceptLanguageHeader("en-GB,en;q=0.9")
                .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) homeward-bench-load");

        ScenarioBuilder clients = scenario("clients").feed(accounts("c", CLIENT_FROM, CLIENTS))
                .exec(s -> s.set("ui", new VaadinUi()))
                .asLongAs(s -> Recorder.running()).on(clientSession());
        ScenarioBuilder therapists = scenario("therapists").feed(accounts("t", THERAPIST_FROM, THERAPISTS))
                .exec(s -> s.set("ui", new VaadinUi()))
                .asLongAs(s -> Recorder.running()).on(therapistSession());

        setUp(clients.injectOpen(rampUsers(CLIENTS).during(RAMP)),
                therapists.injectOpen(rampUsers(THERAPISTS).during(RAMP)))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(RAMP + STEADY + 120));
    }

    @Override
    public void before() {
        try {
            String checks;
            try {
                checks = new Enrolment(BASE, CLINIC, PASSWORD).probeChecks();
            } catch (Exception e) {
                checks = "probe failed: " + e;
            }
            System.out.println("[load] checks: " + checks);
            long t0 = System.currentTimeMillis();
            List<String> therapists = IntStream.range(THERAPIST_FROM, THERAPIST_FROM + THERAPISTS)
                    .mapToObj(i -> String.format("t%04d@bench.example", i)).toList();
            new Enrolment(BASE, CLINIC, PASSWORD).enrolAll(therapists, 4);
            System.out.printf("[load] enrolled %d therapists' authenticators in %d s%n", therapists.size(),
                    (System.currentTimeMillis() - t0) / 1000);
        } catch (Exception e) {
            throw new IllegalStateException("enrolment failed", e);
        }
        long start = System.currentTimeMillis();
        Recorder.window(start + RAMP * 1000L, start + (RAMP + STEADY) * 1000L);
    }

    @Override
    public void after() {
        try {
            System.out.println("[load] " + Recorder.report(USERS, OUT));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
