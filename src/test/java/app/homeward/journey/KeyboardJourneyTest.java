package app.homeward.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.time.LocalDate;
import java.util.regex.Pattern;

import static app.homeward.journey.Browser.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client portal and the therapist's assign dialog with the keyboard alone. The client: sign in, open Today's homework, answer every question of the
 * mood log (a date from the calendar, a rating, several ticked feelings, a short and a long text), send
 * it, say how it went, sign out. Only keys are pressed (Tab, Shift+Tab, arrows, Space, Enter and typed
 * text, sent to whatever has the focus); nothing is clicked. Where the focus is, is read from the page
 * itself, shadow roots included, so a control that Tab cannot reach fails the journey.
 *
 * <p>The client is Kit Keys of the journeys' own clinic ({@code e2e-tenants/readable.yaml}), whose mood log
 * is due today and tomorrow: whatever the hour, one is open.
 */
@Tag("e2e")
// the therapist assigns first, so the client's Today always has a second open card to tab past
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyboardJourneyTest {

    private static final String CLINIC = "readable";
    private static final String EMAIL = "keys@readable.example";
    private static final String PASSWORD = "paper-kite-morning-2026";
    private static final String TITLE = "Keyboard: mood log";
    private static final String HAPPENED = "Walked to the shop and talked to a neighbour.";
    private static final String NOTE = "Doing it with the keyboard was fine.";

    /** The element that has the focus, looking inside shadow roots (Vaadin's inputs live in them or are slotted). */
    private static final String FOCUSED = """
            let element = document.activeElement;
            while (element && element.shadowRoot && element.shadowRoot.activeElement) {
                element = element.shadowRoot.activeElement;
            }
            return element;
            """;

    /** Given {@code focused}: whether it is, or is inside, an element matching the selector (light DOM). */
    private static final String FOCUS_IN = """
            for (let node = focused; node; node = node.parentNode || node.host) {
                if (node.matches && node.matches(arguments[0])) { return true; }
            }
            return false;
            """;

    /** The labels of the checked radio buttons or boxes matching the selector, comma-separated. */
    private static final String CHECKED = """
            return [...document.querySelectorAll(arguments[0])].filter(b => b.checked)
                .map(b => (b.label || b.textContent || '').trim()).join(',');
            """;

    @AfterAll
    static void quit_browsers() {
        Browser.closeAll();
    }

    @Test
    @Order(2)
    void a_client_does_their_homework_and_signs_out_without_a_mouse() throws IOException {
        Browser kit = Browser.open("keyboard");
        Browser.clearScreenshots(name -> name.matches("keyboard-\\d.*"));
        kit.resize(390, 844);

        kit.step("keyboard-01-sign-in", () -> {
            kit.driver.get(BASE_URL + "/c/" + CLINIC);
            kit.visible(By.id("sign-in"));
            kit.settle();
            tabTo(kit, "#email");
            type(kit, EMAIL);
            tabTo(kit, "#password");
            type(kit, PASSWORD);
            tabTo(kit, "#sign-in");
            press(kit, Keys.ENTER);
            kit.waitFor(d -> d.getCurrentUrl().matches("^" + Pattern.quote(BASE_URL + "/my") + "/?$"));
            kit.visible(By.id("home-title"));
            kit.settle();
        });

        kit.step("keyboard-02-open-homework", () -> {
            // the mood log's open card (the therapist test may have added a sleep diary before this one)
            kit.waitFor(d -> Boolean.TRUE.equals(js(kit, CARD_OPEN, TITLE)));
            tabUntil(kit, FOCUS_ON_CARD_OPEN, TITLE);
            assertThat(focusedText(kit)).as("the focused card's button").isNotBlank();
            press(kit, Keys.ENTER);
            kit.waitFor(d -> d.getCurrentUrl().contains("/my/homework/"));
            kit.visible(By.id("submit-homework"));
            kit.settle();
        });

        kit.step("keyboard-03-date-from-the-calendar", () -> {
            String dateValue = "return document.querySelector(\"[data-field='date']\").value;";
            String today = String.valueOf(js(kit, dateValue));
            assertThat(today).as("a new mood log starts on the client's today").matches("\\d{4}-\\d{2}-\\d{2}");
            tabTo(kit, "[data-field='date']");
            // Alt+Down or Down opens the calendar on the chosen day; Left moves to the day before, Enter takes it
            press(kit, Keys.ARROW_DOWN);
            kit.waitFor(d -> Boolean.TRUE.equals(js(kit, "return !!document.querySelector("
                    + "\"[data-field='date']\").opened;")));
            kit.settle();
            press(kit, Keys.ARROW_LEFT);
            press(kit, Keys.ENTER);
            kit.waitFor(d -> String.valueOf(js(kit, dateValue)).equals(LocalDate.parse(today).minusDays(1).toString()));
            // the value is set before the calendar has closed: the step's accessibility check would see the
            // closing overlay (Vaadin's, without a name while it goes) on a slow run
            kit.waitFor(d -> !Boolean.TRUE.equals(js(kit, "return !!document.querySelector("
                    + "\"[data-field='date']\").opened;")));
            kit.waitFor(d -> Boolean.TRUE.equals(js(kit, "const c = document.querySelector("
                    + "'vaadin-date-picker-overlay-content'); return !c || c.getClientRects().length === 0;")));
            kit.settle();
        });

        kit.step("keyboard-04-mood-rated", () -> {
            tabTo(kit, "[data-field='mood']");
            // in a radio group the arrows move the choice: from 0 (or the first) to 7
            for (int i = 0; i < 7; i++) {
                press(kit, Keys.ARROW_RIGHT);
            }
            kit.waitFor(d -> "7".equals(String.valueOf(js(kit, CHECKED, "[data-field='mood'] vaadin-radio-button"))));
        });

        kit.step("keyboard-05-feelings-ticked", () -> {
            tabTo(kit, "[data-field='emotions'] vaadin-checkbox");
            press(kit, " "); // Sad: the first box
            press(kit, Keys.TAB, Keys.TAB, Keys.TAB);
            press(kit, " "); // Calm: the fourth
            kit.waitFor(d -> "Sad,Calm".equals(String.valueOf(js(kit, CHECKED, "[data-field='emotions'] vaadin-checkbox"))));
        });

        kit.step("keyboard-06-texts-typed", () -> {
            tabTo(kit, "[data-field='other']");
            type(kit, "Restless");
            tabTo(kit, "[data-field='happened']");
            type(kit, HAPPENED);
            kit.quiet();
            kit.waitFor(d -> kit.text(By.id("save-status")).matches(".*\\d.*"));
        });

        kit.step("keyboard-07-sent", () -> {
            tabTo(kit, "#submit-homework");
            press(kit, Keys.ENTER);
            kit.visible(By.id("reflection"));
            kit.settle();
        });

        kit.step("keyboard-08-reflected", () -> {
            tabTo(kit, "#reflection vaadin-radio-group");
            // "How much did you do?": 0 %, 25 % … 100 %; four steps right is 100 %
            for (int i = 0; i < 4; i++) {
                press(kit, Keys.ARROW_RIGHT);
            }
            tabTo(kit, "#reflection vaadin-text-area");
            type(kit, NOTE);
            tabTo(kit, "#save-reflection");
            press(kit, Keys.ENTER);
            kit.waitFor(d -> d.getCurrentUrl().matches("^" + Pattern.quote(BASE_URL + "/my") + "/?$"));
            kit.visible(By.id("home-title"));
            kit.settle();
        });

        kit.step("keyboard-09-signed-out", () -> {
            tabTo(kit, "#sign-out");
            press(kit, Keys.ENTER);
            kit.waitFor(d -> !d.getCurrentUrl().startsWith(BASE_URL + "/my"));
            kit.settle();
            kit.driver.get(BASE_URL + "/my");
            kit.waitFor(d -> !d.getCurrentUrl().startsWith(BASE_URL + "/my"));
        });
    }

    /**
     * The therapist's assign dialog with keys alone: opened from the client page, a worksheet picked in the
     * combo box by typing and Enter, the plan's words typed, confidence chosen with the arrows, assigned with
     * Enter. Signing in (with its second step) and opening the client page by its address are not the subject.
     */
    @Test
    @Order(1)
    void a_therapist_assigns_homework_from_the_keyboard() throws IOException {
        Browser tess = Browser.open("keyboard-therapist");
        Browser.clearScreenshots(name -> name.startsWith("keyboard-t"));
        String email = "therapist@readable.example";

        tess.step("keyboard-t01-client-page", () -> {
            tess.fillInSignIn(CLINIC, email, "amber-field-notes-2026");
            tess.click(tess.visible(By.id("sign-in")));
            tess.passSecondStep(email);
            tess.visible(By.id("home-title"));
            tess.driver.get(BASE_URL + "/app/clients");
            String href = tess.waitFor(d -> tess.linkByText("a.caseload-name", "Kit Keys").orElse(null)).getDomAttribute("href");
            tess.driver.get(BASE_URL + "/" + href.replaceFirst("^/", ""));
            tess.visible(By.id("assign-homework"));
            tess.settle();
        });

        tess.step("keyboard-t02-dialog-open", () -> {
            tabTo(tess, "#assign-homework");
            press(tess, Keys.ENTER);
            tess.visible(By.id("assign-worksheet"));
            tess.settle();
        });

        tess.step("keyboard-t03-worksheet-picked", () -> {
            tabTo(tess, "#assign-worksheet");
            type(tess, "Sleep diary");
            press(tess, Keys.ARROW_DOWN);
            press(tess, Keys.ENTER);
            tess.waitFor(d -> "Sleep diary".equals(tess.value("assign-title")));
        });

        tess.step("keyboard-t04-plan-typed", () -> {
            tabTo(tess, "#assign-what");
            type(tess, "Fill in the diary each morning");
            tabTo(tess, "#assign-when");
            type(tess, "After breakfast");
            tabTo(tess, "#assign-where");
            type(tess, "At the kitchen table");
            tabTo(tess, "#assign-confidence");
            for (int i = 0; i < 8; i++) {
                press(tess, Keys.ARROW_RIGHT);
            }
            tess.waitFor(d -> "8".equals(String.valueOf(js(tess, CHECKED, "#assign-confidence vaadin-radio-button"))));
        });

        tess.step("keyboard-t05-assigned", () -> {
            tabTo(tess, "#assign-submit");
            press(tess, Keys.ENTER);
            tess.waitFor(d -> tess.displayed(By.id("assign-title")).isEmpty());
            tess.waitFor(d -> tess.deepText("vaadin-notification-card").contains("“Sleep diary” assigned to Kit Keys."));
        });
    }

    // ---------------------------------------------------------------------------------------------

    /** Whether the page shows a card titled arguments[0] with an open ("do it") button. */
    private static final String CARD_OPEN = """
            const title = arguments[0];
            return [...document.querySelectorAll('.homework-card')].some(card =>
                card.querySelector('.homework-open[theme~="primary"]') !== null
                && [...card.querySelectorAll('h3')].some(h => h.textContent.trim() === title));
            """;

    /** Given {@code focused}: whether it is the open button of a card titled arguments[0]. */
    private static final String FOCUS_ON_CARD_OPEN = """
            const title = arguments[0];
            const card = focused && focused.closest ? focused.closest('.homework-card') : null;
            return card !== null && focused.matches('.homework-open[theme~="primary"]')
                && [...card.querySelectorAll('h3')].some(h => h.textContent.trim() === title);
            """;

    /** Presses Tab (at most 150 times) until the focus is on or in an element matching the selector. */
    private static void tabTo(Browser browser, String selector) {
        tabUntil(browser, FOCUS_IN, selector);
    }

    /** Presses Tab (at most 150 times) until the script, given {@code focused} and the argument, says true. */
    private static void tabUntil(Browser browser, String test, String argument) {
        String script = "const focused = (() => {" + FOCUSED + "})();\n" + test;
        for (int presses = 0; presses < 150; presses++) {
            if (Boolean.TRUE.equals(js(browser, script, argument))) {
                return;
            }
            press(browser, Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + argument + "; the focus stayed on " + focusedText(browser));
    }

    private static void press(Browser browser, CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
        browser.settle();
    }

    /** Types into whatever has the focus, then lets the lazy value change reach the server. */
    private static void type(Browser browser, String text) {
        new Actions(browser.driver).sendKeys(text).perform();
        browser.quiet();
    }

    private static String focusedText(Browser browser) {
        Object text = js(browser, "const el = (() => {" + FOCUSED + "})(); return el ? (el.outerHTML || '').slice(0, 160) : 'nothing';");
        return String.valueOf(text);
    }

    private static Object js(Browser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, arguments);
    }
}
