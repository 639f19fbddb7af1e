package app.homeward.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.time.Duration;

import static app.homeward.journey.Browser.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic logoff in a real browser, against the jar on the real clock (so nothing here waits for a
 * limit; the limits themselves are tested on a moved clock in SessionGuardFilterTest and SessionWatchTest):
 * a signed-in page arms its timer from Vaadin's page script and no bundle, the server answers the page's
 * own check with the wait before the warning, and signing out lands on the clinic's page, saying so.
 */
@Tag("e2e")
class SessionJourneyTest {

    /** What the page's timer does when it fires: the server's answer is the next wait, in milliseconds. */
    private static final String CHECK = """
            const done = arguments[arguments.length - 1];
            document.querySelector('homeward-session-watch').$server.homewardSessionCheck()
                .then(done, e => done('failed: ' + e));
            """;

    @AfterAll
    static void quit_browsers() {
        Browser.closeAll();
    }

    @Test
    void a_signed_in_page_watches_its_session_and_signing_out_lands_on_the_clinic_page() throws IOException {
        Browser dana = Browser.open("session");
        Browser.clearScreenshots(name -> name.startsWith("session-"));

        dana.step("session-signed-in", () -> {
            dana.fillInSignIn("sunrise", "dana@sunrise.example", "quiet-meadow-2026");
            dana.visible(By.id("sign-in")).click();
            dana.passSecondStep("dana@sunrise.example"); // set up here if this run has not yet
            dana.visible(By.id("home-title"));
            dana.settle();
        });

        dana.step("session-timer-armed", () -> {
            Object armed = ((JavascriptExecutor) dana.driver).executeScript("""
                    const watch = document.querySelector('homeward-session-watch');
                    return !!watch && watch.hidden && watch.homewardTimer !== undefined;""");
            assertThat(armed).as("the page carries a hidden watch with its timer set").isEqualTo(true);
        });

        dana.step("session-server-names-the-wait", () -> {
            dana.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            Object wait = ((JavascriptExecutor) dana.driver).executeAsyncScript(CHECK);
            assertThat(wait).isInstanceOf(Number.class);
            // until the warning: 28 minutes after signing in with the demo's 30-minute limit, less with a shorter one
            assertThat(((Number) wait).longValue()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(28).toMillis());
            assertThat(dana.driver.findElements(By.cssSelector("vaadin-dialog[opened]"))).isEmpty();
        });

        dana.step("session-signed-out", () -> {
            dana.click(dana.visible(By.id("user-menu")));
            dana.waitFor(d -> dana.deepFindById("sign-out").filter(WebElement::isDisplayed).isPresent());
            dana.deepFindById("sign-out").orElseThrow().click();
            dana.waitFor(d -> d.getCurrentUrl().equals(BASE_URL + "/c/sunrise?lang=en"));
            assertThat(dana.visible(By.id("signin-alert")).getText()).isEqualTo("You are signed out.");
        });
    }
}
