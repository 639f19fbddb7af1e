package app.homeward.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.util.Properties;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.homeward.journey.Browser.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The homework loop of the demo clinic, in real Chromium against the running jar: the therapist
 * Dana assigns a thought record to her client Riley with a plan made in session (why it helps,
 * what / when / where, every day from today in Riley's time zone, obstacles and a backup plan, a
 * low confidence that brings up the suggestion to make it smaller, "we changed the plan"); Riley,
 * on a 390 × 844 phone screen, finds it on /my with "why this helps" before the plan, starts it,
 * sees the draft saved, reloads the page and finds the answers kept, finishes, sends it and says
 * how it went; Dana reviews it from her queue with feedback and a praise phrase; Riley finds the
 * feedback from her progress page.
 *
 * <p>Riley's account is in Spanish (tenants/demo.yaml), so her pages are in Spanish: the journey
 * finds things by id, class and the worksheet's own labels (the worksheet is in English whatever
 * the page language), and checks the page language against the app's own message bundles
 * ({@code i18n/messages*.properties}). Language and layout findings (a page in the wrong language,
 * a phone page wider than the screen, the save bar hidden under the bottom navigation) are printed
 * as {@code [e2e] PROBLEM} lines and fail the test at the end, after the whole journey has run;
 * anything that breaks the journey itself fails the step at once.
 *
 * <p>Needs the demo clinic (tenants/demo.yaml, slug {@code sunrise}) imported into the running app
 * on a database where Riley has no homework yet (a fresh one; Jordan's demo homework does not
 * matter). Sends no mail. Every step leaves a screenshot in
 * {@code target/e2e-screenshots/homework-NN-name.png}; a failing step also leaves {@code -FAILED.png}
 * and {@code -FAILED.html} (page source and browser log). Every step's time is printed, and a
 * summary at the end.
 *
 * <p>System properties: the app's address and the browser's paths, as {@link Browser} reads them.
 */
@Tag("e2e")
class HomeworkJourneyTest {

    private static final String PREFIX = "homework-";

    private static final String CLINIC = "sunrise";
    private static final String DANA_EMAIL = "dana@sunrise.example";
    private static final String DANA_NAME = "Dana Okafor";
    private static final String THERAPIST_PASSWORD = "quiet-meadow-2026";
    /** Dana's pages are in the clinic's language. */
    private static final Locale DANA_LANGUAGE = Locale.ENGLISH;

    private static final String CLIENT_EMAIL = "riley@sunrise.example";
    private static final String CLIENT_NAME = "Riley Chen";
    private static final String CLIENT_PASSWORD = "morning-walk-2026";
    private static final ZoneId CLIENT_ZONE = ZoneId.of("Europe/Madrid");
    /** Riley's account language (tenants/demo.yaml): her pages should be in it. */
    private static final Locale CLIENT_LANGUAGE = Locale.forLanguageTag("es");

    private static final String WORKSHEET = "Thought record";
    private static final String WORKSHEET_ITEM = WORKSHEET + " · Built-in";
    /** The start of the built-in thought record's rationale (worksheets/built-in/thought-record.yaml). */
    private static final String RATIONALE_START = "Our feelings follow what we tell ourselves about a situation";
    private static final String TITLE = "Evening thought record";
    private static final String WHAT = "Fill in one row when you notice your mood drop.";
    private static final String WHEN = "Before bed, after brushing my teeth";
    private static final String WHERE = "On the sofa, phone on silent";
    private static final String TIME_OF_DAY = "23:45";
    private static final List<String> OBSTACLES = List.of("obstacle.forgetting", "obstacle.low-mood");
    private static final String BACKUP_PLAN = "If I forget, I fill in one line at breakfast. On a low day, only the situation counts.";
    private static final String LOW_CONFIDENCE = "5";

    private static final String SITUATION = "Meeting with my manager ran late";
    private static final String FEELINGS = "Anxious 70, embarrassed 40";
    private static final String THOUGHT = "Everyone thinks I am not good enough.";
    private static final String EVIDENCE_FOR = "My manager frowned at my slides.";
    private static final String EVIDENCE_AGAINST = "She thanked me afterwards and asked me to present again.";
    private static final String BALANCED = "One frown is not a verdict; the rest of the meeting went fine.";
    private static final String FEELING_NOW = "35";
    private static final String REFLECTION_NOTE = "Writing it down slowed the thought down.";

    private static final String FEEDBACK = "Riley, this is a careful record: you found real evidence against the thought.";

    private int stepNumber;
    /**
     * The language the client's pages actually come in (found from the greeting on /my): what the
     * journey waits for, so a page in the wrong language is reported once per text but does not
     * stop the journey.
     */
    private Locale clientPageLanguage = CLIENT_LANGUAGE;
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    @AfterAll
    static void quit_browsers() {
        Browser.closeAll();
    }

    @Test
    void therapist_assigns_client_does_it_on_a_phone_therapist_reviews_client_sees_feedback() throws IOException {
        recreateScreenshots();
        long journeyStart = System.nanoTime();
        try {
            journey();
        } finally {
            printTimings((System.nanoTime() - journeyStart) / 1e9);
        }
        assertThat(problems).as("language and layout problems found on the way (the [e2e] PROBLEM lines)").isEmpty();
    }

    private void journey() throws IOException {
        Browser dana = Browser.open("therapist");
        String[] clientPath = new String[1];
        String[] occurrenceId = new String[1];
        // the client's day by the application's clock; read again after the dialog, in case midnight passed between
        LocalDate clientToday = Browser.applicationToday(CLIENT_ZONE);

        // --- 1. Dana assigns the homework in session ------------------------------------------------
        step(dana, "dana-sign-in", () -> dana.fillInSignIn(CLINIC, DANA_EMAIL, THERAPIST_PASSWORD));
        step(dana, "dana-home", () -> {
            dana.click(dana.visible(By.id("sign-in")));
            dana.passSecondStep(DANA_EMAIL);
            dana.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app") + "/?$"));
            assertThat(dana.visible(By.id("home-title")).getText()).contains(DANA_NAME);
        });

        step(dana, "caseload", () -> {
            dana.driver.get(BASE_URL + "/app/clients");
            dana.visible(By.id("caseload-grid"));
            dana.settle();
            WebElement link = dana.waitFor(d -> dana.linkByText("a.caseload-name", CLIENT_NAME).orElse(null));
            assertThat(link.isDisplayed()).isTrue();
        });

        step(dana, "client-page", () -> {
            dana.click(dana.waitFor(d -> dana.linkByText("a.caseload-name", CLIENT_NAME).orElse(null)));
            dana.waitFor(ExpectedConditions.urlMatches(
                    "^" + Pattern.quote(BASE_URL + "/app/clients/") + "[0-9a-f-]{36}/?$"));
            clientPath[0] = dana.driver.getCurrentUrl();
            dana.waitFor(d -> CLIENT_NAME.equals(dana.text(By.id("client-title"))));
            assertThat(dana.visible(By.id("client-facts")).getText()).contains(CLIENT_ZONE.getId());
            assertThat(dana.visible(By.id("client-plan")).getText())
                    .as("Riley has no homework yet: run against a fresh database").doesNotContain(TITLE);
        });

        step(dana, "assign-dialog", () -> {
            dana.click(dana.visible(By.id("assign-homework")));
            dana.visible(By.id("assign-worksheet"));
            dana.settle();
            assertThat(dana.visible(By.id("assign-submit")).getDomAttribute("disabled"))
                    .as("assign is disabled until a worksheet is chosen").isNotNull();
        });

        step(dana, "assign-worksheet-chosen", () -> {
            dana.comboPick(dana.visible(By.id("assign-worksheet")), WORKSHEET, WORKSHEET_ITEM);
            dana.waitFor(d -> WORKSHEET.equals(dana.value("assign-title")));
            // the rationale comes from the worksheet and is kept as it is
            assertThat(dana.value("assign-rationale")).startsWith(RATIONALE_START);
            dana.type("assign-title", TITLE);
            dana.scrollToTop(dana.visible(By.id("assign-title")));
        });

        step(dana, "assign-what-when-where", () -> {
            dana.type("assign-what", WHAT);
            dana.type("assign-when", WHEN);
            dana.type("assign-where", WHERE);
            assertThat(dana.value("assign-rationale")).startsWith(RATIONALE_START);
        });

        step(dana, "assign-schedule", () -> {
            WebElement kind = dana.visible(By.id("assign-kind"));
            dana.chooseRadio(kind, t(DANA_LANGUAGE, "assign.kind.daily"));
            // every day from today, in the client's time zone: one occurrence is due today for Riley
            assertThat(dana.property(dana.visible(By.id("assign-start")), "value"))
                    .as("start date (today in " + CLIENT_ZONE + ")")
                    .isIn(clientToday.toString(), Browser.applicationToday(CLIENT_ZONE).toString());
            dana.typeTime(dana.visible(By.id("assign-time")), TIME_OF_DAY);
            assertThat(dana.text(By.id("assign-zone"))).contains(CLIENT_ZONE.getId());
            dana.scrollToTop(kind);
        });

        step(dana, "assign-obstacles", () -> {
            WebElement obstacles = dana.visible(By.id("assign-obstacles"));
            for (String key : OBSTACLES) {
                dana.tick(obstacles, t(DANA_LANGUAGE, key));
            }
            dana.type("assign-backup-plan", BACKUP_PLAN);
            dana.scrollToTop(obstacles);
        });

        step(dana, "assign-low-confidence-suggestion", () -> {
            WebElement confidence = dana.visible(By.id("assign-confidence"));
            assertThat(dana.displayed(By.id("assign-suggestion"))).as("no suggestion before a confidence is given").isEmpty();
            dana.chooseRadio(confidence, LOW_CONFIDENCE);
            WebElement suggestion = dana.visible(By.id("assign-suggestion"));
            // the demo clinic keeps the default threshold of 7
            dana.waitFor(d -> suggestion.getText().contains(t(DANA_LANGUAGE, "assign.confidence.low", 7)));
            dana.scrollToTop(confidence);
        });

        step(dana, "assign-plan-changed", () -> {
            WebElement changed = dana.visible(By.id("assign-plan-changed"));
            dana.tickBox(changed);
            assertThat(changed.getDomAttribute("checked")).isNotNull();
            dana.scrollToTop(dana.visible(By.id("assign-confidence")));
        });

        step(dana, "assigned", () -> {
            dana.click(dana.visible(By.id("assign-submit")));
            dana.waitFor(d -> dana.displayed(By.id("assign-title")).isEmpty());
            dana.waitFor(d -> dana.deepText("vaadin-notification-card")
                    .contains(t(DANA_LANGUAGE, "assign.done", TITLE, CLIENT_NAME)));
            WebElement card = dana.waitFor(d -> planCard(dana, TITLE).orElse(null));
            assertThat(card.getText()).contains(RATIONALE_START, t(DANA_LANGUAGE, "client.plan.active"));
            dana.scrollToTop(card);
        });

        step(dana, "dana-signed-out", () -> dana.signOutStaff());

        // --- 2. Riley does it on her phone ---------------------------------------------------------
        Browser riley = Browser.open("client");
        step(riley, "riley-sign-in-390", () -> {
            riley.resize(390, 844);
            riley.fillInSignIn(CLINIC, CLIENT_EMAIL, CLIENT_PASSWORD);
        });

        step(riley, "riley-today-390", () -> {
            riley.click(riley.visible(By.id("sign-in")));
            riley.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/my") + "/?$"));
            WebElement hello = riley.visible(By.id("home-title"));
            assertThat(hello.getText()).contains(CLIENT_NAME);
            language(riley, "the client's home greeting", hello.getText(), t(CLIENT_LANGUAGE, "home.client.hello", CLIENT_NAME));
            clientPageLanguage = hello.getText().strip().equals(t(CLIENT_LANGUAGE, "home.client.hello", CLIENT_NAME))
                    ? CLIENT_LANGUAGE : Locale.ENGLISH;
            System.out.println("[e2e] the client's pages are in: " + clientPageLanguage);
            WebElement card = riley.waitFor(d -> homeworkCard(riley, TITLE).orElse(null));
            // due today in her time zone: in the first section ("for today")
            WebElement firstSection = riley.visible(By.cssSelector(".today-section"));
            assertThat(riley.contains(firstSection, card)).as("the homework is in the first section, for today").isTrue();
            language(riley, "the first section's heading", firstSection.findElement(By.tagName("h2")).getText(),
                    t(CLIENT_LANGUAGE, "portal.today.now"));
            assertThat(riley.classes(card)).contains("homework-card--due");
            // why it helps comes before the plan
            List<String> parts = riley.childClasses(card);
            int why = indexOfClass(parts, "homework-why");
            int plan = indexOfClass(parts, "homework-plan");
            assertThat(why).as("the card has a 'why this helps' part").isGreaterThanOrEqualTo(0);
            assertThat(plan).as("the card shows the plan").isGreaterThan(why);
            WebElement whyBox = card.findElement(By.cssSelector(".homework-why"));
            assertThat(whyBox.getText()).contains(RATIONALE_START);
            language(riley, "the card's 'why this helps' label", whyBox.findElement(By.tagName("span")).getText(),
                    t(CLIENT_LANGUAGE, "worksheet.why"));
            assertThat(card.findElement(By.cssSelector(".homework-plan")).getText()).contains(WHAT, WHEN, WHERE, BACKUP_PLAN);
            layout(riley, "/my");
            bottomNavigation(riley, "/my");
            riley.driver.executeScript("window.scrollTo(0, 0)");
            assertThat(ENGLISH_ONLY).as("the whole-page check knows the portal's English")
                    .contains(t(Locale.ENGLISH, "reminders.intro"));
            noEnglish(riley, "today");
        });

        step(riley, "riley-homework-opened-390", () -> {
            WebElement card = homeworkCard(riley, TITLE).orElseThrow();
            WebElement open = card.findElement(By.cssSelector(".homework-open"));
            language(riley, "the card's start button", open.getText(), t(CLIENT_LANGUAGE, "portal.open.start"));
            riley.click(open);
            riley.waitFor(ExpectedConditions.urlMatches(
                    "^" + Pattern.quote(BASE_URL + "/my/homework/") + "[0-9a-f-]{36}/?$"));
            Matcher id = Pattern.compile("/my/homework/([0-9a-f-]{36})").matcher(riley.driver.getCurrentUrl());
            assertThat(id.find()).isTrue();
            occurrenceId[0] = id.group(1);
            assertThat(riley.visible(By.cssSelector(".homework-page h1")).getText()).isEqualTo(TITLE);
            riley.visible(By.cssSelector("[data-field='records'] .worksheet-row"));
            WebElement status = riley.visible(By.id("save-status"));
            language(riley, "the save status before any answer", status.getText(), t(CLIENT_LANGUAGE, "portal.save.auto"));
            assertThat(riley.visible(By.id("submit-homework")).isDisplayed()).isTrue();
            layout(riley, "/my/homework (empty)");
            noEnglish(riley, "homework-opened");
        });

        step(riley, "riley-draft-saved-390", () -> {
            WebElement row = riley.visible(By.cssSelector("[data-field='records'] .worksheet-row"));
            riley.typeInto(riley.byLabel(row, "vaadin-text-field", "Situation"), SITUATION);
            riley.typeInto(riley.byLabel(row, "vaadin-text-field", "Feelings (and how strong, 0–100)"), FEELINGS);
            riley.quiet();
            String saved = savedPrefix(clientPageLanguage);
            riley.waitFor(d -> riley.text(By.id("save-status")).startsWith(saved));
            assertThat(riley.classes(riley.visible(By.id("save-status")))).doesNotContain("save-status--problem");
            riley.scrollToTop(row);
            reportBarUnderNav(riley);
        });

        step(riley, "riley-reloaded-draft-kept-390", () -> {
            riley.driver.navigate().refresh();
            WebElement row = riley.visible(By.cssSelector("[data-field='records'] .worksheet-row"));
            riley.settle();
            assertThat(riley.inputValue(riley.byLabel(row, "vaadin-text-field", "Situation")))
                    .as("the situation typed before the reload").isEqualTo(SITUATION);
            assertThat(riley.inputValue(riley.byLabel(row, "vaadin-text-field", "Feelings (and how strong, 0–100)")))
                    .as("the feelings typed before the reload").isEqualTo(FEELINGS);
            assertThat(riley.text(By.id("save-status"))).startsWith(savedPrefix(clientPageLanguage));
            riley.scrollToTop(row);
        });

        step(riley, "riley-worksheet-complete-390", () -> {
            WebElement row = riley.visible(By.cssSelector("[data-field='records'] .worksheet-row"));
            riley.typeInto(riley.byLabel(row, "vaadin-text-area", "Automatic thought"), THOUGHT);
            riley.typeInto(riley.byLabel(row, "vaadin-text-area", "Evidence that supports the thought"), EVIDENCE_FOR);
            riley.typeInto(riley.byLabel(row, "vaadin-text-area", "Evidence that does not support the thought"), EVIDENCE_AGAINST);
            riley.typeInto(riley.byLabel(row, "vaadin-text-area", "A more balanced thought"), BALANCED);
            riley.typeInto(riley.byLabel(row, "vaadin-integer-field", "How strong is the feeling now?"), FEELING_NOW);
            riley.quiet();
            assertThat(riley.text(By.id("save-status"))).startsWith(savedPrefix(clientPageLanguage));
            riley.scrollToBottom(riley.visible(By.cssSelector(".homework-bar")));
            reportBarUnderNav(riley);
            layout(riley, "/my/homework (filled in)");
            noEnglish(riley, "worksheet-complete");
        });

        step(riley, "riley-submitted-390", () -> {
            riley.click(riley.visible(By.id("submit-homework")));
            WebElement reflection = riley.visible(By.id("reflection"));
            riley.waitFor(d -> !riley.deepText("vaadin-notification-card").isBlank());
            language(riley, "the notification after sending", riley.deepText("vaadin-notification-card").strip(),
                    t(CLIENT_LANGUAGE, "portal.submitted"));
            assertThat(riley.driver.findElements(By.id("submit-homework"))).as("no send button once sent").isEmpty();
            language(riley, "the reflection heading", reflection.findElement(By.tagName("h2")).getText(),
                    t(CLIENT_LANGUAGE, "portal.reflect.title"));
            riley.scrollToTop(reflection);
            layout(riley, "/my/homework (sent, reflection)");
            noEnglish(riley, "submitted");
        });

        step(riley, "riley-reflection-filled-390", () -> {
            WebElement reflection = riley.visible(By.id("reflection"));
            List<WebElement> scales = reflection.findElements(By.cssSelector("vaadin-radio-group.rating-scale"));
            assertThat(scales).as("how much, how hard, how helpful").hasSize(3);
            riley.chooseRadio(scales.get(0), "100 %");
            riley.chooseRadio(scales.get(1), "3");
            riley.chooseRadio(scales.get(2), "8");
            riley.typeInto(reflection.findElement(By.tagName("vaadin-text-area")), REFLECTION_NOTE);
            riley.scrollToBottom(riley.visible(By.id("save-reflection")));
        });

        step(riley, "riley-reflection-saved-390", () -> {
            riley.click(riley.visible(By.id("save-reflection")));
            riley.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/my") + "/?$"));
            WebElement card = riley.waitFor(d -> homeworkCard(riley, TITLE).orElse(null));
            riley.waitFor(d -> riley.classes(card).contains("homework-card--done"));
            language(riley, "the card's button once sent", card.findElement(By.cssSelector(".homework-open")).getText(),
                    t(CLIENT_LANGUAGE, "portal.open.view"));
            riley.driver.executeScript("window.scrollTo(0, 0)");
            layout(riley, "/my (done)");
            noEnglish(riley, "reflection-saved");
        });

        step(riley, "riley-signed-out", () -> signOutClient(riley));

        // --- 3. Dana reviews it --------------------------------------------------------------------
        step(dana, "dana-sign-in-again", () -> {
            dana.fillInSignIn(CLINIC, DANA_EMAIL, THERAPIST_PASSWORD);
            dana.click(dana.visible(By.id("sign-in")));
            dana.passSecondStep(DANA_EMAIL);
            dana.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app") + "/?$"));
            assertThat(dana.visible(By.id("home-title")).getText()).contains(DANA_NAME);
        });

        step(dana, "review-queue", () -> {
            dana.driver.get(BASE_URL + "/app/review");
            dana.visible(By.id("review-grid"));
            dana.settle();
            WebElement link = dana.waitFor(d -> dana.linkByText("a.review-link", TITLE).orElse(null));
            assertThat(link.isDisplayed()).isTrue();
            assertThat(dana.visible(By.id("review-grid")).getText()).contains(CLIENT_NAME, "100 %");
        });

        step(dana, "review-entry", () -> {
            dana.click(dana.linkByText("a.review-link", TITLE).orElseThrow());
            dana.waitFor(ExpectedConditions.urlMatches(
                    "^" + Pattern.quote(BASE_URL + "/app/entries/") + "[0-9a-f-]{36}/?$"));
            dana.waitFor(d -> TITLE.equals(dana.text(By.id("entry-title"))));
            assertThat(dana.text(By.id("entry-client"))).isEqualTo(CLIENT_NAME);
            assertThat(dana.visible(By.id("entry-reflection")).getText()).contains("100 %", REFLECTION_NOTE);
            assertThat(dana.valuesIn(dana.visible(By.id("entry-answers"))))
                    .contains(SITUATION, FEELINGS, THOUGHT, EVIDENCE_AGAINST, BALANCED, FEELING_NOW);
        });

        step(dana, "review-feedback-written", () -> {
            dana.type("review-feedback", FEEDBACK);
            // the phrase is offered in the client's language, since the client reads it
            String praise = t(CLIENT_LANGUAGE, "review.praise.effort");
            WebElement button = dana.waitFor(d -> d.findElements(By.cssSelector("#praise vaadin-button.praise-button")).stream()
                    .filter(b -> praise.equals(b.getText().strip())).findFirst().orElse(null));
            dana.click(button);
            dana.waitFor(d -> (FEEDBACK + " " + praise).equals(dana.value("review-feedback")));
            dana.scrollToTop(dana.visible(By.id("review-feedback")));
        });

        step(dana, "review-marked-reviewed", () -> {
            dana.click(dana.visible(By.id("mark-reviewed")));
            dana.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app/review") + "/?$"));
            dana.waitFor(d -> dana.deepText("vaadin-notification-card")
                    .contains(t(DANA_LANGUAGE, "review.saved", CLIENT_NAME)));
            dana.visible(By.id("review-grid"));
            dana.settle();
            dana.waitFor(d -> dana.linkByText("a.review-link", TITLE).isEmpty());
        });

        step(dana, "dana-signed-out-again", () -> dana.signOutStaff());

        // --- 4. Riley sees the feedback ------------------------------------------------------------
        step(riley, "riley-sign-in-again-390", () -> {
            riley.fillInSignIn(CLINIC, CLIENT_EMAIL, CLIENT_PASSWORD);
            riley.click(riley.visible(By.id("sign-in")));
            riley.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/my") + "/?$"));
            riley.visible(By.id("home-title"));
        });

        step(riley, "riley-progress-390", () -> {
            WebElement nav = riley.waitFor(d -> d.findElements(By.cssSelector(".client-nav a")).stream()
                    .filter(a -> String.valueOf(a.getDomAttribute("href")).endsWith("my/progress"))
                    .findFirst().orElse(null));
            language(riley, "the bottom navigation's progress link", nav.getText(), t(CLIENT_LANGUAGE, "nav.progress"));
            riley.click(nav);
            riley.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/my/progress") + "/?$"));
            WebElement row = riley.waitFor(d -> historyRow(riley, TITLE).orElse(null));
            List<String> badges = row.findElements(By.cssSelector(".badge")).stream().map(b -> b.getText().strip()).toList();
            assertThat(badges).as("the entry is marked as having feedback").isNotEmpty();
            language(riley, "the feedback badge", badges.getFirst(), t(CLIENT_LANGUAGE, "portal.progress.feedback"));
            language(riley, "the progress page title", riley.text(By.cssSelector(".client-content h1")),
                    t(CLIENT_LANGUAGE, "portal.progress.title"));
            riley.scrollToTop(row);
            layout(riley, "/my/progress");
            noEnglish(riley, "progress");
        });

        step(riley, "riley-feedback-390", () -> {
            riley.click(historyRow(riley, TITLE).orElseThrow().findElement(By.tagName("a")));
            riley.waitFor(ExpectedConditions.urlMatches(
                    "^" + Pattern.quote(BASE_URL + "/my/homework/" + occurrenceId[0]) + "/?$"));
            WebElement feedback = riley.visible(By.id("therapist-feedback"));
            assertThat(feedback.getText()).contains(FEEDBACK, t(CLIENT_LANGUAGE, "review.praise.effort"));
            language(riley, "the feedback heading", feedback.findElement(By.tagName("h2")).getText(),
                    t(CLIENT_LANGUAGE, "portal.feedback"));
            assertThat(riley.driver.findElements(By.id("reflection"))).as("the reflection is not asked twice").isEmpty();
            riley.scrollToTop(feedback);
            layout(riley, "/my/homework (feedback)");
            noEnglish(riley, "feedback");
        });

        step(riley, "riley-signed-out-again", () -> signOutClient(riley));
    }

    // ---------------------------------------------------------------------------------------------
    // shared moves

    private void signOutClient(Browser browser) {
        browser.driver.get(BASE_URL + "/my");
        browser.visible(By.id("home-title"));
        browser.settle();
        browser.click(browser.visible(By.id("sign-out")));
        browser.waitFor(d -> !d.getCurrentUrl().startsWith(BASE_URL + "/my"));
        browser.settle();
        // her clinic's sign-in page, in her language although the browser prefers English
        browser.visible(By.id("sign-in"));
        assertThat(browser.driver.getCurrentUrl()).startsWith(BASE_URL + "/c/" + CLINIC);
        noEnglish(browser, "the sign-in page after signing out");
        browser.driver.get(BASE_URL + "/my");
        browser.waitFor(d -> !d.getCurrentUrl().startsWith(BASE_URL + "/my"));
        assertThat(browser.driver.findElements(By.id("home-title"))).isEmpty();
    }

    /** "Saved at" in the language, without the time. */
    private static String savedPrefix(Locale language) {
        String pattern = bundle(language).getString("portal.save.saved");
        return pattern.substring(0, pattern.indexOf("{0}"));
    }

    private static int indexOfClass(List<String> classLists, String className) {
        for (int i = 0; i < classLists.size(); i++) {
            if ((" " + classLists.get(i) + " ").contains(" " + className + " ")) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------
    // language and layout findings (reported, failing the test at the end)

    /** The app's own text for the key in that language (the bundles the app ships). */
    private static String t(Locale language, String key, Object... arguments) {
        String pattern = bundle(language).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language).format(arguments);
    }

    private static ResourceBundle bundle(Locale language) {
        // no fallback to the JVM's default locale: English is the base bundle
        return ResourceBundle.getBundle("i18n/messages", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private void language(Browser browser, String what, String actual, String expected) {
        if (!expected.strip().equals(actual == null ? null : actual.strip())) {
            problem(browser, what + " is not in the account's language (" + CLIENT_LANGUAGE + " for the client): expected \""
                    + expected + "\", was \"" + actual + "\"");
        }
    }

    /**
     * English that a page in the client's language must not show: of every English text in the bundle that the
     * client's language says differently, its longest run of words between placeholders (14 characters or more,
     * so names and short words shared by both languages do not count).
     */
    private static final List<String> ENGLISH_ONLY = NoEnglish.runs(CLIENT_LANGUAGE);

    /** The whole page, not only the texts checked one by one, has no English on it (issue 14: "a Spanish client never sees English"). */
    private void noEnglish(Browser browser, String where) {
        if (!clientPageLanguage.equals(CLIENT_LANGUAGE)) {
            return; // the pages are not in her language at all: language() has said so already
        }
        String page = String.valueOf(browser.driver.executeScript("return document.body.innerText;"));
        List<String> english = ENGLISH_ONLY.stream().filter(page::contains).toList();
        if (!english.isEmpty()) {
            problem(browser, where + " shows English to a client who reads " + CLIENT_LANGUAGE + ": " + english);
        }
    }

    /** Prints how the page fits a phone screen; a page wider than the screen is a problem. */
    private void layout(Browser browser, String page) {
        int overflow = browser.horizontalOverflow();
        int width = browser.viewportWidth();
        System.out.printf("[e2e] %s at %d px: %s%n", page, width,
                overflow > 0 ? overflow + " px wider than the screen" : "fits the screen width");
        if (overflow > 0) {
            problem(browser, page + " is " + overflow + " px wider than the " + width + " px screen (scrolls sideways); "
                    + "widest elements: " + browser.widestElements());
        }
    }

    /**
     * The client layout's bottom navigation ("a bottom bar of large tap targets") should stay on the
     * screen on a page longer than the screen, not only show once scrolled to the end.
     */
    private void bottomNavigation(Browser browser, String page) {
        Object report = browser.driver.executeScript("""
                window.scrollTo(0, 0);
                const nav = document.querySelector('.client-nav');
                if (!nav) { return null; }
                const n = nav.getBoundingClientRect();
                return {navTop: Math.round(n.top), navBottom: Math.round(n.bottom), viewport: window.innerHeight,
                        pageHeight: document.documentElement.scrollHeight,
                        position: getComputedStyle(nav).position, parent: nav.parentElement.localName};
                """);
        System.out.println("[e2e] bottom navigation on " + page + " at the top of the page: " + report);
        if (report instanceof Map<?, ?> map && map.get("navTop") instanceof Number top
                && map.get("viewport") instanceof Number viewport && map.get("pageHeight") instanceof Number height
                && height.intValue() > viewport.intValue() && top.intValue() >= viewport.intValue()) {
            problem(browser, "the bottom navigation (.client-nav) of " + page + " is off the screen until the page is "
                    + "scrolled to the end (" + report + "): position sticky does nothing while it is the only child "
                    + "of its <footer>");
        }
    }

    /** The homework page's sticky save/send bar and the client layout's sticky bottom navigation must not overlap. */
    private void reportBarUnderNav(Browser browser) {
        Object report = browser.driver.executeScript("""
                const bar = document.querySelector('.homework-bar');
                const nav = document.querySelector('.client-nav');
                if (!bar || !nav) { return 'n/a'; }
                const b = bar.getBoundingClientRect();
                const n = nav.getBoundingClientRect();
                const overlap = Math.max(0, Math.min(b.bottom, n.bottom) - Math.max(b.top, n.top));
                return {barTop: Math.round(b.top), barBottom: Math.round(b.bottom), navTop: Math.round(n.top),
                        navBottom: Math.round(n.bottom), overlap: Math.round(overlap), viewport: window.innerHeight};
                """);
        System.out.println("[e2e] save bar vs bottom navigation at " + browser.viewportWidth() + " px: " + report);
        if (report instanceof Map<?, ?> map && map.get("overlap") instanceof Number overlap && overlap.intValue() > 0) {
            problem(browser, "the homework page's save/send bar (.homework-bar) and the bottom navigation (.client-nav) "
                    + "overlap by " + overlap + " px: " + report);
        }
    }

    private void problem(Browser browser, String text) {
        String where = "step " + PREFIX + "%02d".formatted(stepNumber) + " (" + browser.currentUrlOrUnknown() + ")";
        problems.add(where + ": " + text);
        System.out.println("[e2e] PROBLEM at " + where + ": " + text);
    }

    // ---------------------------------------------------------------------------------------------
    // steps and evidence

    /** Runs one step in the browser (screenshot afterwards, evidence on failure) and keeps its time. */
    private void step(Browser browser, String name, Browser.Action action) {
        browser.step("%s%02d-%s".formatted(PREFIX, ++stepNumber, name), action,
                (label, seconds, failed) -> timings.put(failed ? label + " (FAILED)" : label, seconds));
    }

    private void printTimings(double wallSeconds) {
        StringBuilder out = new StringBuilder("[e2e] homework journey timings (actions, without screenshots):\n");
        double total = 0;
        for (Map.Entry<String, Double> timing : timings.entrySet()) {
            out.append("[e2e]   %-45s %6.1f s%n".formatted(timing.getKey(), timing.getValue()));
            total += timing.getValue();
        }
        out.append("[e2e]   %-45s %6.1f s (%.1f s wall clock with browsers and screenshots)%n"
                .formatted("total", total, wallSeconds));
        System.out.print(out);
    }

    /** Removes this journey's screenshots from an earlier run (leaving the other journeys' pictures). */
    private static void recreateScreenshots() throws IOException {
        Browser.clearScreenshots(file -> file.startsWith(PREFIX));
    }

    // ---------------------------------------------------------------------------------------------
    // the homework pages

    /** A plan card on the therapist's client page, by its title. */
    private static Optional<WebElement> planCard(Browser b, String title) {
        return b.driver.findElements(By.cssSelector("#client-plan .plan-card")).stream()
                .filter(c -> c.findElements(By.tagName("h3")).stream().anyMatch(h -> title.equals(h.getText().strip())))
                .findFirst();
    }

    /** A homework card on the client's home page, by its title. */
    private static Optional<WebElement> homeworkCard(Browser b, String title) {
        return b.driver.findElements(By.cssSelector(".today-section .homework-card")).stream()
                .filter(c -> c.findElements(By.cssSelector(".homework-card-head h3")).stream()
                        .anyMatch(h -> title.equals(h.getText().strip())))
                .findFirst();
    }

    /** A row of the client's progress page, by the homework's title. */
    private static Optional<WebElement> historyRow(Browser b, String title) {
        return b.driver.findElements(By.cssSelector(".history-row")).stream()
                .filter(r -> r.findElements(By.tagName("a")).stream().anyMatch(a -> title.equals(a.getText().strip())))
                .findFirst();
    }
}
