package app.homeward.journey;

import app.homeward.Mails;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first journey a clinic makes, in real Chromium against the running jar (see .ci/run, step 4):
 * sign up, activate from the emailed link, invite a therapist, and the therapist joins from their
 * own browser, signs out and signs in again on the clinic's page.
 *
 * <p>No Spring context: the app runs separately and sends real SMTP to the GreenMail server started
 * here. Every step leaves a screenshot in {@code target/e2e-screenshots/NN-name.png}; a failing step
 * also leaves {@code NN-name-FAILED.png} and {@code NN-name-FAILED.html} (page source and browser log).
 *
 * <p>System properties: {@code homeward.e2e.baseUrl} (default http://localhost:18080, must equal the
 * app's HOMEWARD_BASE_URL), {@code homeward.e2e.smtpPort} (3025, the app's SMTP_PORT),
 * {@code homeward.e2e.chromium} (/usr/bin/chromium), {@code homeward.e2e.chromedriver}
 * (/usr/bin/chromedriver).
 */
@Tag("e2e")
class ClinicOnboardingJourneyTest {

    private static final String BASE_URL =
            System.getProperty("homeward.e2e.baseUrl", "http://localhost:18080").replaceAll("/+$", "");
    private static final int SMTP_PORT = Integer.getInteger("homeward.e2e.smtpPort", 3025);
    private static final String CHROMIUM = System.getProperty("homeward.e2e.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("homeward.e2e.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
    /** Generous: the first Vaadin page load on a small CI machine can take a while. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    private static final List<Browser> BROWSERS = new ArrayList<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private int stepNumber;

    @AfterAll
    static void quit_browsers() {
        for (Browser browser : BROWSERS) {
            browser.close();
        }
        BROWSERS.clear();
    }

    @Test
    void clinic_signs_up_activates_invites_a_therapist_who_joins_and_signs_in_again() throws IOException {
        String suffix = randomLetters(6);
        String slug = "journey-" + suffix;
        String clinicName = "Journey Clinic " + suffix;
        String adminName = "Ada Admin";
        String adminEmail = "admin-" + suffix + "@journey.homeward.test";
        String adminPassword = "Lantern harbour quietly " + suffix + " 2026";
        String therapistName = "Theo Therapist " + suffix;
        String therapistEmail = "therapist-" + suffix + "@journey.homeward.test";
        String therapistPassword = "Seven copper kettles " + suffix + " sing";

        recreateScreenshotDirectory();
        Browser admin = Browser.open("admin");

        step(admin, "landing", () -> {
            admin.driver.get(BASE_URL + "/");
            admin.visible(By.id("start-clinic"));
            admin.visible(By.id("sign-in-link"));
        });

        step(admin, "signup-form", () -> {
            admin.visible(By.id("start-clinic")).click();
            admin.waitFor(ExpectedConditions.urlToBe(BASE_URL + "/signup"));
            admin.visible(By.id("create-clinic"));
            admin.settle();
            admin.type("clinic-name", clinicName);
            admin.type("slug", slug);
            admin.type("admin-name", adminName);
            admin.type("email", adminEmail);
            admin.type("password", adminPassword);
            admin.tick("agreed");
            assertThat(admin.value("slug")).isEqualTo(slug);
        });

        step(admin, "signup-sent", () -> {
            admin.visible(By.id("create-clinic")).click();
            WebElement sent = admin.visible(By.id("signup-sent"));
            assertThat(sent.getText()).contains(adminEmail);
        });

        String verifyLink = linkInMailTo(adminEmail, "/c/" + slug + "/verify/");

        step(admin, "verify-page", () -> {
            admin.driver.get(verifyLink);
            admin.visible(By.id("activate-clinic"));
            admin.settle();
        });

        step(admin, "admin-home", () -> {
            admin.visible(By.id("activate-clinic")).click();
            admin.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app") + "/?$"));
            assertThat(admin.visible(By.id("home-title")).getText()).contains(adminName);
        });

        step(admin, "staff-page", () -> {
            admin.driver.get(BASE_URL + "/app/staff");
            admin.visible(By.id("send-invitation"));
            admin.settle();
        });

        step(admin, "invitation-sent", () -> {
            admin.type("invite-name", therapistName);
            admin.type("invite-email", therapistEmail);
            assertThat(admin.visible(By.id("invite-role")).getText()).contains("Therapist");
            admin.visible(By.id("send-invitation")).click();
            admin.waitFor(d -> admin.gridCellTexts("invitations-grid").contains(therapistEmail));
            assertThat(admin.gridCellTexts("invitations-grid")).contains(therapistName, "Therapist");
            admin.waitFor(d -> admin.deepText("vaadin-notification-card").contains(therapistEmail));
        });

        String invitationLink = linkInMailTo(therapistEmail, "/c/" + slug + "/invite/");

        // the therapist is someone else on another computer: a second browser, with its own profile
        Browser therapist = Browser.open("therapist");

        step(therapist, "invitation-page", () -> {
            therapist.driver.get(invitationLink);
            therapist.visible(By.id("accept-invitation"));
            therapist.settle();
            assertThat(therapist.value("name")).isEqualTo(therapistName);
        });

        step(therapist, "therapist-home", () -> {
            therapist.type("name", therapistName);
            therapist.type("password", therapistPassword);
            therapist.visible(By.id("accept-invitation")).click();
            therapist.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app") + "/?$"));
            assertThat(therapist.visible(By.id("home-title")).getText()).contains(therapistName);
        });

        step(therapist, "user-menu", () -> {
            therapist.visible(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
            therapist.waitFor(d -> therapist.deepFindById("sign-out").isPresent());
        });

        step(therapist, "signed-out", () -> {
            therapist.deepFindById("sign-out").orElseThrow().click();
            therapist.waitFor(d -> !d.getCurrentUrl().startsWith(BASE_URL + "/app"));
            therapist.settle();
            // signed out for real: /app now sends us away instead of showing the home page
            therapist.driver.get(BASE_URL + "/app");
            therapist.waitFor(d -> !d.getCurrentUrl().startsWith(BASE_URL + "/app"));
            therapist.settle();
            assertThat(therapist.driver.findElements(By.id("home-title"))).isEmpty();
        });

        step(therapist, "clinic-sign-in", () -> {
            therapist.driver.get(BASE_URL + "/c/" + slug);
            therapist.visible(By.id("sign-in"));
            therapist.settle();
            therapist.type("email", therapistEmail);
            therapist.type("password", therapistPassword);
        });

        step(therapist, "therapist-home-again", () -> {
            therapist.visible(By.id("sign-in")).click();
            therapist.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app") + "/?$"));
            assertThat(therapist.visible(By.id("home-title")).getText()).contains(therapistName);
        });

        // the admin's browser is unaffected by all this
        step(admin, "admin-still-signed-in", () -> {
            admin.driver.get(BASE_URL + "/app");
            assertThat(admin.visible(By.id("home-title")).getText()).contains(adminName);
        });
    }

    // ---------------------------------------------------------------------------------------------
    // steps and evidence

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /** Runs one step; screenshot afterwards, or screenshot + page source + browser log on failure. */
    private void step(Browser browser, String name, Action action) {
        String label = "%02d-%s".formatted(++stepNumber, name);
        long start = System.nanoTime();
        try {
            action.run();
        } catch (Throwable failure) {
            String url = browser.currentUrlOrUnknown();
            browser.saveFailureEvidence(label, failure);
            System.out.printf("[e2e] %s FAILED after %.1f s in the %s browser at %s%n",
                    label, (System.nanoTime() - start) / 1e9, browser.name, url);
            throw new AssertionError("Journey step " + label + " failed in the " + browser.name + " browser at " + url
                    + " (see " + SCREENSHOTS.resolve(label + "-FAILED.png") + " and .html): " + failure, failure);
        }
        long acted = System.nanoTime();
        browser.quietScreenshot(label);
        System.out.printf("[e2e] %s ok in %.1f s (+%.1f s screenshot)%n",
                label, (acted - start) / 1e9, (System.nanoTime() - acted) / 1e9);
    }

    private static void recreateScreenshotDirectory() throws IOException {
        if (Files.isDirectory(SCREENSHOTS)) {
            try (Stream<Path> files = Files.list(SCREENSHOTS)) {
                // only this journey's own shots: other journeys (worksheet-*, homework-*) share the folder
                for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("worksheet-")
                        && !f.getFileName().toString().startsWith("homework-")).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        Files.createDirectories(SCREENSHOTS);
    }

    private static String randomLetters(int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // mail

    /** Waits for the first mail to the address and returns the first link in its text part starting with base + path. */
    private static String linkInMailTo(String address, String path) {
        long deadline = System.nanoTime() + MAIL_TIMEOUT.toNanos();
        Optional<MimeMessage> message = Optional.empty();
        while (message.isEmpty()) {
            message = Mails.to(MAIL, address).stream().findFirst();
            if (message.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("No mail to " + address + " within " + MAIL_TIMEOUT.toSeconds()
                            + " s; GreenMail (127.0.0.1:" + SMTP_PORT + ") received " + MAIL.getReceivedMessages().length
                            + " mail(s) in all. Is the app's SMTP_HOST/SMTP_PORT pointing here?");
                }
                MAIL.waitForIncomingEmail(500, MAIL.getReceivedMessages().length + 1);
            }
        }
        String text = Mails.text(message.get());
        Matcher link = Pattern.compile(Pattern.quote(BASE_URL + path) + "[A-Za-z0-9_-]+").matcher(text);
        if (!link.find()) {
            throw new AssertionError("No link " + BASE_URL + path + "{token} in the mail to " + address
                    + " (is the app's HOMEWARD_BASE_URL " + BASE_URL + "?):\n" + text);
        }
        return link.group();
    }

    // ---------------------------------------------------------------------------------------------
    // the browser

    /** One Chromium with its own fresh profile: a separate person on a separate computer. */
    private static final class Browser implements AutoCloseable {

        /** True while no Vaadin client on the page has a request in flight. */
        private static final String VAADIN_IDLE = """
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (!flow || !flow.clients) { return false; }
                return Object.values(flow.clients)
                    .every(c => typeof c.isActive !== 'function' || !c.isActive());
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
        }

        static Browser open(String name) throws IOException {
            Path profile = Files.createTempDirectory("homeward-e2e-" + name + "-");
            // Debian's Chromium and its matching driver: with both paths given Selenium Manager downloads nothing
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
                    "--user-data-dir=" + profile.toAbsolutePath());
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
            BROWSERS.add(browser);
            return browser;
        }

        <T> T waitFor(ExpectedCondition<T> condition) {
            return wait.until(condition);
        }

        WebElement visible(By locator) {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        }

        /** Waits until Vaadin has answered every request the page sent. */
        void settle() {
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(VAADIN_IDLE)));
        }

        /**
         * Types into a Vaadin text/email/password field (its native input is a slotted light-DOM child)
         * and leaves it with Tab, so the change reaches the server before anything is clicked.
         */
        void type(String fieldId, String text) {
            settle();
            WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + fieldId + " input")));
            input.click();
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            input.sendKeys(text);
            input.sendKeys(Keys.TAB);
            settle();
            wait.until(d -> text.equals(value(fieldId)));
        }

        /** Ticks a vaadin-checkbox (clicking its slotted native input) unless it is already ticked. */
        void tick(String checkboxId) {
            settle();
            WebElement checkbox = visible(By.id(checkboxId));
            if (checkbox.getDomAttribute("checked") == null) {
                checkbox.findElement(By.tagName("input")).click();
            }
            wait.until(d -> d.findElement(By.id(checkboxId)).getDomAttribute("checked") != null);
            settle();
        }

        String value(String fieldId) {
            return driver.findElement(By.cssSelector("#" + fieldId + " input")).getDomProperty("value");
        }

        /** The texts of a vaadin-grid's cells (rendered as slotted light-DOM children). */
        List<String> gridCellTexts(String gridId) {
            return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                    .map(cell -> cell.getDomProperty("textContent"))
                    .map(text -> text == null ? "" : text.strip())
                    .toList();
        }

        Optional<WebElement> deepFindById(String id) {
            return Optional.ofNullable((WebElement) driver.executeScript(DEEP_BY_ID, id));
        }

        String deepText(String selector) {
            Object text = driver.executeScript(DEEP_TEXT, selector);
            return text == null ? "" : text.toString();
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

        @Override
        public void close() {
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
    }
}
