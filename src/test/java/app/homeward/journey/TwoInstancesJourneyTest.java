package app.homeward.journey;

import app.homeward.Mails;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static app.homeward.journey.Browser.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the production jar on one MariaDB behind HAProxy (docs/deploy/haproxy.cfg), and one of
 * them killed with SIGKILL in the middle of the journey (issue 15, decision 0042). Run only by .ci/run's
 * step 6, which starts the second instance and HAProxy; {@code homeward.e2e.baseUrl} is HAProxy's address.
 *
 * <p>A therapist (Tara) and two clients (Ash and Blake, separate browsers) work at once. HAProxy's
 * SERVERID cookie says which instance serves each; the clients are on different instances (a client whose
 * first page lands on the same one as the other starts a fresh session until the balancer picks the other).
 * Both clients leave a draft that autosaved and clear their quiet hours (so "remind now" goes out whatever
 * the hour CI runs at); Tara sends each a reminder. Then the instance serving the client who is alone on it
 * (not Tara's) is killed: Tara and the other client keep working and see no sign-in page; the client on
 * the killed instance is asked to sign in again, lands on the survivor and finds every answer that was
 * saved. Tara reminds both again while one instance is down. The killed instance is started again (the
 * script .ci/run gives) and takes work again: a new person (Cam) lands on it, signs in and saves a draft
 * there. Every reminder arrived exactly once (GreenMail, counted per recipient by Message-ID).
 *
 * <p>Accounts: {@code src/test/resources/e2e-tenants/cluster.yaml} (clinic {@code cluster}), imported by the
 * first instance; a fresh database (the therapist's authenticator is set up by this run).
 *
 * <p>System properties, besides {@link Browser}'s: {@code homeward.e2e.smtpPort} (where both instances send
 * mail; GreenMail listens there), {@code homeward.e2e.cluster.dir} (holds {@code a.pid}, {@code b.pid} and
 * the instances' settings), {@code homeward.e2e.cluster.start} (the script that starts an instance:
 * {@code start DIR NAME}), {@code homeward.e2e.cluster.portA}, {@code .portB} (each instance's own HTTP port,
 * to see the restarted one ready). Screenshots: {@code target/e2e-screenshots/cluster-NN-name.png}.
 */
@Tag("cluster")
class TwoInstancesJourneyTest {

    private static final String PREFIX = "cluster-";
    private static final String CLINIC = "cluster";

    private static final String THERAPIST_EMAIL = "therapist@cluster.example";
    private static final String THERAPIST_NAME = "Tara Quinn";
    private static final String THERAPIST_PASSWORD = "river-lantern-notes-2026";
    private static final String CLIENT_PASSWORD = "pebble-bridge-dawn-2026";
    private static final Person ASH = new Person("ash@cluster.example", "Ash Rivers");
    private static final Person BLAKE = new Person("blake@cluster.example", "Blake Stone");
    private static final Person CAM = new Person("cam@cluster.example", "Cam Fields");

    private static final String COPING_CARD = "Cluster: coping card";
    private static final String MOOD_LOG = "Cluster: mood log";
    private static final String SITUATION = "When this happens…";
    private static final String THOUGHT = "The unhelpful thought";
    private static final String REMINDER = "What I can remind myself";

    private static final Locale ENGLISH = Locale.ENGLISH;
    private static final String SERVER_COOKIE = "SERVERID";

    private static final int SMTP_PORT = Integer.getInteger("homeward.e2e.smtpPort", 3025);
    private static final Path CLUSTER_DIR = Path.of(System.getProperty("homeward.e2e.cluster.dir", "target/cluster"));
    private static final String START_SCRIPT = System.getProperty("homeward.e2e.cluster.start", ".ci/cluster-instance");
    private static final Map<String, Integer> PORTS = Map.of(
            "a", Integer.getInteger("homeward.e2e.cluster.portA", 18080),
            "b", Integer.getInteger("homeward.e2e.cluster.portB", 18082));
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(180);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    private record Person(String email, String name) {
    }

    private int stepNumber;
    private final Map<String, Double> timings = new LinkedHashMap<>();

    @AfterAll
    static void quit_browsers() {
        Browser.closeAll();
    }

    @Test
    void two_instances_behind_haproxy_one_killed_mid_journey_lose_nothing() throws Exception {
        Browser.clearScreenshots(name -> name.startsWith(PREFIX));
        long start = System.nanoTime();
        try {
            journey();
        } finally {
            printTimings((System.nanoTime() - start) / 1e9);
        }
    }

    private void journey() throws Exception {
        // --- 1. three people at once, on two instances ---------------------------------------------
        Browser tara = Browser.open("cluster-therapist");
        step(tara, "therapist-signed-in", () -> {
            tara.fillInSignIn(CLINIC, THERAPIST_EMAIL, THERAPIST_PASSWORD);
            tara.click(tara.visible(By.id("sign-in")));
            tara.passSecondStep(THERAPIST_EMAIL);
            tara.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app") + "/?$"));
            assertThat(tara.visible(By.id("home-title")).getText()).contains(THERAPIST_NAME);
        });
        String taraServer = server(tara);

        Browser ash = Browser.open("cluster-ash");
        Browser blake = Browser.open("cluster-blake");
        step(ash, "ash-sign-in-page", () -> {
            ash.driver.get(BASE_URL + "/c/" + CLINIC);
            ash.visible(By.id("sign-in"));
        });
        String ashServer = server(ash);
        // .ci/run starts instance b and this journey together: Tara and Ash needed only one instance so far
        long waitStart = System.nanoTime();
        awaitInRotation("a");
        awaitInRotation("b");
        System.out.printf("[e2e] both instances behind HAProxy (waited %.1f s)%n", (System.nanoTime() - waitStart) / 1e9);
        step(blake, "blake-sign-in-page-on-the-other-instance", () -> {
            // a person's instance is the balancer's choice: a fresh session until it is not Ash's
            for (int attempt = 1; attempt <= 10; attempt++) {
                blake.driver.manage().deleteAllCookies();
                blake.driver.get(BASE_URL + "/c/" + CLINIC);
                blake.visible(By.id("sign-in"));
                if (!ashServer.equals(server(blake))) {
                    return;
                }
            }
            throw new AssertionError("ten fresh sessions all landed on instance " + ashServer + ": is HAProxy balancing?");
        });
        String blakeServer = server(blake);
        step(ash, "ash-today", () -> signInClient(ash, ASH));
        step(blake, "blake-today", () -> signInClient(blake, BLAKE));
        assertThat(server(ash)).as("Ash stays on the instance that served her first page").isEqualTo(ashServer);
        assertThat(server(blake)).as("Blake stays on the instance that served his first page").isEqualTo(blakeServer);

        // the client alone on an instance (not Tara's) is the one whose instance dies
        boolean ashAlone = !ashServer.equals(taraServer);
        Browser lone = ashAlone ? ash : blake;
        Person lonePerson = ashAlone ? ASH : BLAKE;
        Browser partner = ashAlone ? blake : ash;
        Person partnerPerson = ashAlone ? BLAKE : ASH;
        String victim = server(lone);
        String survivor = taraServer;
        System.out.printf("[e2e] instances: %s (therapist) on %s, %s on %s, %s on %s; %s will be killed%n",
                THERAPIST_NAME, taraServer, ASH.name(), ashServer, BLAKE.name(), blakeServer, victim);

        // both clients: no quiet hours, so the reminders below go out now at whatever hour CI runs
        step(ash, "ash-no-quiet-hours", () -> noQuietHours(ash));
        step(blake, "blake-no-quiet-hours", () -> noQuietHours(blake));

        step(ash, "ash-draft-saved", () -> {
            openHomework(ash, COPING_CARD);
            answer(ash, SITUATION, "When I lie awake before a deadline");
        });
        step(blake, "blake-draft-saved", () -> {
            openHomework(blake, COPING_CARD);
            answer(blake, SITUATION, "When the inbox fills up on Monday");
        });

        Map<Person, String> clientIds = new LinkedHashMap<>();
        step(tara, "therapist-reminds-both", () -> {
            for (Person client : List.of(ASH, BLAKE)) {
                clientIds.put(client, clientId(tara, client));
                remindNow(tara, clientIds.get(client), client, COPING_CARD);
            }
        });
        step(tara, "reminders-arrived-once", () -> {
            awaitReminders(ASH, 1);
            awaitReminders(BLAKE, 1);
        });

        // --- 2. the lone client's instance dies mid-answer -------------------------------------------
        step(lone, "lone-client-answer-autosaved", () -> answer(lone, THOUGHT, "I will never catch up"));
        step(lone, "instance-" + victim + "-killed", () -> kill(victim));
        // started again at once, as a supervisor would: its start (20 s on an idle machine, two minutes on a
        // busy one) overlaps what follows; the next few steps, which expect it still away, take a few seconds
        Process restart = new ProcessBuilder(START_SCRIPT, CLUSTER_DIR.toString(), victim).inheritIO().start();
        long restartStart = System.nanoTime();

        step(tara, "therapist-notices-nothing", () -> {
            tara.driver.get(BASE_URL + "/app/clients");
            tara.visible(By.id("caseload-grid"));
            tara.settle();
            tara.waitFor(d -> tara.linkByText("a.caseload-name", lonePerson.name()).orElse(null));
            assertThat(tara.driver.getCurrentUrl()).startsWith(BASE_URL + "/app");
            assertThat(tara.driver.findElements(By.id("sign-in"))).as("no sign-in page for the therapist").isEmpty();
            assertThat(server(tara)).isEqualTo(survivor);
        });
        step(partner, "other-client-notices-nothing", () -> {
            answer(partner, THOUGHT, "Everyone else copes better");
            assertThat(partner.driver.findElements(By.id("sign-in"))).as("no sign-in page for " + partnerPerson.name()).isEmpty();
            assertThat(server(partner)).isEqualTo(survivor);
        });

        step(lone, "lone-client-asked-to-sign-in-again", () -> {
            // the next move reaches the survivor, which has no session for this page: Vaadin reloads it and
            // the sign-in page comes
            WebElement field = lone.byLabel(lone.visible(By.cssSelector(".homework-page")), "vaadin-text-area", REMINDER);
            WebElement input = field.findElement(By.cssSelector("textarea"));
            lone.scrollIntoView(input);
            input.click();
            input.sendKeys("Deadlines have moved before");
            input.sendKeys(org.openqa.selenium.Keys.TAB);
            lone.waitFor(d -> !d.findElements(By.id("sign-in")).isEmpty() && d.findElement(By.id("sign-in")).isDisplayed());
            System.out.println("[e2e] after the kill, " + lonePerson.name() + " was sent to " + lone.driver.getCurrentUrl());
        });
        step(lone, "lone-client-signed-in-on-the-survivor", () -> {
            signInClient(lone, lonePerson);
            assertThat(server(lone)).as("HAProxy sent the session to the instance still up").isEqualTo(survivor);
        });
        // --- 3. the killed instance comes back; work and reminders go on meanwhile ----------------------
        step(lone, "lone-client-finds-the-saved-answers", () -> {
            openHomework(lone, COPING_CARD);
            WebElement page = lone.visible(By.cssSelector(".homework-page"));
            String situation = lonePerson == ASH ? "When I lie awake before a deadline" : "When the inbox fills up on Monday";
            lone.waitFor(d -> situation.equals(lone.inputValue(lone.byLabel(page, "vaadin-text-area", SITUATION))));
            assertThat(lone.inputValue(lone.byLabel(page, "vaadin-text-area", THOUGHT)))
                    .as("the answer that autosaved just before the instance died").isEqualTo("I will never catch up");
            lone.scrollToTop(lone.byLabel(page, "vaadin-text-area", SITUATION));
        });

        step(tara, "therapist-reminds-both-again", () -> {
            for (Person client : List.of(ASH, BLAKE)) {
                remindNow(tara, clientIds.get(client), client, MOOD_LOG);
            }
        });
        step(tara, "second-reminders-arrived-once", () -> {
            awaitReminders(ASH, 2);
            awaitReminders(BLAKE, 2);
        });
        assertThat(restart.waitFor(30, TimeUnit.SECONDS)).as("the start script returns").isTrue();
        assertThat(restart.exitValue()).as("the start script's exit status").isZero();
        awaitInRotation(victim);
        System.out.printf("[e2e] instance %s back behind HAProxy %.1f s after the start script ran%n",
                victim, (System.nanoTime() - restartStart) / 1e9);

        Browser cam = Browser.open("cluster-new-session");
        step(cam, "new-session-lands-on-the-restarted-instance", () -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                cam.driver.manage().deleteAllCookies();
                cam.driver.get(BASE_URL + "/c/" + CLINIC);
                cam.visible(By.id("sign-in"));
                if (victim.equals(server(cam))) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no new session reached the restarted instance " + victim + " within 30 s");
                }
                Thread.sleep(500);
            }
        });
        step(cam, "new-client-works-on-the-restarted-instance", () -> {
            signInClient(cam, CAM);
            openHomework(cam, COPING_CARD);
            answer(cam, SITUATION, "When the train is late again");
            assertThat(server(cam)).isEqualTo(victim);
        });

        step(tara, "every-reminder-arrived-exactly-once", () -> {
            for (Person client : List.of(ASH, BLAKE)) {
                Map<String, Long> byMessageId = reminders(client);
                assertThat(byMessageId).as("reminders to " + client.name() + " by Message-ID").hasSize(2);
                assertThat(byMessageId.values()).as("each reminder to " + client.name() + " arrived once").containsOnly(1L);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------
    // people's moves

    /** Signs a client in on the clinic's page the browser shows (or opens it) and waits for Today. */
    private static void signInClient(Browser browser, Person person) {
        if (browser.displayed(By.id("sign-in")).isEmpty() || !browser.driver.getCurrentUrl().startsWith(BASE_URL + "/c/" + CLINIC)) {
            browser.driver.get(BASE_URL + "/c/" + CLINIC);
            browser.visible(By.id("sign-in"));
        }
        browser.settle();
        browser.type("email", person.email());
        browser.type("password", CLIENT_PASSWORD);
        browser.click(browser.visible(By.id("sign-in")));
        browser.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/my") + "/?$"));
        assertThat(browser.visible(By.id("home-title")).getText()).contains(person.name());
    }

    /** Clears both quiet-hours pickers on /my/reminders and saves: reminders may come at any time. */
    private static void noQuietHours(Browser browser) {
        browser.driver.get(BASE_URL + "/my/reminders");
        for (String id : List.of("reminders-quiet-start", "reminders-quiet-end")) {
            WebElement picker = browser.visible(By.id(id));
            WebElement input = picker.findElement(By.cssSelector("input"));
            browser.click(input);
            input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE);
            input.sendKeys(org.openqa.selenium.Keys.TAB);
            browser.settle();
            browser.waitFor(d -> "".equals(browser.property(picker, "value")));
        }
        browser.waitFor(d -> t("reminders.quiet.none").equals(browser.text(By.id("reminders-quiet-note"))));
        browser.click(browser.visible(By.id("reminders-save")));
        browser.waitFor(d -> browser.deepText("vaadin-notification-card").contains(t("reminders.saved")));
    }

    /** From Today, opens the homework with this title. */
    private static void openHomework(Browser browser, String title) {
        browser.driver.get(BASE_URL + "/my");
        WebElement card = browser.waitFor(d -> d.findElements(By.cssSelector(".today-section .homework-card")).stream()
                .filter(c -> c.findElements(By.cssSelector(".homework-card-head h3")).stream()
                        .anyMatch(h -> title.equals(h.getText().strip())))
                .findFirst().orElse(null));
        browser.click(card.findElement(By.cssSelector(".homework-open")));
        browser.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/my/homework/") + "[0-9a-f-]{36}/?$"));
        assertThat(browser.visible(By.cssSelector(".homework-page h1")).getText()).isEqualTo(title);
    }

    /** Types an answer on the open homework page and waits until the page says it was saved. */
    private static void answer(Browser browser, String label, String text) {
        WebElement page = browser.visible(By.cssSelector(".homework-page"));
        WebElement field = browser.byLabel(page, "vaadin-text-area", label);
        browser.typeInto(field, text);
        browser.quiet();
        String saved = t("portal.save.saved", "");
        browser.waitFor(d -> browser.text(By.id("save-status")).startsWith(saved.strip()));
        assertThat(browser.classes(browser.visible(By.id("save-status")))).doesNotContain("save-status--problem");
        browser.scrollToTop(field);
    }

    /** The client's id, from the link on the therapist's caseload. */
    private static String clientId(Browser tara, Person client) {
        tara.driver.get(BASE_URL + "/app/clients");
        tara.visible(By.id("caseload-grid"));
        tara.settle();
        WebElement link = tara.waitFor(d -> tara.linkByText("a.caseload-name", client.name()).orElse(null));
        Matcher id = Pattern.compile("clients/([0-9a-f-]{36})").matcher(String.valueOf(link.getDomAttribute("href")));
        assertThat(id.find()).as("the caseload links to the client's page").isTrue();
        return id.group(1);
    }

    /** "Remind now" for one plan on the client's reminders page. */
    private static void remindNow(Browser tara, String clientId, Person client, String title) {
        tara.driver.get(BASE_URL + "/app/clients/" + clientId + "/reminders");
        WebElement row = tara.waitFor(d -> d.findElements(By.cssSelector(".before-row")).stream()
                .filter(r -> r.getText().contains(title)).findFirst().orElse(null));
        WebElement button = row.findElement(By.tagName("vaadin-button"));
        assertThat(button.getText().strip()).isEqualTo(t("delivery.remind-now"));
        tara.click(button);
        tara.waitFor(d -> tara.deepText("vaadin-notification-card").contains(t("delivery.remind-now.sent", client.name())));
    }

    // ---------------------------------------------------------------------------------------------
    // the instances

    /** The instance HAProxy's cookie sends this browser to (a or b). */
    private static String server(Browser browser) {
        Cookie cookie = browser.driver.manage().getCookieNamed(SERVER_COOKIE);
        assertThat(cookie).as("HAProxy's " + SERVER_COOKIE + " cookie (is " + BASE_URL + " the balancer?)").isNotNull();
        return cookie.getValue();
    }

    /** kill -9 of the instance's JVM, by the pid its start wrote down. */
    private static void kill(String name) throws Exception {
        long pid = Long.parseLong(Files.readString(CLUSTER_DIR.resolve(name + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("instance " + name + " (pid " + pid + ") is not running"));
        assertThat(process.info().commandLine().orElse(""))
                .as("pid %d, from %s, is a Homeward instance", pid, CLUSTER_DIR.resolve(name + ".pid"))
                .contains("homeward");
        assertThat(process.destroyForcibly()).as("SIGKILL sent").isTrue();
        process.onExit().get(30, TimeUnit.SECONDS);
        System.out.printf("[e2e] instance %s (pid %d) killed with SIGKILL%n", name, pid);
    }

    /**
     * Waits until the instance's own port says it is ready (the database included), then until HAProxy sends
     * it requests: one asking for it by cookie is served by it when the answer sets no new SERVERID (while it
     * is out, HAProxy sends the request elsewhere and sets the cookie to that instance). HAProxy takes an
     * instance in after two passed health checks, 2 s apart.
     */
    private static void awaitInRotation(String name) throws InterruptedException {
        URI readiness = URI.create("http://127.0.0.1:" + PORTS.get(name) + "/actuator/health/readiness");
        URI throughProxy = URI.create(BASE_URL + "/actuator/health/readiness");
        long deadline = System.nanoTime() + RESTART_TIMEOUT.toNanos();
        boolean ready = false;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (true) {
                try {
                    if (!ready) {
                        ready = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    }
                    if (ready) {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(throughProxy)
                                .header("Cookie", SERVER_COOKIE + "=" + name).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200 && response.headers().allValues("Set-Cookie").stream()
                                .noneMatch(c -> c.startsWith(SERVER_COOKIE + "="))) {
                            return;
                        }
                    }
                } catch (IOException starting) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("instance " + name + (ready ? " was ready at " + readiness + " but HAProxy did not"
                            + " send it requests" : " was not ready at " + readiness) + " within "
                            + RESTART_TIMEOUT.toSeconds() + " s; see " + CLUSTER_DIR.resolve(name + ".log"));
                }
                Thread.sleep(500);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // mail

    /** Waits until the client has received this many distinct reminders. */
    private static void awaitReminders(Person client, int distinct) {
        long deadline = System.nanoTime() + MAIL_TIMEOUT.toNanos();
        while (reminders(client).size() < distinct) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(client.name() + " received " + reminders(client) + " (by Message-ID), not "
                        + distinct + " distinct reminders, within " + MAIL_TIMEOUT.toSeconds() + " s; GreenMail (127.0.0.1:"
                        + SMTP_PORT + ") received " + MAIL.getReceivedMessages().length + " mail(s) in all");
            }
            MAIL.waitForIncomingEmail(500, MAIL.getReceivedMessages().length + 1);
        }
        assertThat(reminders(client).values()).as("no reminder to " + client.name() + " arrived twice").containsOnly(1L);
    }

    /** The client's reminders received so far: how many times each Message-ID arrived. */
    private static Map<String, Long> reminders(Person client) {
        return Mails.to(MAIL, client.email()).stream()
                .map(TwoInstancesJourneyTest::messageId)
                .filter(id -> id.startsWith("<reminder-"))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    private static String messageId(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getMessageID()).orElse("");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // text, steps and timings

    /** The app's own English text for the key. */
    private static String t(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle("i18n/messages", ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, ENGLISH).format(arguments);
    }

    private void step(Browser browser, String name, Browser.Action action) {
        browser.step("%s%02d-%s".formatted(PREFIX, ++stepNumber, name), action,
                (label, seconds, failed) -> timings.put(failed ? label + " (FAILED)" : label, seconds));
    }

    private void printTimings(double wallSeconds) {
        StringBuilder out = new StringBuilder("[e2e] two-instance journey timings (actions, without screenshots):\n");
        double total = 0;
        for (Map.Entry<String, Double> timing : timings.entrySet()) {
            out.append("[e2e]   %-60s %6.1f s%n".formatted(timing.getKey(), timing.getValue()));
            total += timing.getValue();
        }
        out.append("[e2e]   %-60s %6.1f s (%.1f s wall clock with browsers and screenshots)%n"
                .formatted("total", total, wallSeconds));
        System.out.print(out);
    }
}
