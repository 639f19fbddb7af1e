package app.homeward.security;

import app.homeward.base.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** NIST SP 800-63B: 12 to 128 characters, no common password, not the email's local part, nothing else. */
class PasswordPolicyTest {

    private static final String EMAIL = "marguerite.okafor@example.test";
    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void eleven_characters_are_too_short() {
        assertRejected(() -> policy.check("mauvelanter", EMAIL), "password.too-short");
    }

    @Test
    void twelve_characters_are_enough() {
        assertAccepted("mauvelantern");
    }

    @Test
    void one_hundred_twenty_eight_characters_are_accepted() {
        assertAccepted(ofLength(128));
    }

    @Test
    void one_hundred_twenty_nine_characters_are_too_long() {
        assertRejected(() -> policy.check(ofLength(129), EMAIL), "password.too-long");
    }

    @Test
    void length_counts_characters_not_utf16_units() {
        String twelveEmoji = "🌊".repeat(12);   // 24 UTF-16 units
        String elevenEmoji = "🌊".repeat(11);   // 22 UTF-16 units

        assertAccepted(twelveEmoji);
        assertRejected(() -> policy.check(elevenEmoji, EMAIL), "password.too-short");
    }

    @Test
    void empty_or_missing_password_is_required() {
        assertRejected(() -> policy.check("", EMAIL), "validation.required");
        assertRejected(() -> policy.check(null, EMAIL), "validation.required");
    }

    @Test
    void a_common_password_is_rejected_whatever_its_case() throws IOException {
        String common = firstCommonPasswordOfAtLeast12();

        assertRejected(() -> policy.check(common, EMAIL), "password.common");
        assertRejected(() -> policy.check(common.toUpperCase(Locale.ROOT), EMAIL), "password.common");
        assertRejected(() -> policy.check(common.toLowerCase(Locale.ROOT), EMAIL), "password.common");
    }

    @Test
    void password_containing_the_email_local_part_is_rejected_whatever_its_case() {
        assertRejected(() -> policy.check("my-marguerite.okafor-garden", EMAIL), "password.contains-email");
        assertRejected(() -> policy.check("MY-MARGUERITE.OKAFOR-GARDEN", EMAIL), "password.contains-email");
        assertRejected(() -> policy.check("my-garden-marguerite.okafor", EMAIL.toUpperCase(Locale.ROOT)),
                "password.contains-email");
        assertAccepted("my-marguerite-garden-path");
    }

    @Test
    void no_composition_rules_all_lowercase_letters_are_fine() {
        assertAccepted("quietriverstonesundaymorning");
        assertAccepted("correct horse battery staple");
    }

    @Test
    void the_common_password_list_has_at_least_ten_thousand_entries() {
        assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
    }

    private void assertAccepted(String password) {
        assertThatCode(() -> policy.check(password, EMAIL)).as(password).doesNotThrowAnyException();
    }

    private static void assertRejected(Executable check, String messageKey) {
        assertThatThrownBy(check::execute).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.field()).isEqualTo("password");
            assertThat(e.messageKey()).isEqualTo(messageKey);
        });
    }

    /** 'a' .. 'z' then digits, repeated: no common password, no email part. */
    private static String ofLength(int length) {
        String pattern = "abcdefghijklmnopqrstuvwxyz-0123456789-";
        return pattern.repeat(length / pattern.length() + 1).substring(0, length);
    }

    /** Read at test time, so the test follows the shipped list rather than a hard-coded guess. */
    private static String firstCommonPasswordOfAtLeast12() throws IOException {
        try (InputStream in = PasswordPolicyTest.class.getClassLoader().getResourceAsStream("security/common-passwords.txt")) {
            assertThat(in).as("security/common-passwords.txt on the classpath").isNotNull();
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            var lines = reader.lines().map(String::strip).toList();
            if (lines.stream().anyMatch(l -> l.equalsIgnoreCase("password1234"))) {
                return "password1234";
            }
            return lines.stream().filter(l -> l.codePointCount(0, l.length()) >= 12
                            && l.codePointCount(0, l.length()) <= 128 && !l.equals(l.toUpperCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new AssertionError("no entry of 12+ characters with letters"));
        }
    }
}
