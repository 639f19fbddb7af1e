package app.homeward.journey;

import app.homeward.QrImages;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Chromium with its own fresh profile (a separate person on a separate computer), and what the
 * browser journeys do with it: Vaadin-aware waits and moves (a Vaadin field's native input is a
 * slotted light-DOM child; overlays live in shadow roots; the server answers asynchronously), the
 * journey's steps with a screenshot after each and evidence on failure, in
 * {@code target/e2e-screenshots}.
 *
 * <p>Debian's Chromium and its matching driver, started with the flags of DESIGN.md; with both paths
 * given, Selenium Manager downloads nothing. System properties: {@code homeward.e2e.baseUrl}
 * (default http://localhost:18080, must equal the app's HOMEWARD_BASE_URL), {@code homeward.e2e.chromium}
 * (/usr/bin/chromium), {@code homeward.e2e.chromedriver} (/usr/bin/chromedriver).
 */
final class Browser implements AutoCloseable {

    static final String BASE_URL =
            System.getProperty("homeward.e2e.baseUrl", "http://localhost:18080").replaceAll("/+$", "");
    static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
    private static final String CHROMIUM = System.getProperty("homeward.e2e.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("homeward.e2e.chromedriver", "/usr/bin/chromedriver");
    /** Generous: the first Vaadin page load on a small CI machine can take a while. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Longer than a text field's lazy value-change delay (400 ms), so typed text has reached the server. */
    private static final Duration QUIET = Duration.ofMillis(900);

    /** Every browser still open, for {@link #closeAll()} after a journey. */
    private static final List<Browser> OPEN = new ArrayList<>();

    /** True while no Vaadin client on the page has a request in flight. */
    private static final String VAADIN_IDLE = """
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (!flow || !flow.clients) { return false; }
            return Object.values(flow.clients)
                .every(c => typeof c.isActive !== 'function' || !c.isActive());
            """;

    /**
     * True when no finite CSS or Web animation is still running (an overlay opening, a notification fading out).
     * Infinite ones (a progress bar, a spinner) never finish and are not waited for.
     */
    private static final String ANIMATIONS_DONE = """
            return document.getAnimations().every(a => a.playState !== 'running'
                || !a.effect || a.effect.getComputedTiming().endTime === Infinity);
            """;

    /** True when the page runs Vaadin at all (a blank page or a plain error page does not). */
    private static final String VAADIN_PAGE = """
            const flow = window.Vaadin && window.Vaadin.Flow;
            return !!(flow && flow.clients);
            """;

    /**
     * True when Vaadin's loading bar is gone. Idle, Flow sets {@code display: none} on it, but Lumo keeps
     * it displayed and fades it out (opacity to 0 over 0.8 s), so wait for the fade too.
     */
    private static final String LOADING_BAR_HIDDEN = """
            const bar = document.querySelector('.v-loading-indicator');
            return !bar || (bar.style.display === 'none' && getComputedStyle(bar).opacity === '0');
            """;

    /** The first element with the id, searching open shadow roots too (menus and overlays). */
    private static final String DEEP_BY_ID = """
            const id = arguments[0];
            const search = root => {
                const hit = root.getElementById ? root.getElementById(id) : root.querySelector('#' + CSS.escape(id));
                if (hit) { return hit; }
                for (const el of root.querySelectorAll('*')) {
                    if (el.shadowRoot) { const found = search(el.shadowRoot); if (found) { return found; } }
                }
                return null;
            };
            return search(document);
            """;

    /** Concatenated text of every element matching the selector, searching open shadow roots too. */
    private static final String DEEP_TEXT = """
            const selector = arguments[0];
            const texts = [];
            const search = root => {
                root.querySelectorAll(selector).forEach(el => texts.push(el.textContent));
                root.querySelectorAll('*').forEach(el => { if (el.shadowRoot) { search(el.shadowRoot); } });
            };
            search(document);
            return texts.join('\\n');
            """;

    /** Every element matching the selector, in the light DOM and in open shadow roots. */
    private static final String DEEP_ALL = """
            const selector = arguments[0];
            const found = [];
            const search = root => {
                root.querySelectorAll(selector).forEach(el => found.push(el));
                root.querySelectorAll('*').forEach(el => { if (el.shadowRoot) { search(el.shadowRoot); } });
            };
            search(document);
            return found;
            """;

    /**
     * The Vaadin field (tag) labelled exactly so inside the scope. When the scope is a worksheet
     * builder card, only the card's own fields count, not those of a column card nested in it.
     */
    private static final String BY_LABEL = """
            const [scope, tag, text] = arguments;
            const own = scope.classList.contains('field-editor') ? scope : null;
            return [...scope.querySelectorAll(tag)].find(el =>
                (el.label || '').trim() === text && (own === null || el.closest('.field-editor') === own)) || null;
            """;

    /** Any element with the label property inside the scope (cells of a previewed table, etc.). */
    private static final String BY_LABEL_DEEP = """
            const [scope, text] = arguments;
            return [...scope.querySelectorAll('*')].find(el => typeof el.label === 'string' && el.label.trim() === text) || null;
            """;

    /** The labels of every labelled Vaadin field inside the scope, in document order. */
    private static final String LABELS_IN = """
            return [...arguments[0].querySelectorAll('*')]
                .filter(el => el.localName.startsWith('vaadin-') && typeof el.label === 'string' && el.label.trim())
                .map(el => el.label.trim());
            """;

    /** The values of every Vaadin field inside the scope (read-only answers included), in document order. */
    private static final String VALUES_IN = """
            return [...arguments[0].querySelectorAll('*')]
                .filter(el => el.localName.startsWith('vaadin-') && el.value !== undefined && el.value !== null)
                .map(el => String(el.value));
            """;

    /** The class lists of an element's children, in order. */
    private static final String CHILD_CLASSES = """
            return [...arguments[0].children].map(el => el.className || '');
            """;

    /** The few elements reaching furthest past the right edge of the screen (for a layout finding). */
    private static final String WIDEST = """
            const edge = window.innerWidth;
            return [...document.querySelectorAll('body *')]
                .map(el => ({el, right: el.getBoundingClientRect().right}))
                .filter(x => x.right > edge + 0.5)
                .sort((a, b) => b.right - a.right)
                .slice(0, 4)
                .map(x => x.el.localName + (x.el.id ? '#' + x.el.id : '')
                    + (typeof x.el.className === 'string' && x.el.className ? '.' + x.el.className.trim().split(/\\s+/).join('.') : '')
                    + ' (right edge ' + Math.round(x.right) + ')')
                .join(', ');
            """;

    /** The options of a vaadin-select's list (not the copy of the chosen one its value button shows). */
    private static final String SELECT_OPTION = "vaadin-select-item[role='option']";

    final String name;
    final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Browser(String name, ChromeDriver driver, Path profile) {
        this.name = name;
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, TIMEOUT);
        this.wait.ignoring(StaleElementReferenceException.class);
        // poll often: timings (the worksheet builder's) should measure the app, not the test's waiting
        this.wait.pollingEvery(Duration.ofMillis(100));
    }

    static Browser open(String name) throws IOException {
        Path profile = Files.createTempDirectory("homeward-e2e-" + name + "-");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--window-size=1280,900", "--lang=en-US",
                "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en",
                "credentials_enable_service", false, "profile.password_manager_enabled", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Browser browser = new Browser(name, driver, profile);
        OPEN.add(browser);
        return browser;
    }

    /**
     * The calendar day in a zone by the application's clock, not this machine's: the server's
     * {@code Date} header. The jar under test runs on the wall clock (its clock is moved only in
     * tests and development), so this is the day the application itself works with.
     */
    static LocalDate applicationToday(ZoneId zone) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            String date = response.headers().firstValue("Date").orElseThrow(() -> new AssertionError("no Date header"));
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(zone).toLocalDate();
        } catch (IOException e) {
            throw new AssertionError("the application did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Quits every browser still open (a journey's {@code @AfterAll}). */
    static void closeAll() {
        for (Browser browser : List.copyOf(OPEN)) {
            browser.close();
        }
    }

    @Override
    public void close() {
        OPEN.remove(this);
        try {
            driver.quit();
        } catch (WebDriverException e) {
            System.err.println("[e2e] quitting the " + name + " browser failed: " + e);
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary profile left behind is harmless
        }
    }

    // ---------------------------------------------------------------------------------------------
    // steps and evidence

    /** What a step does. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Hears how long each step's action took (without its screenshot), and whether it failed. */
    @FunctionalInterface
    interface StepTimes {
        void record(String label, double seconds, boolean failed);
    }

    /** Runs one step in this browser; screenshot afterwards, or screenshot + page source + browser log on failure. */
    void step(String label, Action action) {
        step(label, action, (l, seconds, failed) -> { });
    }

    /** {@link #step(String, Action)}, telling the journey how long the action took. */
    void step(String label, Action action, StepTimes times) {
        long start = System.nanoTime();
        try {
            action.run();
        } catch (Throwable failure) {
            String url = currentUrlOrUnknown();
            saveFailureEvidence(label, failure);
            times.record(label, (System.nanoTime() - start) / 1e9, true);
            System.out.printf("[e2e] %s FAILED after %.1f s in the %s browser at %s%n",
                    label, (System.nanoTime() - start) / 1e9, name, url);
            throw new AssertionError("Journey step " + label + " failed in the " + name + " browser at " + url
                    + " (see " + SCREENSHOTS.resolve(label + "-FAILED.png") + " and .html): " + failure, failure);
        }
        long acted = System.nanoTime();
        times.record(label, (acted - start) / 1e9, false);
        quietScreenshot(label);
        try {
            // axe reads colours as they are drawn: a notification fading out reads as text without contrast
            awaitAnimations();
            Accessibility.check(driver, label, currentUrlOrUnknown());
        } catch (AssertionError violations) {
            saveFailureEvidence(label + "-axe", violations);
            throw new AssertionError("Journey step " + label + " in the " + name + " browser: " + violations.getMessage(),
                    violations);
        }
        System.out.printf("[e2e] %s ok in %.1f s (+%.1f s screenshot)%n",
                label, (acted - start) / 1e9, (System.nanoTime() - acted) / 1e9);
    }

    /**
     * Removes a journey's screenshots from an earlier run, leaving the other journeys' pictures (they
     * share the folder), and makes sure the folder exists.
     */
    static void clearScreenshots(Predicate<String> ours) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try (Stream<Path> files = Files.list(SCREENSHOTS)) {
            for (Path file : files.toList()) {
                if (ours.test(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    String currentUrlOrUnknown() {
        try {
            return driver.getCurrentUrl();
        } catch (WebDriverException e) {
            return "(unknown URL: " + e.getClass().getSimpleName() + ")";
        }
    }

    /** A screenshot once Vaadin is idle and its loading bar gone (best effort: never fails the step). */
    void quietScreenshot(String label) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
                JavascriptExecutor js = (JavascriptExecutor) d;
                return Boolean.TRUE.equals(js.executeScript(VAADIN_IDLE))
                        && Boolean.TRUE.equals(js.executeScript(LOADING_BAR_HIDDEN));
            });
        } catch (WebDriverException e) {
            // a page without Vaadin, or a slow one: take the picture anyway
        }
        screenshot(label);
    }

    void screenshot(String label) {
        try {
            Files.write(SCREENSHOTS.resolve(label + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | WebDriverException e) {
            System.err.println("[e2e] could not save screenshot " + label + ": " + e);
        }
    }

    void saveFailureEvidence(String label, Throwable failure) {
        screenshot(label + "-FAILED");
        StringBuilder report = new StringBuilder();
        report.append("<!--\n  step:    ").append(label)
                .append("\n  browser: ").append(name)
                .append("\n  url:     ").append(currentUrlOrUnknown())
                .append("\n  failure: ").append(String.valueOf(failure).replace("--", "- -"))
                .append("\n\n  browser log:\n");
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                report.append("    ").append(entry.toString().replace("--", "- -")).append('\n');
            }
        } catch (RuntimeException e) {
            report.append("    (not available: ").append(e.getClass().getSimpleName()).append(")\n");
        }
        report.append("-->\n");
        try {
            report.append(driver.getPageSource());
        } catch (WebDriverException e) {
            report.append("<!-- page source not available: ").append(e.getClass().getSimpleName()).append(" -->");
        }
        try {
            Files.writeString(SCREENSHOTS.resolve(label + "-FAILED.html"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("[e2e] could not save the page source for " + label + ": " + e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // waiting

    <T> T waitFor(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    /**
     * The first element matching the locator once it is displayed. An element scrolled out of the
     * app layout's content area does not count as displayed, so one that is there but not
     * displayed is scrolled into view (as a person would) before looking again.
     */
    WebElement visible(By locator) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(locator);
            if (found.isEmpty()) {
                return null;
            }
            WebElement element = found.getFirst();
            if (element.isDisplayed()) {
                return element;
            }
            scrollIntoView(element);
            return element.isDisplayed() ? element : null;
        });
    }

    /** The first displayed element matching the locator, if any (no waiting). */
    Optional<WebElement> displayed(By locator) {
        return driver.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst();
    }

    /** Waits (at most three seconds) until the page's finite animations have finished; then goes on regardless. */
    void awaitAnimations() {
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (Boolean.TRUE.equals(driver.executeScript(ANIMATIONS_DONE))) {
                    return;
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException pageGone) {
                return; // a download or an error page: axe skips it too
            }
        }
    }

    /** Waits until Vaadin has answered every request the page sent. */
    void settle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(VAADIN_IDLE)));
    }

    /**
     * Waits until Vaadin has been idle for a while: long enough for a lazy text field's delayed
     * value change (and the autosave it triggers) to have gone to the server and come back.
     */
    void quiet() {
        long[] idleSince = {0};
        wait.until(d -> {
            boolean idle = Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(VAADIN_IDLE));
            long now = System.nanoTime();
            if (!idle) {
                idleSince[0] = 0;
                return false;
            }
            if (idleSince[0] == 0) {
                idleSince[0] = now;
            }
            return now - idleSince[0] >= QUIET.toNanos();
        });
    }

    // ---------------------------------------------------------------------------------------------
    // moving around and acting like a person

    void scrollIntoView(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
    }

    /** Scrolls the element to the top of the screen, just below the app's header bar (for a screenshot). */
    void scrollToTop(WebElement element) {
        driver.executeScript("""
                const el = arguments[0];
                el.style.scrollMarginTop = '72px';
                el.scrollIntoView({block: 'start', inline: 'nearest'});
                """, element);
    }

    /** Scrolls so the element's bottom edge (padding included) sits at the bottom of the screen. */
    void scrollToBottom(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'end', inline: 'nearest'})", element);
    }

    /**
     * Clicks like a person: scrolled to the middle of the screen (clear of fixed bars at the top and
     * bottom), retried while an overlay or an animation is still in the way.
     */
    void click(WebElement element) {
        settle();
        wait.until(d -> {
            scrollIntoView(element);
            try {
                element.click();
                return true;
            } catch (ElementNotInteractableException e) {
                return false;
            }
        });
        settle();
    }

    /**
     * Types into a Vaadin text/email/password field (its native input is a slotted light-DOM child)
     * and leaves it with Tab, so the change reaches the server before anything is clicked.
     */
    void type(String fieldId, String text) {
        settle();
        typeInto(visible(By.id(fieldId)), text);
    }

    /** Types into the native input or textarea of a Vaadin field component and leaves it with Tab. */
    void typeInto(WebElement component, String text) {
        settle();
        WebElement input = component.findElement(By.cssSelector("input, textarea"));
        scrollIntoView(input);
        wait.until(ExpectedConditions.elementToBeClickable(input));
        click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        settle();
        wait.until(d -> text.equals(input.getDomProperty("value")));
    }

    /** Types a time (HH:mm) into a vaadin-time-picker and waits for the component's value to take it. */
    void typeTime(WebElement picker, String time) {
        settle();
        WebElement input = picker.findElement(By.cssSelector("input"));
        click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(time, Keys.ENTER);
        input.sendKeys(Keys.TAB);
        settle();
        wait.until(d -> time.equals(property(picker, "value")));
    }

    /** Picks an item of a vaadin-combo-box: types the filter, clicks the item with exactly this text. */
    void comboPick(WebElement combo, String filter, String itemText) {
        settle();
        WebElement input = combo.findElement(By.cssSelector("input"));
        click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(filter);
        WebElement item = wait.until(d -> deepAll("vaadin-combo-box-item").stream()
                .filter(WebElement::isDisplayed)
                .filter(i -> itemText.equals(i.getText().strip()))
                .findFirst().orElse(null));
        click(item);
        wait.until(d -> itemText.equals(input.getDomProperty("value")));
        settle();
    }

    /** Picks an item of a vaadin-select by its text (the items are rendered while it is open). */
    void choose(WebElement select, String itemText) {
        if (itemText.equals(selectedText(select))) {
            return;
        }
        click(select);
        WebElement item = wait.until(d -> deepAll(SELECT_OPTION).stream()
                .filter(WebElement::isDisplayed)
                .filter(i -> itemText.equals(i.getText().strip()))
                .findFirst().orElse(null));
        click(item);
        wait.until(d -> deepAll(SELECT_OPTION).stream().noneMatch(WebElement::isDisplayed));
        wait.until(d -> itemText.equals(selectedText(select)));
        settle();
    }

    /** The text a vaadin-select shows for its value. */
    String selectedText(WebElement select) {
        Object text = driver.executeScript("""
                const select = arguments[0];
                const button = select.querySelector('vaadin-select-value-button')
                    || (select.shadowRoot && select.shadowRoot.querySelector('vaadin-select-value-button'));
                return button ? button.textContent.trim() : '';
                """, select);
        return text == null ? "" : text.toString();
    }

    /** Ticks the radio button with this label inside a vaadin-radio-group. */
    void chooseRadio(WebElement group, String label) {
        WebElement radio = wait.until(d -> group.findElements(By.tagName("vaadin-radio-button")).stream()
                .filter(r -> label.equals(r.getText().strip()))
                .findFirst().orElse(null));
        if (radio.getDomAttribute("checked") == null) {
            click(radio.findElement(By.tagName("input")));
        }
        wait.until(d -> radio.getDomAttribute("checked") != null);
        settle();
    }

    /** Ticks the checkbox with this label inside a vaadin-checkbox-group. */
    void tick(WebElement group, String label) {
        WebElement box = wait.until(d -> group.findElements(By.tagName("vaadin-checkbox")).stream()
                .filter(c -> label.equals(c.getText().strip()))
                .findFirst().orElse(null));
        tickBox(box);
    }

    /** Ticks a single vaadin-checkbox (clicking its slotted native input) unless it is already ticked. */
    void tickBox(WebElement box) {
        if (box.getDomAttribute("checked") == null) {
            click(box.findElement(By.tagName("input")));
        }
        wait.until(d -> box.getDomAttribute("checked") != null);
        settle();
    }

    // ---------------------------------------------------------------------------------------------
    // reading the page

    String text(By locator) {
        return driver.findElement(locator).getText().strip();
    }

    /** The value of the Vaadin field with this id (its native input or textarea). */
    String value(String fieldId) {
        return driver.findElement(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"))
                .getDomProperty("value");
    }

    String inputValue(WebElement component) {
        return component.findElement(By.cssSelector("input, textarea")).getDomProperty("value");
    }

    String property(WebElement element, String name) {
        Object value = driver.executeScript("return arguments[0][arguments[1]];", element, name);
        return value == null ? null : value.toString();
    }

    String classes(WebElement element) {
        String classes = element.getDomAttribute("class");
        return classes == null ? "" : classes;
    }

    @SuppressWarnings("unchecked")
    List<String> childClasses(WebElement element) {
        return (List<String>) driver.executeScript(CHILD_CLASSES, element);
    }

    boolean contains(WebElement outer, WebElement inner) {
        return Boolean.TRUE.equals(driver.executeScript("return arguments[0].contains(arguments[1]);", outer, inner));
    }

    /** The Vaadin field of the tag with exactly this label inside the scope (waits for it). */
    WebElement byLabel(WebElement scope, String tag, String label) {
        return wait.until(d -> (WebElement) driver.executeScript(BY_LABEL, scope, tag, label));
    }

    /** Any element inside the scope whose label property is exactly this (waits for it). */
    WebElement byLabelDeep(WebElement scope, String label) {
        return wait.until(d -> (WebElement) driver.executeScript(BY_LABEL_DEEP, scope, label));
    }

    @SuppressWarnings("unchecked")
    List<String> labelsIn(WebElement scope) {
        Object labels = driver.executeScript(LABELS_IN, scope);
        return labels == null ? List.of() : (List<String>) labels;
    }

    @SuppressWarnings("unchecked")
    List<String> valuesIn(WebElement scope) {
        Object values = driver.executeScript(VALUES_IN, scope);
        return values == null ? List.of() : (List<String>) values;
    }

    /** The texts of a vaadin-grid's cells (rendered as slotted light-DOM children). */
    List<String> gridCellTexts(String gridId) {
        return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(cell -> cell.getDomProperty("textContent"))
                .map(text -> text == null ? "" : text.strip())
                .toList();
    }

    /** A link (e.g. in a grid cell) with exactly this text. */
    Optional<WebElement> linkByText(String selector, String text) {
        return driver.findElements(By.cssSelector(selector)).stream()
                .filter(a -> text.equals(a.getText().strip()))
                .findFirst();
    }

    Optional<WebElement> deepFindById(String id) {
        return Optional.ofNullable((WebElement) driver.executeScript(DEEP_BY_ID, id));
    }

    String deepText(String selector) {
        Object text = driver.executeScript(DEEP_TEXT, selector);
        return text == null ? "" : text.toString();
    }

    @SuppressWarnings("unchecked")
    List<WebElement> deepAll(String selector) {
        Object found = driver.executeScript(DEEP_ALL, selector);
        return found == null ? List.of() : (List<WebElement>) found;
    }

    // ---------------------------------------------------------------------------------------------
    // the window

    /**
     * Resizes the window so the page's viewport is exactly width × height CSS pixels; on a Vaadin page,
     * then waits for the round trip the resize may cause.
     */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Map<?, ?> viewport = (Map<?, ?>) driver.executeScript(
                "return {w: window.innerWidth, h: window.innerHeight};");
        int innerWidth = ((Number) viewport.get("w")).intValue();
        int innerHeight = ((Number) viewport.get("h")).intValue();
        if (innerWidth != width || innerHeight != height) {
            // the window has borders (or a minimum size) here: size the viewport itself instead
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                    "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        }
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth;")).intValue() == width);
        if (Boolean.TRUE.equals(driver.executeScript(VAADIN_PAGE))) {
            settle();
        }
    }

    int viewportWidth() {
        return ((Number) driver.executeScript("return window.innerWidth;")).intValue();
    }

    /** How many CSS pixels the page is wider than the viewport (0 or less: nothing sticks out). */
    int horizontalOverflow() {
        return ((Number) driver.executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;")).intValue();
    }

    /** The elements reaching furthest past the right edge of the screen, described for a finding. */
    String widestElements() {
        Object text = driver.executeScript(WIDEST);
        return text == null ? "" : text.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Homeward moves more than one journey makes

    /**
     * Opens a clinic's sign-in page and fills it in; the caller clicks "Sign in" (usually in the next
     * step, so the filled-in form is on a screenshot).
     */
    void fillInSignIn(String clinicSlug, String email, String password) {
        driver.get(BASE_URL + "/c/" + clinicSlug);
        try {
            visible(By.id("sign-in"));
        } catch (TimeoutException e) {
            throw new AssertionError("No sign-in form at " + BASE_URL + "/c/" + clinicSlug + ": is the demo clinic "
                    + "(tenants/demo.yaml) imported? The mysql profile needs HOMEWARD_TENANTS_IMPORT=true.", e);
        }
        settle();
        type("email", email);
        type("password", password);
    }

    /**
     * The second step of signing in, after the password (or an invitation or activation link) was
     * accepted: sets up the authenticator if the page asks for that (remembering the secret and the
     * recovery codes), else enters the person's next code. The caller then waits for the home page.
     */
    void passSecondStep(String email) {
        waitFor(d -> d.getCurrentUrl().endsWith("/second-factor"));
        settle();
        WebElement shown = waitFor(d -> displayed(By.id("totp-secret")).or(() -> displayed(By.id("code"))).orElse(null));
        if ("totp-secret".equals(shown.getDomAttribute("id"))) {
            setUpAuthenticator(email);
            click(visible(By.id("continue-after-codes")));
        } else {
            enterCode(Authenticator.nextCode(email));
        }
    }

    /**
     * Sets up an authenticator on the page that shows one: reads the secret as text, checks that the QR
     * code holds the same one, confirms a code, and returns the recovery codes shown (still on screen).
     */
    List<String> setUpAuthenticator(String email) {
        String secret = visible(By.id("totp-secret")).getText().replace(" ", "");
        String uri = qrCodeText();
        assertThat(uri).startsWith("otpauth://totp/").contains("secret=" + secret + "&");
        Authenticator.remember(email, secret, List.of());
        type("enrol-code", Authenticator.nextCode(email));
        click(visible(By.id("confirm-enrolment")));
        WebElement codes = visible(By.id("recovery-codes"));
        List<String> recovery = codes.findElements(By.tagName("li")).stream()
                .map(li -> li.getText().strip()).toList();
        assertThat(recovery).hasSize(10);
        Authenticator.remember(email, secret, recovery);
        return recovery;
    }

    /** Types a code (or recovery code) on the code page and sends it. */
    void enterCode(String code) {
        type("code", code);
        click(visible(By.id("verify-code")));
    }

    /** What the page's authenticator QR code says, read from the image the browser loaded (ZXing). */
    String qrCodeText() {
        WebElement image = visible(By.id("totp-qr"));
        Object base64 = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0].src).then(r => r.arrayBuffer()).then(buffer => {
                    let text = '';
                    new Uint8Array(buffer).forEach(b => text += String.fromCharCode(b));
                    done(btoa(text));
                }).catch(e => done('ERROR ' + e));
                """, image);
        assertThat(String.valueOf(base64)).doesNotStartWith("ERROR");
        return QrImages.decode(Base64.getDecoder().decode(String.valueOf(base64)));
    }

    /** Signs a staff member out from the user menu and checks that /app no longer lets them in. */
    void signOutStaff() {
        driver.get(BASE_URL + "/app");
        visible(By.id("home-title"));
        settle();
        click(visible(By.id("user-menu")));
        waitFor(d -> deepFindById("sign-out").filter(WebElement::isDisplayed).isPresent());
        deepFindById("sign-out").orElseThrow().click();
        waitFor(d -> !d.getCurrentUrl().startsWith(BASE_URL + "/app"));
        settle();
        driver.get(BASE_URL + "/app");
        waitFor(d -> !d.getCurrentUrl().startsWith(BASE_URL + "/app"));
        assertThat(driver.findElements(By.id("home-title"))).isEmpty();
    }
}
