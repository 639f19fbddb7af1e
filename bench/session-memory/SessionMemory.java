package app.homeward.bench;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Live heap per signed-in session (issue 15), measured from outside on the running jar. Run by
 * {@code bench/session-memory/run}, which starts the app, generates the bench clinic and compiles this file
 * together with bench/load's protocol classes ({@link VaadinTab}, {@link VaadinUi}, {@link Enrolment},
 * {@link Totp}: hence their package).
 *
 * <p>Sessions are made one after another, each signed in as a person does it and then left alone on its
 * page (a client's homework page; a therapist's client page): the server keeps the session, its UI and its
 * view, as for a phone that lost its signal. Two ways to make them ({@code -Ddriver}):
 * <ul>
 * <li>{@code http} (default): Vaadin's own protocol over {@code java.net.http}, one cookie jar per session
 * (bench/load's {@link VaadinTab}): the bootstrap page, the init request, UIDL messages with the CSRF token
 * and sync ids; the pages left on the way send their unload beacon, the last page sends nothing more;</li>
 * <li>{@code browser}: one headless Chromium (Selenium); the last page is left with Vaadin's requests
 * blocked (so its unload beacon never reaches the server) and the cookies deleted.</li>
 * </ul>
 * Between the phases it asks the JVM for a class histogram ({@code jcmd PID GC.class_histogram}: a full GC
 * first, then every live object counted by class, so the total is live heap only, without free space or
 * G1 region slack), and divides the growth by N.
 *
 * <p>Therapists sign in with their second factor: each bench therapist is enrolled once before the
 * baseline (reading the secret from the enrolment page) and the codes are computed ({@link Totp}, RFC 6238).
 * Homeward accepts each step's code once per account, so sessions rotate over the bench's therapist
 * accounts and wait only when an account's next step has not come yet.
 *
 * <p>Arguments: base URL, clinic slug, password, N, app pid, output directory, client emails
 * (comma-separated), therapist emails (comma-separated).
 */
public class SessionMemory {

    /** What is counted per phase: the check that every session stayed whole, and its size in state nodes. */
    private static final List<String> KEPT = List.of("com.vaadin.flow.server.VaadinSession",
            "com.vaadin.flow.component.UI", "com.vaadin.flow.internal.StateNode",
            "app.homeward.homework.portal.ui.TodayView", "app.homeward.homework.portal.ui.DoHomeworkView",
            "app.homeward.portal.ui.StaffHomeView", "app.homeward.client.ui.ClientView");

    /** One way of making sessions. */
    interface Sessions {

        /** First sign-in of a bench therapist: sets up the authenticator; not counted. */
        void enrol(String email) throws Exception;

        /** A client signs in, opens Today, then the first homework there; the session is then left live. */
        void clientSession(String email) throws Exception;

        /** A therapist signs in with a code and opens a client's page; the session is then left live. */
        void therapistSession(String email) throws Exception;

        void close();
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String clinic = args[1];
        String password = args[2];
        int n = Integer.parseInt(args[3]);
        long pid = Long.parseLong(args[4]);
        Path out = Path.of(args[5]);
        List<String> clients = List.of(args[6].split(","));
        List<String> therapists = List.of(args[7].split(","));
        String driver = System.getProperty("driver", "http");

        Sessions bench = switch (driver) {
            case "http" -> new HttpSessions(base, clinic, password);
            case "browser" -> new BrowserSessions(base, clinic, password);
            default -> throw new IllegalArgumentException("driver is http or browser, not " + driver);
        };
        // stopped from outside (Ctrl-C, kill): still close the browser, or it outlives the benchmark
        Thread quit = new Thread(bench::close);
        Runtime.getRuntime().addShutdownHook(quit);
        try {
            long t0 = System.nanoTime();
            for (String therapist : therapists) {
                bench.enrol(therapist);
            }
            // warm-up: one session of each kind, so first-use caches, classes and pools are in the baseline
            bench.clientSession(clients.getFirst());
            bench.therapistSession(therapists.getFirst());
            log("%s: enrolled %d therapists and warmed up in %d s", driver, therapists.size(), secondsSince(t0));

            Histogram zero = Histogram.take(pid, out.resolve("0-baseline.txt"));
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                bench.clientSession(clients.get(i % clients.size()));
                if ((i + 1) % 25 == 0) {
                    log("%d client sessions (%d s)", i + 1, secondsSince(t1));
                }
            }
            long clientNanos = System.nanoTime() - t1;
            Histogram withClients = Histogram.take(pid, out.resolve("1-clients.txt"));
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                bench.therapistSession(therapists.get(i % therapists.size()));
                if ((i + 1) % 25 == 0) {
                    log("%d therapist sessions (%d s)", i + 1, secondsSince(t2));
                }
            }
            long therapistNanos = System.nanoTime() - t2;
            Histogram withTherapists = Histogram.take(pid, out.resolve("2-therapists.txt"));

            System.out.printf(Locale.ROOT, "live_heap_kb baseline=%.0f with_%d_clients=%.0f with_%d_more_therapists=%.0f%n",
                    zero.total / 1024.0, n, withClients.total / 1024.0, n, withTherapists.total / 1024.0);
            // the check that the sessions stayed whole: one Vaadin session, UI and view per session made
            for (String kept : KEPT) {
                System.out.printf(Locale.ROOT, "instances %s baseline=%d with_clients=%d with_therapists=%d"
                                + " per_client_session=%.2f per_therapist_session=%.2f%n", kept,
                        zero.instances.getOrDefault(kept, 0L), withClients.instances.getOrDefault(kept, 0L),
                        withTherapists.instances.getOrDefault(kept, 0L), zero.growth(withClients, kept, n),
                        withClients.growth(withTherapists, kept, n));
            }
            System.out.println("top holders per client session (bytes, instances per session):");
            top(zero, withClients, n);
            System.out.println("top holders per therapist session (bytes, instances per session):");
            top(withClients, withTherapists, n);
            System.out.printf(Locale.ROOT, "driver=%s seconds_per_client_session=%.2f seconds_per_therapist_session=%.2f%n",
                    driver, clientNanos / 1e9 / n, therapistNanos / 1e9 / n);
            String ui = "com.vaadin.flow.component.UI";
            String node = "com.vaadin.flow.internal.StateNode";
            System.out.printf(Locale.ROOT, "client_kb=%.1f therapist_kb=%.1f client_uis=%.2f therapist_uis=%.2f"
                            + " client_state_nodes=%.1f therapist_state_nodes=%.1f%n",
                    (withClients.total - zero.total) / 1024.0 / n, (withTherapists.total - withClients.total) / 1024.0 / n,
                    zero.growth(withClients, ui, n), withClients.growth(withTherapists, ui, n),
                    zero.growth(withClients, node, n), withClients.growth(withTherapists, node, n));
        } finally {
            Runtime.getRuntime().removeShutdownHook(quit);
            bench.close();
        }
    }

    private static void top(Histogram before, Histogram after, int n) {
        Map<String, long[]> growth = new LinkedHashMap<>();
        after.bytes.forEach((name, bytes) -> growth.put(name, new long[]{
                bytes - before.bytes.getOrDefault(name, 0L),
                after.instances.get(name) - before.instances.getOrDefault(name, 0L)}));
        growth.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(25)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %9.0f B %8.1f  %s%n", e.getValue()[0] / (double) n,
                        e.getValue()[1] / (double) n, e.getKey()));
    }

    /** Sessions over Vaadin's HTTP protocol, each tab with its own cookie jar (bench/load's code). */
    static final class HttpSessions implements Sessions {

        private final String base;
        private final String clinic;
        private final String password;
        private final Map<String, String> clientPage = new HashMap<>();

        HttpSessions(String base, String clinic, String password) {
            this.base = base;
            this.clinic = clinic;
            this.password = password;
        }

        @Override
        public void enrol(String email) throws Exception {
            try (VaadinTab tab = new Enrolment(base, clinic, password).enrolled(email)) {
                tab.open("app/clients");
                List<String> pages = tab.ui.hrefs("app/clients/");
                if (pages.isEmpty()) {
                    throw new IllegalStateException(email + ": no client in the caseload");
                }
                clientPage.put(email, pages.getFirst());
                tab.open(pages.getFirst());
                // this session is not counted: the page closes normally
                tab.unload();
            }
        }

        @Override
        public void clientSession(String email) throws Exception {
            try (VaadinTab tab = new VaadinTab(base)) {
                VaadinUi ui = tab.ui;
                tab.open(tab.signIn(clinic, email, password));
                ui.needId("home-title");
                // the first homework on Today (state nodes are numbered in page order as the view is attached),
                // clicked as a person does (a server-side navigation)
                int open = ui.find(node -> node.list(11).contains("homework-open"))
                        .orElseThrow(() -> new IllegalStateException(email + ": no homework on Today"));
                tab.send(ui.message(ui.click(VaadinUi.rpcs(), open)));
                if (ui.find(node -> node.list(11).contains("homework-page")).isEmpty()) {
                    throw new IllegalStateException(email + ": no homework page");
                }
                // left alone: no unload beacon, no further request; closing the tab only drops its connections
            }
        }

        @Override
        public void therapistSession(String email) throws Exception {
            try (VaadinTab tab = new VaadinTab(base)) {
                VaadinUi ui = tab.ui;
                tab.open(tab.signIn(clinic, email, password));
                var r = VaadinUi.rpcs();
                ui.set(r, ui.needId("code"), "value", Totp.nextCode(email));
                tab.send(ui.message(ui.click(r, ui.needId("verify-code"))));
                if (ui.location == null) {
                    throw new IllegalStateException(email + ": code not accepted");
                }
                tab.open(ui.location);
                ui.needId("home-title");
                tab.open(clientPage.get(email));
                if (ui.find(node -> "h1".equals(node.tag())).isEmpty()) {
                    throw new IllegalStateException(email + ": no client page");
                }
                // left alone: no unload beacon, no further request; closing the tab only drops its connections
            }
        }

        @Override
        public void close() {
        }
    }

    /** Sessions made by one headless Chromium (Selenium), one after another. */
    static final class BrowserSessions implements Sessions {

        private static final Duration TIMEOUT = Duration.ofSeconds(60);

        private final String base;
        private final String clinic;
        private final String password;
        private final ChromeDriver driver;
        private final WebDriverWait wait;
        private final Map<String, String> clientPage = new HashMap<>();

        BrowserSessions(String base, String clinic, String password) {
            this.base = base;
            this.clinic = clinic;
            this.password = password;
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                    "--disable-extensions", "--no-first-run", "--disable-background-networking", "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver"))).build();
            this.driver = new ChromeDriver(service, options);
            this.wait = new WebDriverWait(driver, TIMEOUT);
            driver.executeCdpCommand("Network.enable", Map.of());
        }

        @Override
        public void close() {
            driver.quit();
        }

        @Override
        public void clientSession(String email) {
            signIn(email);
            wait.until(d -> d.getCurrentUrl().matches(".*/my/?$"));
            WebElement open = wait.until(d -> d.findElements(By.cssSelector(".homework-open")).stream().findFirst().orElse(null));
            open.click();
            wait.until(d -> d.getCurrentUrl().contains("/my/homework/"));
            wait.until(d -> !d.findElements(By.cssSelector("#submit-homework, #reflection, .homework-page h1")).isEmpty());
            idle();
            leaveSessionLive();
        }

        @Override
        public void therapistSession(String email) {
            signIn(email);
            wait.until(d -> d.getCurrentUrl().endsWith("/second-factor"));
            type("code", Totp.nextCode(email));
            click(By.id("verify-code"));
            wait.until(d -> d.getCurrentUrl().matches(".*/app/?$"));
            wait.until(d -> !d.findElements(By.id("home-title")).isEmpty());
            openClientPage(email);
            leaveSessionLive();
        }

        @Override
        public void enrol(String email) {
            signIn(email);
            wait.until(d -> d.getCurrentUrl().endsWith("/second-factor"));
            WebElement shown = wait.until(d -> d.findElements(By.id("totp-secret")).stream().findFirst().orElse(null));
            String secret = shown.getText();
            long step = Totp.currentStep();
            type("enrol-code", Totp.code(secret, step));
            click(By.id("confirm-enrolment"));
            wait.until(d -> !d.findElements(By.id("recovery-codes")).isEmpty());
            Totp.enrolled(email, secret, step);
            click(By.id("continue-after-codes"));
            wait.until(d -> !d.findElements(By.id("home-title")).isEmpty());
            openClientPage(email);
            // this session is not counted: the page closes normally and the cookie goes
            driver.get("about:blank");
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        }

        private void openClientPage(String email) {
            String page = clientPage.get(email);
            if (page == null) {
                driver.get(base + "/app/clients");
                WebElement link = wait.until(d -> d.findElements(By.cssSelector("#caseload-grid a[href*='clients/']"))
                        .stream().findFirst().orElse(null));
                page = link.getDomProperty("href");
                clientPage.put(email, page);
            }
            driver.get(page);
            wait.until(d -> d.getCurrentUrl().contains("/app/clients/"));
            wait.until(d -> !d.findElements(By.cssSelector("h1, h2")).isEmpty());
            idle();
        }

        private void signIn(String email) {
            driver.get(base + "/c/" + clinic);
            wait.until(d -> !d.findElements(By.id("email")).isEmpty());
            idle();
            type("email", email);
            type("password", password);
            click(By.id("sign-in"));
        }

        /**
         * Leaves the page without telling the server (Vaadin's unload beacon and any heartbeat are blocked
         * while the page goes), then forgets the session cookie: the server holds the session and its UI
         * until they time out, as for a phone that lost its signal.
         */
        private void leaveSessionLive() {
            // cookies first: a beacon that slipped through could then not name the session; the block stays a
            // moment after the page has gone, since the browser sends the beacon after unloading it
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*v-r=*")));
            driver.get("about:blank");
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }

        /** Waits until Vaadin has no request in flight, so the view the server built is the whole view. */
        private void idle() {
            wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript("""
                    const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                    if (!clients) { return true; }
                    return Object.values(clients).every(c => !c.isActive || !c.isActive());
                    """)));
        }

        private void type(String id, String text) {
            WebElement field = wait.until(d -> d.findElements(By.id(id)).stream().findFirst().orElse(null));
            WebElement input = field.findElements(By.cssSelector("input, textarea")).stream().findFirst().orElse(field);
            input.click();
            input.sendKeys(text);
            input.sendKeys(Keys.TAB);
        }

        private void click(By by) {
            wait.until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        }
    }

    private static long secondsSince(long start) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    }

    private static void log(String format, Object... args) {
        System.err.printf("[session-memory] " + format + "%n", args);
    }

    /** {@code jcmd PID GC.class_histogram}: full GC, then live objects by class; saved for later diffs. */
    record Histogram(long total, Map<String, Long> bytes, Map<String, Long> instances) {

        /** Instances of a class more in {@code after}, per session. */
        double growth(Histogram after, String name, int n) {
            return (after.instances.getOrDefault(name, 0L) - instances.getOrDefault(name, 0L)) / (double) n;
        }

        static Histogram take(long pid, Path file) throws Exception {
            // a full GC first and a moment for finalizers and cleaners to run, so objects that were only
            // waiting for them (closed channels, zip file systems) are gone before the counting GC
            new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
            Thread.sleep(2000);
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("jcmd failed: " + text);
            }
            Files.writeString(file, text);
            Map<String, Long> bytes = new HashMap<>();
            Map<String, Long> instances = new HashMap<>();
            long total = -1;
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].equals("Total")) {
                    total = Long.parseLong(f[2]);
                } else if (f.length >= 4 && f[0].endsWith(":")) {
                    bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
                    instances.merge(f[3], Long.parseLong(f[1]), Long::sum);
                }
            }
            if (total < 0) {
                throw new IllegalStateException("no total in the histogram: " + text);
            }
            return new Histogram(total, bytes, instances);
        }
    }
}
