package app.homeward.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The worksheet journey of the demo clinic, in real Chromium against the running jar: a therapist
 * signed into Sunrise finds the built-in library (searchable, previewable), rebuilds a paper thought
 * record in the builder (instructions and a seven-column table ending in a 0–100 rating), checks
 * the live preview, saves, publishes it shared with the clinic and looks at it on a phone-sized
 * screen; then a colleague signs in and finds it in the library under source "Clinic".
 *
 * <p>Needs the demo clinic (tenants/demo.yaml, slug {@code sunrise}) imported into the running app:
 * the default profile imports it; the mysql profile only with {@code HOMEWARD_TENANTS_IMPORT=true}
 * (and {@code HOMEWARD_TENANTS_DIR} pointing at the tenants folder when the app runs elsewhere).
 * Sends no mail. Every step leaves a screenshot in {@code target/e2e-screenshots/NN-name.png}
 * (numbered after the {@code worksheet-} prefix so they sit beside the other journeys' pictures);
 * a failing step also leaves {@code -FAILED.png} and {@code -FAILED.html} (page source and browser log).
 * The builder part (from opening the builder to the published worksheet) is timed and printed:
 * the issue says a therapist can do it in under five minutes; the time is reported, not asserted.
 * The builder, the worksheet page and the library are also looked at in a 390 × 844 viewport; the
 * worksheet page and the library must not scroll sideways there, and the builder's narrow-screen
 * layout is measured and printed ({@code [e2e] builder ...} lines) rather than asserted.
 *
 * <p>System properties: {@code homeward.e2e.baseUrl} (default http://localhost:18080),
 * {@code homeward.e2e.chromium} (/usr/bin/chromium), {@code homeward.e2e.chromedriver}
 * (/usr/bin/chromedriver).
 */
@Tag("e2e")
class WorksheetJourneyTest {

    private static final String BASE_URL =
            System.getProperty("homeward.e2e.baseUrl", "http://localhost:18080").replaceAll("/+$", "");
    private static final String CHROMIUM = System.getProperty("homeward.e2e.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("homeward.e2e.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
    private static final String PREFIX = "worksheet-";
    /** Generous: the first Vaadin page load on a small CI machine can take a while. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String CLINIC = "sunrise";
    private static final String DANA_EMAIL = "dana@sunrise.example";
    private static final String DANA_NAME = "Dana Okafor";
    private static final String SAM_EMAIL = "sam@sunrise.example";
    private static final String SAM_NAME = "Sam Reyes";
    private static final String THERAPIST_PASSWORD = "quiet-meadow-2026";

    private static final String TITLE = "My thought record";
    private static final String DESCRIPTION = "Catch an upsetting thought, weigh the evidence and find a more balanced one.";
    private static final String RATIONALE = "Our first thoughts in a hard moment are often harsher than the facts. "
            + "Writing them down and weighing the evidence helps you find a view that is fairer to you.";
    private static final String INSTRUCTIONS_HEADING = "Before you start";
    private static final String INSTRUCTIONS_TEXT = "Think of a moment this week when your mood dropped.\n\n"
            + "- Write down what happened and what went through your mind.\n"
            + "- Then look at the evidence, as a fair friend would.";
    private static final String TABLE_LABEL = "Thought record";
    private static final String TABLE_HELP = "Add one row for each moment.";
    private static final String LABEL = "Label (the question)";

    /** The seven columns of the paper form: label and type (as the builder names it). */
    private static final List<Column> COLUMNS = List.of(
            new Column("Situation", "Short text"),
            new Column("Feelings", "Short text"),
            new Column("Automatic thought", "Long text"),
            new Column("Evidence for", "Long text"),
            new Column("Evidence against", "Long text"),
            new Column("Balanced thought", "Long text"),
            new Column("Feeling now", "Rating scale"));

    private record Column(String label, String type) { }

    private static final List<Browser> BROWSERS = new ArrayList<>();

    private int stepNumber;
    /** Seconds of user-facing work inside the builder (the steps' actions, without screenshots). */
    private double builderSeconds;
    private boolean timingBuilder;

    @AfterAll
    static void quit_browsers() {
        for (Browser browser : BROWSERS) {
            browser.close();
        }
        BROWSERS.clear();
    }

    @Test
    void therapist_rebuilds_a_thought_record_shares_it_and_a_colleague_finds_it() throws IOException {
        recreateScreenshots();
        Browser browser = Browser.open("therapist");
        String[] templateId = new String[1];
        long[] builderOpenedAt = new long[1];
        long[] publishedAt = new long[1];

        step(browser, "dana-sign-in", () -> {
            browser.driver.get(BASE_URL + "/c/" + CLINIC);
            try {
                browser.visible(By.id("sign-in"));
            } catch (TimeoutException e) {
                throw new AssertionError("No sign-in form at " + BASE_URL + "/c/" + CLINIC + ": is the demo clinic "
                        + "(tenants/demo.yaml) imported? The mysql profile needs HOMEWARD_TENANTS_IMPORT=true.", e);
            }
            browser.settle();
            browser.type("email", DANA_EMAIL);
            browser.type("password", THERAPIST_PASSWORD);
        });

        step(browser, "dana-home", () -> signInAndExpectHome(browser, DANA_NAME));

        int[] allCount = new int[1];
        step(browser, "library", () -> {
            browser.driver.get(BASE_URL + "/app/worksheets");
            browser.visible(By.id("library-search"));
            browser.settle();
            browser.waitFor(d -> !browser.libraryCards().isEmpty());
            allCount[0] = browser.libraryCount();
            assertThat(allCount[0]).as("worksheets in the library").isGreaterThanOrEqualTo(10);
            assertThat(browser.cardTexts()).anyMatch(text -> text.contains("Built-in"));
        });

        step(browser, "library-search-thought", () -> {
            browser.type("library-search", "thought");
            browser.waitFor(d -> browser.libraryCount() < allCount[0]);
            WebElement card = browser.libraryCard("Thought record");
            assertThat(card.getText()).contains("Built-in");
        });

        step(browser, "builtin-preview", () -> {
            WebElement card = browser.libraryCard("Thought record");
            browser.click(card.findElement(By.xpath(".//vaadin-button[contains(normalize-space(.), 'Preview')]")));
            WebElement frame = browser.waitFor(d -> browser.displayed(By.cssSelector(".preview-frame")).orElse(null));
            browser.settle();
            assertThat(frame.findElement(By.tagName("h2")).getText()).isEqualTo("Thought record");
            assertThat(frame.getText()).isNotBlank();
        });

        step(browser, "builtin-preview-closed", () -> {
            browser.click(browser.waitFor(d -> browser.displayed(
                    By.xpath("//vaadin-button[normalize-space(.)='Close']")).orElse(null)));
            browser.waitFor(d -> browser.displayed(By.cssSelector(".preview-frame")).isEmpty());
            browser.settle();
        });

        step(browser, "new-worksheet-dialog", () -> {
            browser.click(browser.visible(By.id("new-worksheet")));
            browser.visible(By.id("new-worksheet-start"));
            browser.type("new-worksheet-title", TITLE);
        });

        // --- the builder, timed from here to the published worksheet ---------------------------
        timingBuilder = true;
        step(browser, "builder-opened", () -> {
            browser.click(browser.visible(By.id("new-worksheet-start")));
            browser.waitFor(ExpectedConditions.urlMatches(
                    "^" + Pattern.quote(BASE_URL + "/app/worksheets/") + "[0-9a-f-]{36}/edit$"));
            builderOpenedAt[0] = System.nanoTime();
            Matcher id = Pattern.compile("/app/worksheets/([0-9a-f-]{36})/edit").matcher(browser.driver.getCurrentUrl());
            assertThat(id.find()).isTrue();
            templateId[0] = id.group(1);
            browser.visible(By.id("worksheet-title"));
            browser.settle();
            assertThat(browser.value("worksheet-title")).isEqualTo(TITLE);
            assertThat(browser.visible(By.id("save-status")).getText()).contains("Editing the draft of version 1");
        });

        step(browser, "builder-details", () -> {
            browser.typeInto(browser.byLabel(browser.visible(By.cssSelector(".builder-editor")),
                    "vaadin-text-area", "Short description"), DESCRIPTION);
            browser.type("worksheet-rationale", RATIONALE);
            // the live preview shows the rationale first, as the client will see it
            browser.waitFor(d -> browser.previewText().contains(RATIONALE));
        });

        step(browser, "builder-instructions", () -> {
            WebElement card = browser.addField("Instructions", "field-1");
            browser.typeInto(browser.byLabel(card, "vaadin-text-field", "Heading (optional)"), INSTRUCTIONS_HEADING);
            browser.typeInto(browser.byLabel(card, "vaadin-text-area", "Text"), INSTRUCTIONS_TEXT);
            browser.waitFor(d -> browser.summaryOf(card).equals(INSTRUCTIONS_HEADING));
            browser.waitFor(d -> browser.previewText().contains("Think of a moment this week"));
        });

        step(browser, "builder-table-added", () -> {
            WebElement table = browser.addField("Table (rows the client adds)", "field-2");
            browser.typeInto(browser.byLabel(table, "vaadin-text-field", LABEL), TABLE_LABEL);
            browser.typeInto(browser.byLabel(table, "vaadin-text-field", "Help text (optional)"), TABLE_HELP);
            browser.waitFor(d -> browser.summaryOf(table).equals(TABLE_LABEL));
            // a new table starts with one short-text column
            assertThat(browser.columnCards(table)).hasSize(1);
        });

        step(browser, "builder-columns", () -> {
            WebElement table = browser.fieldCard("field-2");
            WebElement first = browser.columnCard(table, "c1");
            browser.open(first);
            assertThat(browser.typeOf(first)).isEqualTo(COLUMNS.getFirst().type());
            browser.typeInto(browser.byLabel(first, "vaadin-text-field", LABEL), COLUMNS.getFirst().label());
            browser.waitFor(d -> browser.summaryOf(first).equals(COLUMNS.getFirst().label()));
            for (int i = 1; i < COLUMNS.size(); i++) {
                Column column = COLUMNS.get(i);
                WebElement card = browser.addColumn(table, column.type(), "c" + (i + 1));
                browser.typeInto(browser.byLabel(card, "vaadin-text-field", LABEL), column.label());
                browser.waitFor(d -> browser.summaryOf(card).equals(column.label()));
            }
            assertThat(browser.columnCards(table)).hasSize(7);
        });

        step(browser, "builder-rating-column", () -> {
            WebElement rating = browser.columnCard(browser.fieldCard("field-2"), "c7");
            assertThat(browser.typeOf(rating)).isEqualTo("Rating scale");
            browser.click(rating.findElement(By.xpath(".//vaadin-button[normalize-space(.)='0–100 (SUDS)']")));
            browser.waitFor(d -> "100".equals(browser.inputValue(browser.byLabel(rating, "vaadin-integer-field", "Highest"))));
            assertThat(browser.inputValue(browser.byLabel(rating, "vaadin-integer-field", "Lowest"))).isEqualTo("0");
            browser.scrollToTop(rating);
        });

        step(browser, "builder-live-preview", () -> {
            // the live preview shows the table as the client will fill it: a row card with all seven columns
            WebElement preview = browser.visible(By.cssSelector(".builder-preview .preview-frame"));
            browser.waitFor(d -> browser.labelsIn(preview).containsAll(COLUMNS.stream().map(Column::label).toList()));
            WebElement tablePreview = preview.findElement(By.cssSelector(".worksheet-table"));
            assertThat(tablePreview.findElement(By.tagName("h3")).getText()).isEqualTo(TABLE_LABEL);
            assertThat(browser.labelsIn(tablePreview)).containsSubsequence(COLUMNS.stream().map(Column::label).toList());
            assertThat(preview.findElement(By.tagName("h2")).getText()).isEqualTo(TITLE);
            // the builder previews at phone width first
            assertThat(browser.previewFrameClasses(preview)).contains("preview-frame--phone");
            browser.scrollToTop(tablePreview);
        });

        // a look at the builder on a phone-sized screen (not part of the timing)
        timingBuilder = false;
        long detourStart = System.nanoTime();
        step(browser, "phone-390-builder-table", () -> {
            browser.resize(390, 844);
            WebElement table = browser.fieldCard("field-2");
            browser.scrollToTop(table);
            System.out.printf("[e2e] builder at 390 px: the page is %d px wider than the screen%n",
                    Math.max(0, browser.horizontalOverflow()));
            browser.reportCardOverflow();
        });
        step(browser, "phone-390-builder-rating-column", () -> {
            browser.scrollToTop(browser.columnCard(browser.fieldCard("field-2"), "c7"));
        });
        step(browser, "phone-390-builder-preview", () -> {
            browser.scrollToTop(browser.visible(By.cssSelector(".builder-preview .worksheet-table")));
        });
        step(browser, "phone-390-builder-bottom", () -> {
            browser.scrollToBottom(browser.visible(By.cssSelector(".builder-page")));
            browser.reportBuilderBarOverlap();
        });
        browser.resize(1280, 900);
        long detour = System.nanoTime() - detourStart;
        timingBuilder = true;

        step(browser, "builder-draft-saved", () -> {
            browser.click(browser.visible(By.id("save-draft")));
            browser.waitFor(d -> browser.text(By.id("save-status")).startsWith("Saved at"));
            browser.waitFor(d -> browser.deepText("vaadin-notification-card").contains("Draft saved."));
        });

        step(browser, "builder-publish-dialog", () -> {
            browser.click(browser.visible(By.id("publish")));
            WebElement sharing = browser.visible(By.id("publish-sharing"));
            browser.settle();
            browser.chooseRadio(sharing, "Everyone in my clinic");
            browser.visible(By.id("publish-confirm"));
        });

        step(browser, "published", () -> {
            browser.click(browser.visible(By.id("publish-confirm")));
            browser.waitFor(ExpectedConditions.urlMatches(
                    "^" + Pattern.quote(BASE_URL + "/app/worksheets/" + templateId[0]) + "/?$"));
            WebElement badges = browser.visible(By.cssSelector(".worksheet-page .badges"));
            browser.waitFor(d -> badges.getText().contains("Version 1"));
            publishedAt[0] = System.nanoTime();
            assertThat(badges.getText()).contains("Version 1", "Published", "Shared with the clinic");
            assertThat(browser.visible(By.cssSelector(".worksheet-page h1")).getText()).isEqualTo(TITLE);
        });
        timingBuilder = false;
        double wallSeconds = (publishedAt[0] - builderOpenedAt[0] - detour) / 1e9;
        System.out.printf("[e2e] builder timing: %.1f s of actions from opening the builder to the published "
                + "worksheet (%.1f s wall clock with screenshots, without the phone-size look); "
                + "the issue's target is under 5 minutes%n", builderSeconds, wallSeconds);

        step(browser, "published-phone-preview", () -> {
            WebElement preview = browser.visible(By.cssSelector(".worksheet-page .worksheet-preview"));
            WebElement frame = preview.findElement(By.cssSelector(".preview-frame"));
            assertThat(browser.previewFrameClasses(preview)).contains("preview-frame--desktop");
            browser.chooseRadio(preview.findElement(By.tagName("vaadin-radio-group")), "Phone");
            browser.waitFor(d -> browser.previewFrameClasses(preview).contains("preview-frame--phone"));
            assertThat(frame.getSize().getWidth()).isLessThanOrEqualTo(360);
            assertThat(browser.labelsIn(frame)).containsAll(COLUMNS.stream().map(Column::label).toList());
            browser.scrollToTop(preview);
        });

        step(browser, "phone-390-worksheet-top", () -> {
            browser.resize(390, 844);
            browser.driver.navigate().refresh();
            browser.visible(By.cssSelector(".worksheet-page h1"));
            browser.settle();
            browser.driver.executeScript("window.scrollTo(0, 0)");
            assertThat(browser.horizontalOverflow()).as("page wider than the 390 px screen").isLessThanOrEqualTo(0);
        });

        step(browser, "phone-390-worksheet-preview", () -> {
            WebElement preview = browser.visible(By.cssSelector(".worksheet-page .worksheet-preview"));
            browser.chooseRadio(preview.findElement(By.tagName("vaadin-radio-group")), "Phone");
            browser.waitFor(d -> browser.previewFrameClasses(preview).contains("preview-frame--phone"));
            browser.scrollToTop(preview.findElement(By.cssSelector(".worksheet-table")));
        });

        step(browser, "phone-390-worksheet-rating", () -> {
            WebElement preview = browser.visible(By.cssSelector(".worksheet-page .worksheet-preview"));
            browser.scrollIntoView(browser.byLabelDeep(preview, "Feeling now"));
        });

        step(browser, "dana-signed-out", () -> {
            browser.resize(1280, 900);
            signOut(browser);
        });

        step(browser, "sam-sign-in", () -> {
            browser.driver.get(BASE_URL + "/c/" + CLINIC);
            browser.visible(By.id("sign-in"));
            browser.settle();
            browser.type("email", SAM_EMAIL);
            browser.type("password", THERAPIST_PASSWORD);
        });

        step(browser, "sam-home", () -> signInAndExpectHome(browser, SAM_NAME));

        step(browser, "sam-library-clinic", () -> {
            browser.driver.get(BASE_URL + "/app/worksheets");
            browser.visible(By.id("library-search"));
            browser.settle();
            browser.waitFor(d -> !browser.libraryCards().isEmpty());
            WebElement source = browser.byLabel(browser.visible(By.cssSelector(".library-filters")), "vaadin-select", "Source");
            browser.choose(source, "Clinic");
            browser.waitFor(d -> browser.libraryCards().stream().noneMatch(c -> c.getText().contains("Built-in")));
            WebElement card = browser.waitFor(d -> browser.libraryCardById(templateId[0]).orElse(null));
            assertThat(card.findElement(By.tagName("h2")).getText()).isEqualTo(TITLE);
            assertThat(card.getText()).contains("Clinic", "Shared with the clinic", DESCRIPTION);
            assertThat(card.getText()).doesNotContain("Draft");
        });

        step(browser, "sam-preview", () -> {
            WebElement card = browser.libraryCardById(templateId[0]).orElseThrow();
            browser.click(card.findElement(By.xpath(".//vaadin-button[contains(normalize-space(.), 'Preview')]")));
            WebElement frame = browser.waitFor(d -> browser.displayed(By.cssSelector(".preview-frame")).orElse(null));
            browser.settle();
            assertThat(frame.findElement(By.tagName("h2")).getText()).isEqualTo(TITLE);
            browser.waitFor(d -> browser.labelsIn(frame).containsAll(COLUMNS.stream().map(Column::label).toList()));
        });

        step(browser, "phone-390-sam-library", () -> {
            browser.click(browser.waitFor(d -> browser.displayed(
                    By.xpath("//vaadin-button[normalize-space(.)='Close']")).orElse(null)));
            browser.waitFor(d -> browser.displayed(By.cssSelector(".preview-frame")).isEmpty());
            browser.resize(390, 844);
            browser.scrollIntoView(browser.libraryCardById(templateId[0]).orElseThrow());
            assertThat(browser.horizontalOverflow()).as("page wider than the 390 px screen").isLessThanOrEqualTo(0);
        });
    }

    // ---------------------------------------------------------------------------------------------
    // shared moves

    private static void signInAndExpectHome(Browser browser, String name) {
        browser.click(browser.visible(By.id("sign-in")));
        browser.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app") + "/?$"));
        assertThat(browser.visible(By.id("home-title")).getText()).contains(name);
    }

    private static void signOut(Browser browser) {
        browser.driver.get(BASE_URL + "/app");
        browser.visible(By.id("home-title"));
        browser.settle();
        browser.click(browser.visible(By.cssSelector("#user-menu vaadin-menu-bar-button")));
        browser.waitFor(d -> browser.deepFindById("sign-out").isPresent());
        browser.deepFindById("sign-out").orElseThrow().click();
        browser.waitFor(d -> !d.getCurrentUrl().startsWith(BASE_URL + "/app"));
        browser.settle();
        browser.driver.get(BASE_URL + "/app");
        browser.waitFor(d -> !d.getCurrentUrl().startsWith(BASE_URL + "/app"));
        assertThat(browser.driver.findElements(By.id("home-title"))).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // steps and evidence

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /** Runs one step; screenshot afterwards, or screenshot + page source + browser log on failure. */
    private void step(Browser browser, String name, Action action) {
        String label = "%s%02d-%s".formatted(PREFIX, ++stepNumber, name);
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
        if (timingBuilder) {
            builderSeconds += (acted - start) / 1e9;
        }
        browser.quietScreenshot(label);
        System.out.printf("[e2e] %s ok in %.1f s (+%.1f s screenshot)%n",
                label, (acted - start) / 1e9, (System.nanoTime() - acted) / 1e9);
    }

    /** Removes this journey's screenshots from an earlier run (leaving the other journeys' pictures). */
    private static void recreateScreenshots() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try (Stream<Path> files = Files.list(SCREENSHOTS)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().startsWith(PREFIX)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // the browser

    /** One Chromium with its own fresh profile. */
    private static final class Browser implements AutoCloseable {

        /** True while no Vaadin client on the page has a request in flight. */
        private static final String VAADIN_IDLE = """
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (!flow || !flow.clients) { return false; }
                return Object.values(flow.clients)
                    .every(c => typeof c.isActive !== 'function' || !c.isActive());
                """;

        /** True when Vaadin's loading bar is gone (Lumo fades it out after Flow hides it). */
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
         * The Vaadin field (tag) labelled exactly so that belongs to the scope itself: inside a builder
         * card, a field of a nested column card does not count.
         */
        private static final String BY_LABEL = """
                const [scope, tag, text] = arguments;
                const own = scope.classList.contains('field-editor') ? scope : null;
                return [...scope.querySelectorAll(tag)].find(el =>
                    (el.label || '').trim() === text && (own === null || el.closest('.field-editor') === own)) || null;
                """;

        /** The first element matching the selector inside a builder card whose nearest card is that card. */
        private static final String OWN = """
                const [card, selector] = arguments;
                return [...card.querySelectorAll(selector)].find(el => el.closest('.field-editor') === card) || null;
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
            // poll often: the builder timing should measure the app, not the test's waiting
            this.wait.pollingEvery(Duration.ofMillis(100));
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
            BROWSERS.add(browser);
            return browser;
        }

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

        String text(By locator) {
            return driver.findElement(locator).getText().strip();
        }

        /** Waits until Vaadin has answered every request the page sent. */
        void settle() {
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(VAADIN_IDLE)));
        }

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

        /**
         * Clicks like a person: scrolled to the middle of the screen (clear of the builder's fixed
         * bottom bar), retried while an overlay or an animation is still in the way.
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

        String value(String fieldId) {
            return driver.findElement(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"))
                    .getDomProperty("value");
        }

        String inputValue(WebElement component) {
            return component.findElement(By.cssSelector("input, textarea")).getDomProperty("value");
        }

        /** The Vaadin field of the tag with exactly this label inside the scope (waits for it). */
        WebElement byLabel(WebElement scope, String tag, String label) {
            return wait.until(d -> (WebElement) driver.executeScript(BY_LABEL, scope, tag, label));
        }

        WebElement byLabelDeep(WebElement scope, String label) {
            return wait.until(d -> (WebElement) driver.executeScript(BY_LABEL_DEEP, scope, label));
        }

        @SuppressWarnings("unchecked")
        List<String> labelsIn(WebElement scope) {
            Object labels = driver.executeScript(LABELS_IN, scope);
            return labels == null ? List.of() : (List<String>) labels;
        }

        /** The options of a vaadin-select's list (not the copy of the chosen one its value button shows). */
        private static final String SELECT_OPTION = "vaadin-select-item[role='option']";

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

        @SuppressWarnings("unchecked")
        List<WebElement> deepAll(String selector) {
            Object found = driver.executeScript(DEEP_ALL, selector);
            return found == null ? List.of() : (List<WebElement>) found;
        }

        // --- the library ---

        List<WebElement> libraryCards() {
            return driver.findElements(By.cssSelector(".library-results .library-card"));
        }

        List<String> cardTexts() {
            return libraryCards().stream().map(WebElement::getText).toList();
        }

        /** The number in "N worksheets" above the results. */
        int libraryCount() {
            String text = text(By.cssSelector(".library-count"));
            if (text.startsWith("No ")) {
                return 0;
            }
            Matcher number = Pattern.compile("\\d+").matcher(text);
            return number.find() ? Integer.parseInt(number.group()) : -1;
        }

        WebElement libraryCard(String title) {
            return wait.until(d -> libraryCards().stream()
                    .filter(c -> c.findElements(By.tagName("h2")).stream().anyMatch(h -> title.equals(h.getText().strip())))
                    .findFirst().orElse(null));
        }

        Optional<WebElement> libraryCardById(String id) {
            return driver.findElements(By.cssSelector(".library-results .library-card h2 a")).stream()
                    .filter(a -> String.valueOf(a.getDomAttribute("href")).endsWith("worksheets/" + id))
                    .findFirst()
                    .map(a -> a.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' library-card ')][1]")));
        }

        // --- the builder ---

        WebElement fieldCard(String key) {
            return visible(By.cssSelector(".field-list > .field-editor[data-key='" + key + "']"));
        }

        /** Adds a field of the type (as the builder names it) and returns its card, opened. */
        WebElement addField(String type, String expectedKey) {
            choose(visible(By.id("new-field-type")), type);
            click(visible(By.id("add-field")));
            WebElement card = fieldCard(expectedKey);
            wait.until(d -> isOpen(card));
            assertThat(typeOf(card)).isEqualTo(type);
            return card;
        }

        List<WebElement> columnCards(WebElement table) {
            return table.findElements(By.cssSelector(".columns-editor .field-editor"));
        }

        WebElement columnCard(WebElement table, String key) {
            return wait.until(d -> table.findElements(By.cssSelector(".columns-editor .field-editor[data-key='" + key + "']"))
                    .stream().findFirst().orElse(null));
        }

        /** Adds a column of the type with the table card's own "Type of the new column" and "Add column". */
        WebElement addColumn(WebElement table, String type, String expectedKey) {
            WebElement adder = table.findElement(By.cssSelector(".columns-editor > .editor-row"));
            choose(byLabel(adder, "vaadin-select", "Type of the new column"), type);
            click(adder.findElement(By.xpath(".//vaadin-button[normalize-space(.)='Add column']")));
            WebElement card = columnCard(table, expectedKey);
            wait.until(d -> isOpen(card));
            assertThat(typeOf(card)).isEqualTo(type);
            return card;
        }

        /** Opens a builder card's details (a person clicks its summary line). */
        void open(WebElement card) {
            if (!isOpen(card)) {
                click(own(card, ".field-editor-summary"));
                wait.until(d -> isOpen(card));
            }
        }

        boolean isOpen(WebElement card) {
            return ownDetails(card).getDomAttribute("opened") != null;
        }

        private WebElement ownDetails(WebElement card) {
            return card.findElement(By.xpath("./vaadin-details"));
        }

        /** The first element matching the selector that belongs to the card itself, not to a column card in it. */
        private WebElement own(WebElement card, String selector) {
            return wait.until(d -> (WebElement) driver.executeScript(OWN, card, selector));
        }

        /** The type badge of a builder card, e.g. "Short text". */
        String typeOf(WebElement card) {
            return own(card, ".field-editor-head .badge").getText().strip();
        }

        /** The summary line of a builder card: its label, or "(no label yet)". */
        String summaryOf(WebElement card) {
            String text = own(card, ".field-editor-summary").getDomProperty("textContent");
            return text == null ? "" : text.strip();
        }

        /** What the builder's live preview shows (text content, including slotted labels). */
        String previewText() {
            String text = driver.findElement(By.cssSelector(".builder-preview .preview-frame")).getDomProperty("textContent");
            return text == null ? "" : text;
        }

        /** The classes of a preview's frame (given the preview, or the frame itself). */
        String previewFrameClasses(WebElement preview) {
            String own = preview.getDomAttribute("class");
            WebElement frame = own != null && own.contains("preview-frame") ? preview
                    : preview.findElement(By.cssSelector(".preview-frame"));
            String classes = frame.getDomAttribute("class");
            return classes == null ? "" : classes;
        }

        // --- the window ---

        /** Resizes the window so the page's viewport is exactly width × height CSS pixels. */
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
            settle();
        }

        /** Scrolls so the element's bottom edge (padding included) sits at the bottom of the screen. */
        void scrollToBottom(WebElement element) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'end', inline: 'nearest'})", element);
        }

        /**
         * Prints (does not assert) every builder card whose summary line or type badge reaches past the
         * card's right edge: a layout problem on narrow screens.
         */
        void reportCardOverflow() {
            Object problems = driver.executeScript("""
                    const out = [];
                    document.querySelectorAll('.field-editor').forEach(card => {
                        const edge = card.getBoundingClientRect().right;
                        card.querySelectorAll('.field-editor-summary, .field-editor-head .badge').forEach(el => {
                            if (el.closest('.field-editor') !== card) { return; }
                            const right = el.getBoundingClientRect().right;
                            if (right > edge + 0.5) {
                                out.push(card.dataset.key + ' "' + el.textContent.trim() + '" sticks out '
                                    + Math.round(right - edge) + ' px');
                            }
                        });
                    });
                    return out;
                    """);
            System.out.println("[e2e] builder cards whose head sticks out of the card: " + problems);
        }

        /** Prints (does not assert) how much of the builder's content the fixed bottom bar hides when scrolled to the end. */
        void reportBuilderBarOverlap() {
            Object report = driver.executeScript("""
                    const bar = document.querySelector('.builder-bar').getBoundingClientRect();
                    // editor and preview side by side, or stacked on narrow screens: whichever ends lower
                    const last = document.querySelector('.builder-columns').getBoundingClientRect();
                    return 'bar ' + Math.round(bar.height) + ' px high; the content ends at ' + Math.round(last.bottom)
                        + ', bar starts at ' + Math.round(bar.top) + ': '
                        + (last.bottom > bar.top + 0.5 ? Math.round(last.bottom - bar.top) + ' px hidden under the bar'
                                                        : 'nothing hidden');
                    """);
            System.out.println("[e2e] builder at " + driver.executeScript("return window.innerWidth;")
                    + " px, scrolled to the end: " + report);
        }

        /** How many CSS pixels the page is wider than the viewport (0 or less: nothing sticks out). */
        int horizontalOverflow() {
            return ((Number) driver.executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;")).intValue();
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
