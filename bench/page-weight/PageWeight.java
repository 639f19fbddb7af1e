import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page weight and largest contentful paint of the pages a client opens on a phone, measured in
 * Chromium with a cold cache (issue 15). Run by {@code bench/page-weight/run}, which starts the app.
 *
 * <p>For each page and network profile it opens a fresh browser session (no cache, no service worker),
 * signs the client in where the page needs it, clears the HTTP cache, then loads the page and reads
 * what the browser itself measured: the last {@code largest-contentful-paint} entry (observed from the
 * first byte of the document with a buffered PerformanceObserver) and every resource's transfer size
 * from Resource Timing (compressed bytes on the wire, headers included), grouped by type.
 *
 * <p>Profiles: loopback (no throttling) and "slow" (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up,
 * 4× CPU slowdown, through the DevTools protocol: Network.emulateNetworkConditions and
 * Emulation.setCPUThrottlingRate). Arguments: base URL, clinic slug, client email, password, runs.
 */
public class PageWeight {

    record Sample(String page, String profile, long lcpMs, Map<String, Long> bytesByType) {
        long total() {
            return bytesByType.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final String OBSERVE_LCP = """
            window.__lcp = 0;
            new PerformanceObserver(list => {
                for (const entry of list.getEntries()) { window.__lcp = entry.startTime; }
            }).observe({type: 'largest-contentful-paint', buffered: true});
            """;

    private static final String BYTES = """
            const out = {};
            const add = (type, n) => { out[type] = (out[type] || 0) + (n || 0); };
            const nav = performance.getEntriesByType('navigation')[0];
            if (nav) { add('document', nav.transferSize); }
            for (const r of performance.getEntriesByType('resource')) {
                const path = r.name.split('?')[0];
                const type = /\\.m?js$/.test(path) ? 'js' : /\\.css$/.test(path) ? 'css'
                    : /\\.(woff2?|ttf|otf)$/.test(path) ? 'font'
                    : /\\.(png|jpe?g|gif|svg|webp|ico)$/.test(path) ? 'image'
                    : r.initiatorType === 'xmlhttprequest' || r.initiatorType === 'fetch' ? 'xhr' : 'other';
                add(type, r.transferSize);
            }
            return out;
            """;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String clinic = args[1];
        String email = args[2];
        String password = args[3];
        int runs = Integer.parseInt(args[4]);
        String chromium = System.getProperty("chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("chromedriver", "/usr/bin/chromedriver");

        List<Sample> samples = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (String profile : List.of("loopback", "slow")) {
                for (String page : List.of("clinic", "today", "progress", "homework")) {
                    samples.add(measure(base, clinic, email, password, page, profile, chromium, chromedriver));
                    Sample s = samples.getLast();
                    System.out.printf("run %d %-8s %-9s lcp_ms=%5d total_kb=%6.1f %s%n", run, profile, page,
                            s.lcpMs(), s.total() / 1024.0, kb(s.bytesByType()));
                }
            }
        }

        System.out.println();
        System.out.println("median of " + runs + " runs (range):");
        for (String profile : List.of("loopback", "slow")) {
            for (String page : List.of("clinic", "today", "progress", "homework")) {
                List<Sample> these = samples.stream().filter(s -> s.page().equals(page) && s.profile().equals(profile)).toList();
                List<Long> lcp = these.stream().map(Sample::lcpMs).sorted().toList();
                List<Long> js = these.stream().map(s -> s.bytesByType().getOrDefault("js", 0L)).sorted().toList();
                List<Long> total = these.stream().map(Sample::total).sorted().toList();
                System.out.printf("%-8s %-9s lcp_ms=%d (%d–%d) js_kb=%.1f total_kb=%.1f%n", profile, page,
                        median(lcp), lcp.getFirst(), lcp.getLast(), median(js) / 1024.0, median(total) / 1024.0);
            }
        }
        headers(base);

        long today = median(lcpOf(samples, "today", "loopback"));
        long todaySlow = median(lcpOf(samples, "today", "slow"));
        long js = median(samples.stream().filter(s -> s.page().equals("today") && s.profile().equals("loopback"))
                .map(s -> s.bytesByType().getOrDefault("js", 0L)).sorted().toList());
        System.out.printf("lcp_ms_client_today=%d lcp_ms_client_today_slow=%d js_kb_compressed=%d%n",
                today, todaySlow, Math.round(js / 1024.0));
    }

    /**
     * How the static resources are served: the encoding the server picks when the browser accepts Brotli
     * and gzip, and the caching headers, for the JavaScript and CSS the client's pages load.
     */
    private static void headers(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/c/sunrise")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?:src|href)=\"\\.?/?([^\"]+\\.(?:js|css)(?:\\?[^\"]*)?)\"").matcher(page);
        System.out.println();
        System.out.println("static resources (Accept-Encoding: br, gzip):");
        while (m.find()) {
            String path = "/" + m.group(1);
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept-Encoding", "br, gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            System.out.printf("%s status=%d encoding=%s bytes=%d cache-control=%s%n", path, response.statusCode(),
                    response.headers().firstValue("content-encoding").orElse("none"), response.body().length,
                    response.headers().firstValue("cache-control").orElse("none"));
        }
    }

    private static List<Long> lcpOf(List<Sample> samples, String page, String profile) {
        return samples.stream().filter(s -> s.page().equals(page) && s.profile().equals(profile))
                .map(Sample::lcpMs).sorted().toList();
    }

    private static long median(List<Long> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private static String kb(Map<String, Long> bytes) {
        StringBuilder out = new StringBuilder();
        bytes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(e.getKey()).append('=').append(String.format("%.1f", e.getValue() / 1024.0)).append(' '));
        return out.toString().strip();
    }

    private static Sample measure(String base, String clinic, String email, String password, String page,
                                  String profile, String chromium, String chromedriver) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844",
                "--disable-extensions", "--no-first-run", "--disable-background-networking");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            String target = base + "/c/" + clinic;
            if (!page.equals("clinic")) {
                driver.get(base + "/c/" + clinic);
                wait.until(d -> !d.findElements(By.id("email")).isEmpty());
                type(driver, "email", email);
                type(driver, "password", password);
                driver.findElement(By.id("sign-in")).click();
                wait.until(d -> d.getCurrentUrl().matches(".*/my/?$"));
                wait.until(d -> !d.findElements(By.id("home-title")).isEmpty());
                target = switch (page) {
                    case "today" -> base + "/my";
                    case "progress" -> base + "/my/progress";
                    default -> {
                        WebElement open = wait.until(d -> d.findElements(By.cssSelector(".homework-open")).stream()
                                .findFirst().orElse(null));
                        open.click();
                        wait.until(d -> d.getCurrentUrl().contains("/my/homework/"));
                        yield driver.getCurrentUrl();
                    }
                };
                driver.get("about:blank");
            }
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
            if (profile.equals("slow")) {
                driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                        "offline", false, "latency", 150,
                        "downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8));
                driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
            }
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVE_LCP));
            driver.get(target);
            String marker = switch (page) {
                case "clinic" -> "#sign-in";
                case "homework" -> "#submit-homework, #reflection, .homework-page h1";
                default -> "#home-title, .client-content h1";
            };
            wait.until(d -> !d.findElements(By.cssSelector(marker)).isEmpty());
            // LCP is final once the page has been still for a moment (no input here ends it early)
            Thread.sleep(profile.equals("slow") ? 4000 : 1500);
            Number lcp = (Number) driver.executeScript("return window.__lcp;");
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = (Map<String, Object>) driver.executeScript(BYTES);
            Map<String, Long> bytes = new LinkedHashMap<>();
            raw.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                    .forEach(e -> bytes.put(e.getKey(), ((Number) e.getValue()).longValue()));
            return new Sample(page, profile, lcp == null ? -1 : Math.round(lcp.doubleValue()), bytes);
        } finally {
            driver.quit();
        }
    }

    private static void type(ChromeDriver driver, String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        WebElement input = field.findElements(By.tagName("input")).stream().findFirst().orElse(field);
        input.click();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }
}
