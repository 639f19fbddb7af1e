package app.homeward.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * RFC 6238 time-based one-time codes as every authenticator app makes them: HMAC-SHA-1, 6 digits,
 * 30-second steps (the java-otp library computes the code). "Now" is always passed in, taken by the
 * caller from the application's clock. A code is accepted for the current step and one step either
 * side (a phone's clock a little off, a code typed as it changed), and only for a step later than the
 * last one the account used, so a code seen over someone's shoulder cannot be used again.
 */
final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    static final int DRIFT = 1;
    /** RFC 4226 recommends 160 bits, the length of an HMAC-SHA-1 key. */
    static final int SECRET_BYTES = 20;

    private static final String ALGORITHM = TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1;
    /** Thread-safe: java-otp clones its prototype Mac for each code. */
    private static final TimeBasedOneTimePasswordGenerator GENERATOR =
            new TimeBasedOneTimePasswordGenerator(STEP, DIGITS, ALGORITHM);

    private Totp() {
    }

    /** The number of the 30-second step an instant falls in (RFC 6238's T). */
    static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
    }

    /** The code for one time step. */
    static String codeAt(byte[] secret, long step) {
        try {
            return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(secret, ALGORITHM),
                    Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("unusable TOTP secret", e);
        }
    }

    /** Whether the input looks like a TOTP code at all: 6 digits, spaces allowed ("123 456"). */
    static boolean looksLikeCode(String input) {
        return input != null && normalise(input).matches("\\d{" + DIGITS + "}");
    }

    static String normalise(String input) {
        return input == null ? "" : input.replaceAll("[\\s-]", "");
    }

    /**
     * The step whose code this is, if it is within {@link #DRIFT} steps of now and later than
     * {@code lastUsedStep} (null: never used); empty otherwise. Compares every candidate in constant time.
     */
    static OptionalLong match(byte[] secret, String input, Instant now, Long lastUsedStep) {
        String code = normalise(input);
        if (!code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        long found = Long.MIN_VALUE;
        for (long step = current - DRIFT; step <= current + DRIFT; step++) {
            boolean same = MessageDigest.isEqual(given, codeAt(secret, step).getBytes(StandardCharsets.US_ASCII));
            if (same && (lastUsedStep == null || step > lastUsedStep) && found == Long.MIN_VALUE) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
