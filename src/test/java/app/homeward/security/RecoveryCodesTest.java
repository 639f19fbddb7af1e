package app.homeward.security;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recovery codes are stored only as salted hashes and work once each; secrets are sealed when a key is set. */
class RecoveryCodesTest {

    @Test
    void ten_codes_are_issued_and_none_of_them_is_stored_readably() {
        RecoveryCodes.Issued issued = RecoveryCodes.issue();

        assertThat(issued.codes()).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}"));
        assertThat(RecoveryCodes.remaining(issued.stored())).isEqualTo(10);
        issued.codes().forEach(code -> {
            assertThat(issued.stored()).doesNotContain(code).doesNotContain(code.replace("-", ""));
        });
    }

    @Test
    void each_code_works_once_typed_loosely() {
        RecoveryCodes.Issued issued = RecoveryCodes.issue();
        String code = issued.codes().get(3);

        String afterUse = RecoveryCodes.use(issued.stored(), " " + code.toUpperCase().replace("-", " ") + " ").orElseThrow();

        assertThat(RecoveryCodes.remaining(afterUse)).isEqualTo(9);
        assertThat(RecoveryCodes.use(afterUse, code)).as("used up").isEmpty();
        assertThat(RecoveryCodes.use(afterUse, issued.codes().get(4))).isPresent();
        assertThat(RecoveryCodes.use(issued.stored(), "00000-00000")).isEmpty();
        assertThat(RecoveryCodes.use(null, code)).isEmpty();
    }

    @Test
    void a_sealed_secret_opens_only_for_its_owner_and_never_shows_in_the_stored_form() {
        byte[] key = new byte[32];
        key[0] = 7;
        SecretBox box = new SecretBox(new SecondFactorSettings(Base64.getEncoder().encodeToString(key), "Homeward", null));
        byte[] secret = "12345678901234567890".getBytes();
        UUID owner = UUID.randomUUID();

        String sealed = box.seal(secret, owner);

        assertThat(sealed).startsWith("aes:").doesNotContain(Base32.encode(secret));
        assertThat(box.open(sealed, owner)).isEqualTo(secret);
        assertThatThrownBy(() -> box.open(sealed, UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
        assertThat(box.open("plain:" + Base32.encode(secret), owner)).as("written before a key was set").isEqualTo(secret);
    }

    @Test
    void without_a_key_secrets_are_stored_plainly_and_a_malformed_key_stops_the_start() {
        SecretBox plain = new SecretBox(new SecondFactorSettings("", "Homeward", null));
        UUID owner = UUID.randomUUID();

        assertThat(plain.open(plain.seal(new byte[]{1, 2, 3}, owner), owner)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> new SecretBox(new SecondFactorSettings("too-short", "Homeward", null)))
                .hasMessageContaining("HOMEWARD_SECOND_FACTOR_KEY");
    }
}
