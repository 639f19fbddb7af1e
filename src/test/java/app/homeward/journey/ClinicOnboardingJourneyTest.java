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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.homeward.journey.Browser.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first journey a clinic makes, in real Chromium against the running jar (see .ci/run, step 4):
 * sign up, activate from the emailed link, invite a therapist, and the therapist joins from their
 * own browser, signs out and signs in again on the clinic's page; then the therapist adds a client who reads
 * Spanish, who joins from the emailed invitation on a phone, opens Today and signs out, and none of those pages
 * shows any of our English (issue 14; her homework in Spanish is Riley's, in {@link HomeworkJourneyTest}).
 *
 * <p>No Spring context: the app runs separately and sends real SMTP to the GreenMail server started
 * here. Every step leaves a screenshot in {@code target/e2e-screenshots/NN-name.png}; a failing step
 * also leaves {@code NN-name-FAILED.png} and {@code NN-name-FAILED.html} (page source and browser log).
 *
 * <p>System properties: {@code homeward.e2e.smtpPort} (3025, the app's SMTP_PORT), and the app's
 * address and the browser's paths as {@link Browser} reads them.
 */
@Tag("e2e")
class ClinicOnboardingJourneyTest {

    private static final int SMTP_PORT = Integer.getInteger("homeward.e2e.smtpPort", 3025);
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private int stepNumber;

    @AfterAll
    static void quit_browsers() {
        Browser.closeAll();
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
            admin.tickBox(admin.visible(By.id("agreed")));
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

        step(admin, "admin-two-step-set-up", () -> {
            admin.visible(By.id("activate-clinic")).click();
            admin.waitFor(d -> d.getCurrentUrl().endsWith("/c/" + slug + "/second-factor"));
            admin.visible(By.id("totp-secret"));
            admin.settle();
        });

        step(admin, "admin-recovery-codes", () -> admin.setUpAuthenticator(adminEmail));

        step(admin, "admin-home", () -> {
            admin.click(admin.visible(By.id("continue-after-codes")));
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
            therapist.passSecondStep(therapistEmail);
            therapist.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app") + "/?$"));
            assertThat(therapist.visible(By.id("home-title")).getText()).contains(therapistName);
        });

        step(therapist, "user-menu", () -> {
            therapist.visible(By.id("user-menu")).click();
            therapist.waitFor(d -> therapist.deepFindById("sign-out").filter(WebElement::isDisplayed).isPresent());
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

        step(therapist, "therapist-code", () -> {
            therapist.visible(By.id("sign-in")).click();
            therapist.waitFor(d -> d.getCurrentUrl().endsWith("/c/" + slug + "/second-factor"));
            therapist.type("code", Authenticator.nextCode(therapistEmail));
        });

        step(therapist, "therapist-home-again", () -> {
            therapist.click(therapist.visible(By.id("verify-code")));
            therapist.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/app") + "/?$"));
            assertThat(therapist.visible(By.id("home-title")).getText()).contains(therapistName);
        });

        // the admin's browser is unaffected by all this
        step(admin, "admin-still-signed-in", () -> {
            admin.driver.get(BASE_URL + "/app");
            assertThat(admin.visible(By.id("home-title")).getText()).contains(adminName);
        });

        // a client who reads Spanish, from the invitation to signing out, on a phone: no English anywhere
        String clientName = "Lucía Ortega";
        String clientEmail = "lucia-" + suffix + "@journey.homeward.test";
        step(therapist, "spanish-client-added", () -> {
            therapist.driver.get(BASE_URL + "/app/clients");
            therapist.click(therapist.visible(By.id("add-client")));
            therapist.type("client-name", clientName);
            therapist.type("client-email", clientEmail);
            therapist.choose(therapist.visible(By.id("client-language")), "Español");
            therapist.click(therapist.visible(By.id("save-client")));
            therapist.waitFor(d -> therapist.gridCellTexts("caseload-grid").stream().anyMatch(t -> t.contains(clientName)));
        });

        String clientInvitation = linkInMailTo(clientEmail, "/c/" + slug + "/invite/");
        assertThat(clientInvitation).as("the invitation opens its page in the client's language").endsWith("?lang=es");
        Browser lucia = Browser.open("spanish-client");
        lucia.resize(390, 844);

        step(lucia, "spanish-client-invitation-390", () -> {
            lucia.driver.get(clientInvitation);
            lucia.visible(By.id("accept-invitation"));
            lucia.settle();
            lucia.waitFor(d -> String.valueOf(d.findElement(By.tagName("html")).getDomAttribute("lang")).startsWith("es"));
            noEnglish(lucia, "the invitation page");
        });

        step(lucia, "spanish-client-today-390", () -> {
            lucia.type("password", "Cinco cometas de papel " + suffix);
            lucia.click(lucia.visible(By.id("accept-invitation")));
            lucia.waitFor(ExpectedConditions.urlMatches("^" + Pattern.quote(BASE_URL + "/my") + "/?$"));
            lucia.visible(By.id("home-title"));
            lucia.settle();
            noEnglish(lucia, "Today");
        });

        step(lucia, "spanish-client-signed-out-390", () -> {
            lucia.click(lucia.visible(By.id("sign-out")));
            lucia.waitFor(d -> d.getCurrentUrl().startsWith(BASE_URL + "/c/" + slug));
            lucia.visible(By.id("sign-in"));
            lucia.settle();
            noEnglish(lucia, "the clinic's sign-in page after signing out");
        });
    }

    // ---------------------------------------------------------------------------------------------
    // steps

    /** Runs one step in the browser: screenshot afterwards, or screenshot + page source + browser log on failure. */
    private void step(Browser browser, String name, Browser.Action action) {
        browser.step("%02d-%s".formatted(++stepNumber, name), action);
    }

    /** Removes this journey's shots of an earlier run: the unprefixed ones (worksheet-*, homework-*, two-step-* are the others'). */
    private static void recreateScreenshotDirectory() throws IOException {
        Browser.clearScreenshots(file -> !file.startsWith("worksheet-") && !file.startsWith("homework-")
                && !file.startsWith("two-step-"));
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

    /** Fails the step when a page for a Spanish reader shows any of our English texts. */
    private static void noEnglish(Browser browser, String where) {
        List<String> english = NoEnglish.on(browser, SPANISH);
        assertThat(english).as(where + " shows English to a client who reads Spanish").isEmpty();
    }

    /**
     * Waits for the first mail to the address and returns the first link in its text part starting with base + path,
     * with its language ("?lang=es") when it has one.
     */
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
        Matcher link = Pattern.compile(Pattern.quote(BASE_URL + path) + "[A-Za-z0-9_-]+(\\?lang=[a-z]{2})?").matcher(text);
        if (!link.find()) {
            throw new AssertionError("No link " + BASE_URL + path + "{token} in the mail to " + address
                    + " (is the app's HOMEWARD_BASE_URL " + BASE_URL + "?):\n" + text);
        }
        return link.group();
    }
}
