package app.homeward.journey;

import app.homeward.TotpCodes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static app.homeward.journey.Browser.BASE_URL;

/**
 * The journeys' authenticator app: remembers the secret each person set up (read from the page) and
 * computes their codes with the tests' own RFC 6238 generator ({@link TotpCodes}) at the application's
 * time (its {@code Date} header: the jar runs on the real clock, which tests never read). Homeward
 * accepts a code once, so when this step's code was used already the next step's is sent (one step of
 * drift is allowed), and if that one was used too it waits for the server's clock to move on.
 */
final class Authenticator {

    /** Secrets by email, shared by every journey in this JVM (they sign the same demo people in). */
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> RECOVERY_CODES = new ConcurrentHashMap<>();

    private Authenticator() {
    }

    static void remember(String email, String secret, List<String> recoveryCodes) {
        SECRETS.put(email, secret.replace(" ", ""));
        RECOVERY_CODES.put(email, List.copyOf(recoveryCodes));
    }

    static boolean knows(String email) {
        return SECRETS.containsKey(email);
    }

    static List<String> recoveryCodes(String email) {
        return RECOVERY_CODES.getOrDefault(email, List.of());
    }

    /** A code for this person that Homeward has not seen yet. */
    static String nextCode(String email) {
        String secret = SECRETS.get(email);
        if (secret == null) {
            throw new AssertionError(email + " has two-step sign-in set up on this server, but not by this test run: "
                    + "start the app on a fresh database (the journeys set up the demo staff's authenticators themselves)");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (true) {
            long now = TotpCodes.step(applicationNow());
            long step = Math.max(now, LAST_STEP.getOrDefault(email, Long.MIN_VALUE) + 1);
            if (step <= now + 1) {
                LAST_STEP.put(email, step);
                return TotpCodes.code(TotpCodes.base32(secret), step, 6);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the application's clock did not move on to a fresh code");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Notes that the code of this step was used (set-up confirms with the current one). */
    static void used(String email, Instant at) {
        LAST_STEP.merge(email, TotpCodes.step(at), Math::max);
    }

    /** The application's time, to the second, from its Date header. */
    static Instant applicationNow() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            String date = response.headers().firstValue("Date").orElseThrow(() -> new AssertionError("no Date header"));
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (IOException e) {
            throw new AssertionError("the application did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
