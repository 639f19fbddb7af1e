package app.homeward.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

import static app.homeward.journey.Browser.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A safety alert, end to end in real browsers: a client on a phone answers the PHQ-9 with item 9 above
 * zero; at once a dialog says what happens now (the therapist is emailed, the portal is not watched around
 * the clock, where to turn in danger); the same words stay as a banner on Today; the therapist finds the
 * alert, acknowledges it with a note, and the client's banner is gone.
 *
 * <p>The client is Sam Safe of the journeys' own clinic ({@code e2e-tenants/readable.yaml}), whose PHQ-9
 * is due today and tomorrow: whatever the hour, one is open. The clinic has added its own crisis line (in the
 * same file), so the client reads it, not the neutral default (browserless tests cover a clinic without one).
 */
@Tag("e2e")
class SafetyJourneyTest {

    private static final String CLINIC = "readable";
    private static final String CLIENT_EMAIL = "safe@readable.example";
    private static final String CLIENT_NAME = "Sam Safe";
    private static final String CLIENT_PASSWORD = "paper-kite-morning-2026";
    private static final String THERAPIST_EMAIL = "therapist@readable.example";
    private static final String THERAPIST_PASSWORD = "amber-field-notes-2026";
    private static final String TITLE = "Safety: PHQ-9";
    /** The clinic's own crisis line in English ({@code e2e-tenants/readable.yaml}). */
    private static final String CRISIS_LINE = "If you are in danger now, call 999. Samaritans answer day and night on 116 123 (free).";
    private static final String NOTE = "Called Sam the same afternoon and went through the safety plan together.";
    private static final ResourceBundle EN = ResourceBundle.getBundle("i18n/messages", Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    @AfterAll
    static void quit_browsers() {
        Browser.closeAll();
    }

    @Test
    void an_alerting_answer_tells_the_client_what_happens_and_reaches_the_therapist() throws IOException {
        Browser.clearScreenshots(name -> name.startsWith("safety-"));
        Browser sam = Browser.open("safety-client");
        sam.resize(390, 844);

        sam.step("safety-01-client-signed-in", () -> {
            sam.fillInSignIn(CLINIC, CLIENT_EMAIL, CLIENT_PASSWORD);
            sam.click(sam.visible(By.id("sign-in")));
            sam.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/my") + "/?$"));
            sam.visible(By.id("home-title"));
            assertThat(sam.driver.findElements(By.id("crisis-banner"))).as("no banner before any alert").isEmpty();
        });

        sam.step("safety-02-phq9-answered", () -> {
            WebElement open = sam.waitFor(d -> openCard(sam).orElse(null));
            sam.click(open);
            sam.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/my/homework/") + "[0-9a-f-]{36}/?$"));
            for (int item = 1; item <= 9; item++) {
                // "Several days" everywhere: a total of 9 (mild), and item 9 at 1, which raises the alert
                WebElement group = sam.visible(By.cssSelector("[data-field='item" + item + "']"));
                sam.scrollIntoView(group);
                sam.chooseRadio(group, "Several days");
            }
            sam.scrollToBottom(sam.visible(By.id("submit-homework")));
        });

        sam.step("safety-03-dialog-says-what-happens", () -> {
            sam.click(sam.visible(By.id("submit-homework")));
            sam.waitFor(d -> sam.deepText("#crisis-message").contains(EN.getString("portal.crisis.told")));
            assertThat(sam.deepText("#crisis-message")).contains(EN.getString("portal.crisis.unwatched"), CRISIS_LINE)
                    .doesNotContain(EN.getString("portal.crisis.line.default"));
            assertThat(sam.driver.executeScript("return document.getElementById('crisis-message').header"))
                    .isEqualTo(EN.getString("portal.crisis.title"));
            assertThat(sam.driver.findElements(By.id("alert-note"))).as("self-harm gets the crisis text, not a rule's note")
                    .isEmpty();
        });

        sam.step("safety-04-banner-stays-on-today", () -> {
            WebElement ok = sam.waitFor(d -> sam.deepAll("vaadin-button").stream()
                    .filter(b -> EN.getString("portal.crisis.ok").equals(b.getText().strip()) && b.isDisplayed())
                    .findFirst().orElse(null));
            sam.click(ok);
            sam.driver.get(BASE_URL + "/my");
            WebElement banner = sam.visible(By.id("crisis-banner"));
            assertThat(banner.getDomAttribute("role")).isEqualTo("status");
            assertThat(banner.getText()).contains(EN.getString("portal.crisis.banner"), CRISIS_LINE);
            assertThat(sam.horizontalOverflow()).as("the banner fits a 390 px phone").isLessThanOrEqualTo(0);
            sam.driver.executeScript("window.scrollTo(0, 0)");
        });

        Browser tess = Browser.open("safety-therapist");
        tess.step("safety-05-therapist-sees-the-alert", () -> {
            tess.fillInSignIn(CLINIC, THERAPIST_EMAIL, THERAPIST_PASSWORD);
            tess.click(tess.visible(By.id("sign-in")));
            tess.passSecondStep(THERAPIST_EMAIL);
            tess.visible(By.id("home-title"));
            tess.driver.get(BASE_URL + "/app/alerts");
            tess.visible(By.id("alerts-grid"));
            tess.settle();
            tess.waitFor(d -> acknowledgeButton(tess).isPresent());
            assertThat(tess.gridCellTexts("alerts-grid")).anyMatch(text -> text.contains("Item 9"));
        });

        tess.step("safety-06-therapist-acknowledges", () -> {
            tess.click(acknowledgeButton(tess).orElseThrow());
            tess.waitFor(d -> tess.deepFindById("acknowledge-note").filter(WebElement::isDisplayed).isPresent());
            tess.typeInto(tess.deepFindById("acknowledge-note").orElseThrow(), NOTE);
            tess.click(tess.deepFindById("acknowledge-confirm").orElseThrow());
            // the row leaves the list of open alerts (the "acknowledged" notification may already have gone
            // on a slow machine, so the list is what is checked)
            tess.waitFor(d -> acknowledgeButton(tess).isEmpty());
            tess.visible(By.id("alerts-empty"));
            tess.settle();
        });

        sam.step("safety-07-banner-gone", () -> {
            sam.driver.navigate().refresh();
            sam.visible(By.id("home-title"));
            sam.settle();
            assertThat(sam.driver.findElements(By.id("crisis-banner"))).as("acknowledged: the banner has gone").isEmpty();
        });
    }

    /** The open button of Sam's PHQ-9 that is due now (the next one, tomorrow's, may show too). */
    private static Optional<WebElement> openCard(Browser b) {
        List<WebElement> cards = b.driver.findElements(By.cssSelector(".today-section .homework-card")).stream()
                .filter(c -> c.findElements(By.cssSelector(".homework-card-head h3")).stream()
                        .anyMatch(h -> TITLE.equals(h.getText().strip())))
                .toList();
        return cards.stream().flatMap(c -> c.findElements(By.cssSelector(".homework-open")).stream())
                .filter(button -> button.getDomAttribute("disabled") == null)
                .findFirst();
    }

    private static Optional<WebElement> acknowledgeButton(Browser b) {
        String name = EN.getString("alerts.acknowledge") + ": " + CLIENT_NAME;
        // the grid keeps the cells of rows it no longer shows in the page, hidden: only a shown button counts
        return b.driver.findElements(By.cssSelector("#alerts-grid vaadin-button")).stream()
                .filter(button -> name.equals(button.getDomAttribute("aria-label")) && button.isDisplayed())
                .findFirst();
    }
}
