package app.homeward.security;

import app.homeward.base.DomainException;
import app.homeward.base.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
        String twelveEmoji = "🌊🌲🌙🍂🐚🦉🌵🍄🐝🌻🪶🐢";   // 24 UTF-16 units
        String elevenEmoji = "🌊🌲🌙🍂🐚🦉🌵🍄🐝🌻🪶";   // 22 UTF-16 units

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
        // xkcd's "correct horse battery staple" was the example here; it is now in every guessing list (and ours)
        assertAccepted("purple kettle harbour lantern");
    }

    @Test
    void each_of_the_ten_thousand_shipped_common_passwords_with_letters_is_refused_even_padded_to_twelve() throws IOException {
        List<String> shipped = new ArrayList<>(shippedList("security/common-passwords.txt"));
        shipped.addAll(shippedList("security/common-long-passwords.txt"));
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(10_000);

        List<String> notRefused = new ArrayList<>();
        for (String entry : shipped) {
            int length = entry.codePointCount(0, entry.length());
            if (length < 4 || length > 128 || entry.equals(entry.toUpperCase(Locale.ROOT))) {
                // too short to pad within the decoration a guesser tries, too long to be a password, or without
                // letters (digits padded with symbols are a pattern question, not a list one)
                continue;
            }
            // a guesser's padding: up to eight symbols after a common password are set aside too
            String password = entry + "!".repeat(Math.max(0, PasswordPolicy.MIN_LENGTH - length));
            try {
                policy.check(password, EMAIL);
                notRefused.add(password);
            } catch (DomainException refused) {
                // refused: as common, or as repeated when the padding is the larger part ("love!!!!!!!!")
            }
        }
        assertThat(notRefused).as("shipped common passwords accepted").isEmpty();
    }

    // --- common passwords that bite at 12 characters and more (issue 11) ---

    @Test
    void a_common_password_written_twice_is_a_common_password() {
        assertRejected(() -> policy.check("passwordpassword", EMAIL), "password.common");
        assertRejected(() -> policy.check("Password-Password", EMAIL), "password.common");
        assertRejected(() -> policy.check("letmeinletmein", EMAIL), "password.common");
        assertRejected(() -> policy.check("monkeymonkey99", EMAIL), "password.common");
    }

    @Test
    void a_common_password_in_leetspeak_or_with_digits_and_symbols_around_it_is_a_common_password() {
        assertRejected(() -> policy.check("P@ssw0rd2026!", EMAIL), "password.common");
        assertRejected(() -> policy.check("Password123456", EMAIL), "password.common");
        assertRejected(() -> policy.check("4dmin2026!!!", EMAIL), "password.common");
        assertRejected(() -> policy.check("!!sunshine!!2026", EMAIL), "password.common");
    }

    @Test
    void common_long_phrases_are_refused_whatever_their_spaces_case_accents_and_leetspeak() {
        assertRejected(() -> policy.check("I love you forever", EMAIL), "password.common");
        assertRejected(() -> policy.check("1loveyouforever", EMAIL), "password.common");
        assertRejected(() -> policy.check("correct horse battery staple", EMAIL), "password.common");
        assertRejected(() -> policy.check("Te quiero mucho", EMAIL), "password.common");
        assertRejected(() -> policy.check("Contraseña segura", EMAIL), "password.common");
        assertRejected(() -> policy.check("one day at a time", EMAIL), "password.common");
    }

    @Test
    void runs_of_digits_or_letters_are_too_predictable() {
        assertRejected(() -> policy.check("123456789012", EMAIL), "password.sequence");
        assertRejected(() -> policy.check("abcdefghijkl", EMAIL), "password.sequence");
        assertRejected(() -> policy.check("987654321098", EMAIL), "password.sequence");
        assertRejected(() -> policy.check("2468 1357 9753", EMAIL), "password.sequence");
    }

    @Test
    void repeated_characters_are_too_predictable() {
        assertRejected(() -> policy.check("aaaaaaaaaaaa", EMAIL), "password.repeated");
        assertRejected(() -> policy.check("xoxoxoxoxoxoxo", EMAIL), "password.repeated");
        assertRejected(() -> policy.check("zzzzzzzz!!!!!!", EMAIL), "password.repeated");
        assertRejected(() -> policy.check("tigerlilytigerlily", EMAIL), "password.repeated");
    }

    @Test
    void keyboard_walks_are_too_predictable() {
        assertRejected(() -> policy.check("qwertyuiopas", EMAIL), "password.keyboard");
        assertRejected(() -> policy.check("zxcvbnm asdfghjkl", EMAIL), "password.keyboard");
        assertRejected(() -> policy.check("poiuytrewqlkjh", EMAIL), "password.keyboard");
        assertRejected(() -> policy.check("qazwsxedcrfvtgb", EMAIL), "password.keyboard");
    }

    @Test
    void years_alone_are_too_predictable() {
        assertRejected(() -> policy.check("1987 2001 2026", EMAIL), "password.dates");
    }

    @Test
    void mostly_spaces_and_punctuation_are_too_predictable() {
        assertRejected(() -> policy.check("x  -  -  -  -  -  q  z", EMAIL), "password.predictable");
    }

    @Test
    void the_clinics_name_with_a_year_and_symbols_is_refused_for_the_clinics_name() {
        String clinic = "Sunrise Therapy Collective sunrise";

        assertRejected(() -> policy.check("Sunrise2026!!", EMAIL, "Dana Okafor", clinic), "password.clinic-name");
        assertRejected(() -> policy.check("Sunrise Therapy 2026!!", EMAIL, "Dana Okafor", clinic), "password.clinic-name");
        assertRejected(() -> policy.check("5unr1se-c0llective", EMAIL, "Dana Okafor", clinic), "password.clinic-name");
        assertRejected(() -> policy.check("Harbourview2026!!", EMAIL, "Dana Okafor", "Harbourview Counselling hv"),
                "password.clinic-name");
        assertAccepted("Harbourview2026!!", "Sunrise Therapy Collective sunrise");
    }

    @Test
    void ones_own_name_twice_is_refused_for_the_name() {
        assertRejected(() -> policy.check("Dana Okafor-Dana Okafor", EMAIL, "Dana Okafor", null), "password.contains-name");
        assertRejected(() -> policy.check("okafor.dana.1987", EMAIL, "Dana Okafor", null), "password.contains-name");
        assertRejected(() -> policy.check("Dána-Ókafor-2026", EMAIL, "Dana Okafor", null), "password.contains-name");
    }

    @Test
    void the_emails_words_with_little_else_are_refused_for_the_email() {
        assertRejected(() -> policy.check("okafor.marguerite.2026", EMAIL), "password.contains-email");
    }

    @Test
    void good_passphrases_are_accepted_even_with_a_name_or_a_common_word_in_them() {
        String clinic = "Sunrise Therapy Collective sunrise";

        for (String good : List.of("harbour lantern 2026", "quiet-meadow-2026", "morning-walk-2026",
                "purple kettle harbour lantern", "sunrise over the quiet harbour", "Dana's tomatoes grow slowly",
                "password for the blue bicycle", "8#4!&%password?7&2%", "contraseña de la abuela Rosa",
                "te quiero, montaña azul", "Ünïcödé wörds àré fïné tóó", "qwer tyui but mostly otters")) {
            assertThatCode(() -> policy.check(good, EMAIL, "Dana Okafor", clinic)).as(good).doesNotThrowAnyException();
        }
    }

    @Test
    void every_reason_is_written_in_english_and_spanish() {
        Messages messages = new Messages();
        for (PasswordPolicy.Weakness weakness : PasswordPolicy.Weakness.values()) {
            String english = messages.getTranslation(weakness.messageKey, Messages.ENGLISH);
            String spanish = messages.getTranslation(weakness.messageKey, Messages.SPANISH);
            assertThat(english).as(weakness.name()).doesNotStartWith("!").isNotBlank();
            assertThat(spanish).as(weakness.name()).doesNotStartWith("!").isNotEqualTo(english);
        }
        assertThat(messages.getTranslation("password.clinic-name", Messages.SPANISH)).contains("nombre de tu centro");
        assertThat(messages.getTranslation("password.repeated", Messages.SPANISH)).startsWith("Demasiado previsible");
    }

    @Test
    void a_pattern_hiding_one_letter_in_the_longest_password_is_still_found() {
        String longest = "1".repeat(63) + "x" + "2".repeat(64);

        assertRejected(() -> policy.check(longest, EMAIL, "Dana Okafor", "Sunrise"), "password.repeated");
    }

    private void assertAccepted(String password, String clinicName) {
        assertThatCode(() -> policy.check(password, EMAIL, "Dana Okafor", clinicName)).as(password)
                .doesNotThrowAnyException();
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

    /** Unrelated words and numbers: no common password, no email part, no pattern. */
    private static String ofLength(int length) {
        String words = "otter quince lantern 47 marrow violet pebble 903 saffron kettle tundra hazel 61 fjord ember "
                + "mosaic 285 cobalt willow ferry nutmeg 74 glacier thistle harbour 19 ";
        assertThat(words.length()).isGreaterThanOrEqualTo(length);
        return words.substring(0, length);
    }

    private static List<String> shippedList(String resource) throws IOException {
        try (InputStream in = PasswordPolicyTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
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
