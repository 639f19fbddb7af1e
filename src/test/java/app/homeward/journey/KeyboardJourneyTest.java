package app.homeward.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.util.regex.Pattern;

import static app.homeward.journey.Browser.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client portal with the keyboard alone: sign in, open Today's homework, answer every question of the
 * mood log (a date from the calendar, a rating, several ticked feelings, a short and a long text), send
 * it, say how it went, sign out. Only keys are pressed (Tab, Shift+Tab, arrows, Space, Enter and typed
 * text, sent to whatever has the focus); nothing is clicked. Where the focus is, is read from the page
 * itself, shadow roots included, so a control that Tab cannot reach fails the journey.
 *
 * <p>The client is Kit Keys of the journeys' own clinic ({@code e2e-tenants/readable.yaml}), whose mood log
 * is due today and tomorrow: whatever the hour, one is open.
 */
@Tag("e2e")
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

    /** Whether the focused element is, or is inside, an element matching the selector (light DOM). */
    private static final String FOCUS_IN = """
            let element = document.activeElement;
            while (element && element.shadowRoot && element.shadowRoot.activeElement) {
                element = element.shadowRoot.activeElement;
            }
            for (let node = element; node; node = node.parentNode || node.host) {
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
    void a_client_does_their_homework_and_signs_out_without_a_mouse() throws IOException {
        Browser kit = Browser.open("keyboard");
        Browser.clearScreenshots(name -> name.startsWith("keyboard-"));
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
            String card = ".homework-card:has(.homework-open[theme~='primary'])";
            kit.waitFor(d -> !d.findElements(By.cssSelector(card)).isEmpty());
            tabTo(kit, card + " .homework-open");
            assertThat(focusedText(kit)).as("the focused card's button").isNotBlank();
            press(kit, Keys.ENTER);
            kit.waitFor(d -> d.getCurrentUrl().contains("/my/homework/"));
            kit.visible(By.id("submit-homework"));
            kit.settle();
        });

        kit.step("keyboard-03-date-from-the-calendar", () -> {
            tabTo(kit, "[data-field='date']");
            // Alt+Down or Down opens the calendar on today; Enter takes the focused day
            press(kit, Keys.ARROW_DOWN);
            kit.waitFor(d -> Boolean.TRUE.equals(js(kit, "return !!document.querySelector("
                    + "\"[data-field='date']\").opened;")));
            kit.settle();
            press(kit, Keys.ENTER);
            kit.waitFor(d -> !String.valueOf(js(kit, "return document.querySelector(\"[data-field='date']\").value;"))
                    .isBlank());
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

    // ---------------------------------------------------------------------------------------------

    /** Presses Tab (at most 80 times) until the focus is on or in an element matching the selector. */
    private static void tabTo(Browser browser, String selector) {
        for (int presses = 0; presses < 80; presses++) {
            if (Boolean.TRUE.equals(js(browser, FOCUS_IN, selector))) {
                return;
            }
            press(browser, Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + selector + "; the focus stayed on " + focusedText(browser));
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
