package app.homeward.base;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The text bundles: Spanish matches English key for key and placeholder for placeholder, every value is a
 * valid message, every key the code and the mail templates use exists, and {@link Messages} picks the right language.
 */
class MessagesTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));
    private static final Path ENGLISH_FILE = ROOT.resolve("src/main/resources/i18n/messages.properties");
    private static final Path SPANISH_FILE = ROOT.resolve("src/main/resources/i18n/messages_es.properties");
    private static final Path JAVA_SOURCES = ROOT.resolve("src/main/java");
    private static final Path MAIL_TEMPLATES = ROOT.resolve("src/main/resources/mail");

    /** {0}, {1,number}, { 2 }: captures the argument index. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");

    private static final String LITERAL = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    /** getTranslation("key" … */
    private static final Pattern GET_TRANSLATION = Pattern.compile("getTranslation\\(\\s*" + LITERAL);
    /** getTranslation(condition ? "key" : "key" … */
    private static final Pattern GET_TRANSLATION_CHOICE =
            Pattern.compile("getTranslation\\(\\s*[^;\",]*?\\?\\s*" + LITERAL + "\\s*:\\s*" + LITERAL);
    /** new DomainException("key") */
    private static final Pattern DOMAIN_EXCEPTION_KEY = Pattern.compile("new\\s+DomainException\\(\\s*" + LITERAL + "\\s*\\)");
    /** new DomainException("field", "key" …) or new DomainException(field, "key" …) */
    private static final Pattern DOMAIN_EXCEPTION_FIELD_KEY =
            Pattern.compile("new\\s+DomainException\\(\\s*(?:" + LITERAL + "|[^,\"()]+)\\s*,\\s*" + LITERAL);
    /** @Menu(… title = "key" …) */
    private static final Pattern MENU_TITLE = Pattern.compile("@Menu\\s*\\([^)]*?\\btitle\\s*=\\s*" + LITERAL);
    /** Worksheet problems and answer checks name their keys as literals: "worksheet.answer.required" */
    private static final Pattern WORKSHEET_KEY = Pattern.compile("\"(worksheet\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+)\"");
    /** Thymeleaf #{key} and #{key(arguments)} */
    private static final Pattern TEMPLATE_MESSAGE = Pattern.compile("#\\{\\s*([\\w.-]+)");

    private static Properties english;
    private static Properties spanish;
    private final Messages messages = new Messages();

    @BeforeAll
    static void load_bundles() {
        english = load(ENGLISH_FILE);
        spanish = load(SPANISH_FILE);
        assertThat(english).as("English bundle").isNotEmpty();
    }

    // --- the Spanish bundle mirrors the English one ------------------------------------------

    @Test
    void spanish_bundle_has_exactly_the_english_keys() {
        Set<String> missing = new TreeSet<>(english.stringPropertyNames());
        missing.removeAll(spanish.stringPropertyNames());
        Set<String> extra = new TreeSet<>(spanish.stringPropertyNames());
        extra.removeAll(english.stringPropertyNames());

        if (!missing.isEmpty() || !extra.isEmpty()) {
            fail("messages_es.properties does not match messages.properties%n  missing in Spanish: %s%n  only in Spanish:    %s"
                    .formatted(missing, extra));
        }
    }

    @Test
    void every_translation_keeps_the_placeholders_of_the_english_text() {
        Map<String, String> mismatches = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            String translated = spanish.getProperty(key);
            if (translated == null) {
                continue; // reported by spanish_bundle_has_exactly_the_english_keys
            }
            Set<Integer> expected = placeholders(english.getProperty(key));
            Set<Integer> actual = placeholders(translated);
            if (!expected.equals(actual)) {
                mismatches.put(key, "English " + expected + ", Spanish " + actual);
            }
        }
        assertThat(mismatches).as("keys whose {n} placeholders differ between English and Spanish").isEmpty();
    }

    // --- every value is a valid message --------------------------------------------------------

    @Test
    void every_message_with_arguments_is_a_valid_message_format() {
        Map<String, String> problems = new TreeMap<>();
        forEachValue((name, key, value) -> {
            if (placeholders(value).isEmpty()) {
                return;
            }
            try {
                new MessageFormat(value);
            } catch (IllegalArgumentException invalid) {
                problems.put(name + ": " + key, invalid.getMessage());
            }
        });
        assertThat(problems).as("values that MessageFormat cannot parse").isEmpty();
    }

    @Test
    void messages_with_arguments_double_every_apostrophe() {
        // a single ' would quote the rest of the message and swallow its arguments
        List<String> problems = new ArrayList<>();
        forEachValue((name, key, value) -> {
            if (!placeholders(value).isEmpty() && value.replace("''", "").contains("'")) {
                problems.add(name + ": " + key + "=" + value);
            }
        });
        assertThat(problems).as("values with arguments and a single apostrophe (write '' instead)").isEmpty();
    }

    @Test
    void messages_without_arguments_use_a_plain_apostrophe() {
        // without arguments the value is shown as it is, so '' would show up doubled
        List<String> problems = new ArrayList<>();
        forEachValue((name, key, value) -> {
            if (placeholders(value).isEmpty() && value.contains("''")) {
                problems.add(name + ": " + key + "=" + value);
            }
        });
        assertThat(problems).as("values without arguments that contain '' (write a plain ' instead)").isEmpty();
    }

    @Test
    void every_argument_appears_in_the_formatted_message() {
        List<String> problems = new ArrayList<>();
        forEachValue((name, key, value) -> {
            Set<Integer> indexes = placeholders(value);
            if (indexes.isEmpty()) {
                return;
            }
            Object[] arguments = dummyArguments(indexes);
            String formatted;
            try {
                formatted = new MessageFormat(value, Locale.ROOT).format(arguments);
            } catch (IllegalArgumentException invalid) {
                return; // reported by every_message_with_arguments_is_a_valid_message_format
            }
            for (int index : indexes) {
                if (!formatted.contains((String) arguments[index])) {
                    problems.add(name + ": " + key + " loses {" + index + "} → " + formatted);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    // --- every key the application uses exists ------------------------------------------------

    @Test
    void every_message_key_used_in_the_java_sources_is_in_the_english_bundle() {
        Map<String, Set<String>> used = new TreeMap<>();
        int[] matchesPerKind = new int[5];
        for (Path source : files(JAVA_SOURCES, ".java")) {
            String code = read(source);
            String where = ROOT.relativize(source).toString();
            matchesPerKind[0] += collect(GET_TRANSLATION, code, 1, where, used);
            matchesPerKind[0] += collect(GET_TRANSLATION_CHOICE, code, 1, where, used);
            collect(GET_TRANSLATION_CHOICE, code, 2, where, used);
            matchesPerKind[1] += collect(DOMAIN_EXCEPTION_KEY, code, 1, where, used);
            matchesPerKind[2] += collect(DOMAIN_EXCEPTION_FIELD_KEY, code, 2, where, used);
            matchesPerKind[3] += collect(MENU_TITLE, code, 1, where, used);
            matchesPerKind[4] += collect(WORKSHEET_KEY, code, 1, where, used);
        }
        assertThat(matchesPerKind)
                .as("the scan finds getTranslation, DomainException(key), DomainException(field, key), @Menu and worksheet keys")
                .doesNotContain(0);

        assertDefined(used);
    }

    @Test
    void every_message_key_used_in_the_mail_templates_is_in_the_english_bundle() {
        Map<String, Set<String>> used = new TreeMap<>();
        List<Path> templates = new ArrayList<>(files(MAIL_TEMPLATES, ".html"));
        templates.addAll(files(MAIL_TEMPLATES, ".txt"));
        int found = 0;
        for (Path template : templates) {
            found += collect(TEMPLATE_MESSAGE, read(template), 1, ROOT.relativize(template).toString(), used);
        }
        assertThat(found).as("#{…} expressions in the mail templates").isPositive();

        assertDefined(used);
    }

    @Test
    void every_mail_template_has_a_subject() {
        // MailService looks up "mail." + template + ".subject"
        List<String> missing = new ArrayList<>();
        for (Path template : files(MAIL_TEMPLATES, ".html")) {
            String name = template.getFileName().toString().replaceFirst("\\.html$", "");
            if (name.equals("parts")) {
                continue; // the markup the mails share (mail/parts.html), never sent on its own
            }
            String key = "mail." + name + ".subject";
            if (!english.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("subjects missing for mail templates").isEmpty();
    }

    // --- the I18NProvider picks the language ---------------------------------------------------

    @Test
    void spanish_locale_gets_the_spanish_text() {
        for (Locale locale : List.of(Locale.forLanguageTag("es"), Locale.forLanguageTag("es-MX"), Locale.forLanguageTag("es-ES"))) {
            for (String key : spanish.stringPropertyNames()) {
                assertThat(messages.getTranslation(key, locale)).as(locale + " " + key).isEqualTo(spanish.getProperty(key));
            }
        }
    }

    @Test
    void english_locale_gets_the_english_text() {
        for (String key : english.stringPropertyNames()) {
            assertThat(messages.getTranslation(key, Locale.ENGLISH)).as(key).isEqualTo(english.getProperty(key));
        }
    }

    @Test
    void an_unsupported_locale_falls_back_to_english() {
        for (String key : english.stringPropertyNames()) {
            assertThat(messages.getTranslation(key, Locale.GERMAN)).as(key).isEqualTo(english.getProperty(key));
        }
        assertThat(messages.getTranslation("action.cancel", (Locale) null)).isEqualTo(english.getProperty("action.cancel"));
    }

    @Test
    void no_key_of_the_bundle_shows_a_missing_marker() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.GERMAN)) {
            for (String key : english.stringPropertyNames()) {
                Set<Integer> indexes = placeholders(english.getProperty(key));
                Object[] arguments = indexes.isEmpty() ? new Object[0] : dummyArguments(indexes);
                String text = messages.getTranslation(key, locale, arguments);
                assertThat(text).as(locale + " " + key).isNotBlank().doesNotStartWith("!");
            }
        }
    }

    @Test
    void arguments_are_filled_in_and_apostrophes_come_out_single() {
        assertThat(messages.getTranslation("signup.sent", Locale.ENGLISH, "ana@example.com"))
                .isEqualTo("We've sent a link to ana@example.com. Open it to activate your clinic.");
        assertThat(messages.getTranslation("signup.sent", Locale.forLanguageTag("es"), "ana@example.com"))
                .contains("ana@example.com")
                .doesNotContain("{0}");
    }

    @Test
    void an_unknown_key_shows_a_missing_marker() {
        assertThat(messages.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private interface ValueCheck {
        void check(String bundle, String key, String value);
    }

    private static void forEachValue(ValueCheck check) {
        english.stringPropertyNames().forEach(key -> check.check("messages.properties", key, english.getProperty(key)));
        spanish.stringPropertyNames().forEach(key -> check.check("messages_es.properties", key, spanish.getProperty(key)));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        // Files.newBufferedReader fails on bytes that are not UTF-8 instead of replacing them
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties;
    }

    private static Set<Integer> placeholders(String value) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            indexes.add(Integer.parseInt(m.group(1)));
        }
        return indexes;
    }

    private static Object[] dummyArguments(Set<Integer> indexes) {
        int size = indexes.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Object[] arguments = new Object[size];
        for (int i = 0; i < size; i++) {
            arguments[i] = "ARG" + i + "X";
        }
        return arguments;
    }

    /** Adds each key matched by group {@code group}; keys built by concatenation ("role." + name) are skipped. */
    private static int collect(Pattern pattern, String text, int group, String where, Map<String, Set<String>> used) {
        Matcher m = pattern.matcher(text);
        int count = 0;
        while (m.find()) {
            String key = m.group(group);
            if (key == null) {
                continue;
            }
            count++;
            int after = m.end(group) < text.length() && text.charAt(m.end(group)) == '"' ? m.end(group) + 1 : m.end(group);
            if (key.isEmpty() || key.endsWith(".") || followedByConcatenation(text, after)) {
                continue;
            }
            used.computeIfAbsent(key, k -> new TreeSet<>()).add(where);
        }
        return count;
    }

    private static boolean followedByConcatenation(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '+';
    }

    private static void assertDefined(Map<String, Set<String>> used) {
        Map<String, Set<String>> undefined = new TreeMap<>(used);
        undefined.keySet().removeAll(english.stringPropertyNames());
        assertThat(undefined).as("message keys used (key=[files]) but missing from messages.properties").isEmpty();
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
