package app.homeward.security;

import app.homeward.TotpCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The code checker against RFC 6238 Appendix B (SHA-1 rows), with drift and replay. */
class TotpTest {

    /** RFC 6238 Appendix B: the 20-byte ASCII secret of the SHA-1 rows. */
    static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s gives {1} (6 digits: {2})")
    @CsvSource({
            "59,          94287082, 287082",
            "1111111109,  07081804, 081804",
            "1111111111,  14050471, 050471",
            "1234567890,  89005924, 005924",
            "2000000000,  69279037, 279037",
            "20000000000, 65353130, 353130"})
    void the_rfc_6238_test_vectors_are_accepted_at_their_time(long seconds, String eightDigits, String sixDigits) {
        Instant at = Instant.ofEpochSecond(seconds);
        long step = Totp.stepAt(at);

        assertThat(TotpCodes.code(RFC_SECRET, step, 8)).as("the tests' own RFC generator").isEqualTo(eightDigits);
        assertThat(Totp.codeAt(RFC_SECRET, step)).isEqualTo(sixDigits);
        assertThat(Totp.match(RFC_SECRET, sixDigits, at, null)).hasValue(step);
    }

    @Test
    void a_code_one_step_early_or_late_is_accepted_but_not_two() {
        Instant at = Instant.ofEpochSecond(1111111111);
        long step = Totp.stepAt(at);

        assertThat(Totp.match(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 1), at, null)).hasValue(step - 1);
        assertThat(Totp.match(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 1), at, null)).hasValue(step + 1);
        assertThat(Totp.match(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 2), at, null)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 2), at, null)).isEmpty();
    }

    @Test
    void a_code_of_a_step_already_used_or_earlier_is_refused() {
        Instant at = Instant.ofEpochSecond(1234567890);
        long step = Totp.stepAt(at);
        String code = Totp.codeAt(RFC_SECRET, step);

        assertThat(Totp.match(RFC_SECRET, code, at, step)).as("the same code again").isEmpty();
        assertThat(Totp.match(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 1), at, step)).as("an older one").isEmpty();
        assertThat(Totp.match(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 1), at, step)).as("the next one").hasValue(step + 1);
    }

    @Test
    void spaces_in_a_typed_code_are_ignored_and_anything_but_six_digits_is_refused() {
        Instant at = Instant.ofEpochSecond(59);

        assertThat(Totp.match(RFC_SECRET, " 287 082 ", at, null)).isPresent();
        assertThat(Totp.match(RFC_SECRET, "94287082", at, null)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, "28708", at, null)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, "abcdef", at, null)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, null, at, null)).isEmpty();
    }

    @Test
    void base32_round_trips_and_matches_the_rfc_4648_example() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.decode("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(TotpCodes.base32(Base32.encode(RFC_SECRET))).isEqualTo(RFC_SECRET);
    }
}
