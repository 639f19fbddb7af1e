package app.homeward.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import static app.homeward.journey.Browser.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-step sign-in in real Chromium against the running jar: the demo clinic's admin signs in with
 * the password, cannot reach any page before setting up an authenticator, reads the QR code (checked
 * against the key shown as text), confirms a code computed here from RFC 6238, saves the recovery
 * codes; signs out and back in with a code; a code is refused the second time, a recovery code works
 * once. With {@code homeward.e2e.operatorEmail} and {@code homeward.e2e.operatorPassword} (the app's
 * HOMEWARD_OPERATOR_EMAIL / _PASSWORD) the operator sets up theirs and signs in with a code too.
 */
@Tag("e2e")
class SecondFactorJourneyTest {

    private static final String PREFIX = "two-step-";
    private static final String CLINIC = "sunrise";
    private static final String ADMIN_EMAIL = "admin@sunrise.example";
    private static final String ADMIN_PASSWORD = "harbour-lantern-2026";
    private static final String OPERATOR_EMAIL = System.getProperty("homeward.e2e.operatorEmail", "");
    private static final String OPERATOR_PASSWORD = System.getProperty("homeward.e2e.operatorPassword", "");

    private int stepNumber;

    @AfterAll
    static void quit_browsers() {
        Browser.closeAll();
    }

    @Test
    void admin_sets_up_an_authenticator_signs_out_and_signs_in_again_with_a_code() throws IOException {
        Browser.clearScreenshots(file -> file.startsWith(PREFIX));
        Browser admin = Browser.open("two-step-admin");
        String[] usedCode = new String[1];

        step(admin, "password", () -> {
            admin.fillInSignIn(CLINIC, ADMIN_EMAIL, ADMIN_PASSWORD);
            admin.click(admin.visible(By.id("sign-in")));
            admin.waitFor(d -> d.getCurrentUrl().endsWith("/c/" + CLINIC + "/second-factor"));
            admin.visible(By.id("totp-secret"));
        });

        step(admin, "no-page-before-set-up", () -> {
            admin.driver.get(BASE_URL + "/app/clients");
            admin.waitFor(d -> !d.getCurrentUrl().startsWith(BASE_URL + "/app"));
            admin.settle();
            assertThat(admin.driver.findElements(By.id("home-title"))).isEmpty();
            assertThat(admin.driver.findElements(By.id("caseload-grid"))).isEmpty();
            // the sign-in still waits for its second step in this browser
            admin.driver.get(BASE_URL + "/c/" + CLINIC + "/second-factor");
            admin.visible(By.id("totp-secret"));
            admin.settle();
        });

        step(admin, "qr-code", () -> {
            String uri = admin.qrCodeText();
            assertThat(uri).startsWith("otpauth://totp/Homeward:").contains("issuer=Homeward", "digits=6", "period=30")
                    .as("the phone never shows the clinic's name").doesNotContainIgnoringCase("sunrise%20");
            admin.scrollIntoView(admin.visible(By.id("totp-qr")));
        });

        step(admin, "recovery-codes", () -> assertThat(admin.setUpAuthenticator(ADMIN_EMAIL)).hasSize(10));

        step(admin, "home", () -> {
            admin.click(admin.visible(By.id("continue-after-codes")));
            expectHome(admin);
        });

        step(admin, "signed-out", admin::signOutStaff);

        step(admin, "code-page", () -> {
            admin.fillInSignIn(CLINIC, ADMIN_EMAIL, ADMIN_PASSWORD);
            admin.click(admin.visible(By.id("sign-in")));
            admin.waitFor(d -> d.getCurrentUrl().endsWith("/c/" + CLINIC + "/second-factor"));
            usedCode[0] = Authenticator.nextCode(ADMIN_EMAIL);
            admin.type("code", usedCode[0]);
        });

        step(admin, "home-with-a-code", () -> {
            admin.click(admin.visible(By.id("verify-code")));
            expectHome(admin);
        });

        step(admin, "signed-out-again", admin::signOutStaff);

        step(admin, "same-code-refused", () -> {
            admin.fillInSignIn(CLINIC, ADMIN_EMAIL, ADMIN_PASSWORD);
            admin.click(admin.visible(By.id("sign-in")));
            admin.waitFor(d -> d.getCurrentUrl().endsWith("/c/" + CLINIC + "/second-factor"));
            admin.enterCode(usedCode[0]);
            assertThat(admin.visible(By.id("code-alert")).getText()).startsWith("That code isn't right.");
            assertThat(admin.driver.getCurrentUrl()).endsWith("/second-factor");
        });

        step(admin, "recovery-code", () -> {
            List<String> recovery = Authenticator.recoveryCodes(ADMIN_EMAIL);
            admin.enterCode(recovery.getFirst());
            assertThat(admin.visible(By.id("recovery-codes-left")).getText()).contains("You have 9 recovery codes left");
        });

        step(admin, "home-with-a-recovery-code", () -> {
            admin.click(admin.visible(By.id("continue-after-recovery")));
            expectHome(admin);
        });

        step(admin, "account-page", () -> {
            admin.driver.get(BASE_URL + "/app/account");
            assertThat(admin.visible(By.id("second-factor-status")).getText()).startsWith("On since")
                    .endsWith("Unused recovery codes: 9.");
        });

        if (!OPERATOR_EMAIL.isBlank()) {
            Browser operator = Browser.open("two-step-operator");
            step(operator, "operator-password", () -> {
                operator.driver.get(BASE_URL + "/platform/sign-in");
                operator.visible(By.id("sign-in"));
                operator.settle();
                operator.type("email", OPERATOR_EMAIL);
                operator.type("password", OPERATOR_PASSWORD);
                operator.click(operator.visible(By.id("sign-in")));
                operator.waitFor(d -> d.getCurrentUrl().endsWith("/platform/second-factor"));
            });
            step(operator, "operator-platform", () -> {
                operator.passSecondStep(OPERATOR_EMAIL);
                operator.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/platform") + "/?$"));
                operator.visible(By.id("clinics-grid"));
            });
        }
    }

    private static void expectHome(Browser browser) {
        browser.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app") + "/?$"));
        browser.visible(By.id("home-title"));
    }

    private void step(Browser browser, String name, Browser.Action action) {
        browser.step("%s%02d-%s".formatted(PREFIX, ++stepNumber, name), action);
    }
}
