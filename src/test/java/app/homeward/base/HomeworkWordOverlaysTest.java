package app.homeward.base;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overlays of the clinic's word for homework (decision 0046): each word has both languages with the same
 * keys, the same keys as every other word (a text reworded for one word is reworded for all), every key exists
 * in the base bundle with the same arguments, and every text is a valid message. "practice" never says homework
 * or tarea; {@link Messages} reads the overlay only for a locale that carries the word.
 */
class HomeworkWordOverlaysTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"), "src/main/resources/i18n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");

    private final Messages messages = new Messages();

    static List<HomeworkWord> overlaid() {
        return Arrays.stream(HomeworkWord.values()).filter(w -> w != HomeworkWord.HOMEWORK).toList();
    }

    @Test
    void every_word_has_both_languages_with_the_same_keys_as_every_other_word() {
        Set<String> first = load(overlay(HomeworkWord.PRACTICE, "")).stringPropertyNames();
        assertThat(first).hasSizeGreaterThan(25);
        for (HomeworkWord word : overlaid()) {
            assertThat(new TreeSet<>(load(overlay(word, "")).stringPropertyNames())).as(word + " English")
                    .isEqualTo(new TreeSet<>(first));
            assertThat(new TreeSet<>(load(overlay(word, "_es")).stringPropertyNames())).as(word + " Spanish")
                    .isEqualTo(new TreeSet<>(first));
        }
    }

    @Test
    void every_overlay_key_exists_in_the_base_bundles_with_the_same_arguments_and_is_a_valid_message() {
        for (String suffix : List.of("", "_es")) {
            Properties base = load(ROOT.resolve("messages" + suffix + ".properties"));
            for (HomeworkWord word : overlaid()) {
                Properties overlay = load(overlay(word, suffix));
                for (String key : overlay.stringPropertyNames()) {
                    assertThat(base.getProperty(key)).as(word + suffix + " " + key + " in the base bundle").isNotNull();
                    assertThat(placeholders(overlay.getProperty(key))).as(word + suffix + " " + key + " arguments")
                            .isEqualTo(placeholders(base.getProperty(key)));
                    if (!placeholders(base.getProperty(key)).isEmpty()) {
                        new MessageFormat(overlay.getProperty(key), Locale.ENGLISH); // throws when malformed
                    }
                }
            }
        }
    }

    @Test
    void the_practice_overlay_never_says_homework_or_tarea() {
        load(overlay(HomeworkWord.PRACTICE, "")).forEach((key, value) ->
                assertThat(value.toString()).as("practice " + key).doesNotContainIgnoringCase("homework"));
        load(overlay(HomeworkWord.PRACTICE, "_es")).forEach((key, value) ->
                assertThat(value.toString()).as("practice_es " + key).doesNotContainIgnoringCase("tarea"));
    }

    @Test
    void messages_read_the_overlay_only_for_a_locale_that_carries_the_word() {
        Locale englishPractice = HomeworkWord.PRACTICE.on(Locale.forLanguageTag("en-GB"));
        Locale spanishPlan = HomeworkWord.ACTION_PLAN.on(Locale.forLanguageTag("es-ES"));

        assertThat(messages.getTranslation("reminders.plans", englishPractice)).isEqualTo("For each practice");
        assertThat(messages.getTranslation("reminders.plans", Locale.forLanguageTag("en-GB"))).isEqualTo("For each homework");
        assertThat(messages.getTranslation("assignment.ended", spanishPlan)).isEqualTo("Este plan de acción ha terminado.");
        assertThat(messages.getTranslation("portal.progress.count", spanishPlan, 3)).isEqualTo("3 planes de acción enviados");
        assertThat(messages.getTranslation("portal.progress.count", HomeworkWord.BETWEEN_SESSION_TASK.on(Messages.ENGLISH), 1))
                .isEqualTo("1 between-session task sent");
        // a key the overlay does not hold comes from the base bundle, in the locale's language
        assertThat(messages.getTranslation("nav.sign-out", spanishPlan))
                .isEqualTo(messages.getTranslation("nav.sign-out", Messages.SPANISH));
    }

    @Test
    void the_word_rides_on_the_locale_without_changing_its_language_or_region() {
        Locale locale = HomeworkWord.BETWEEN_SESSION_TASK.on(Locale.forLanguageTag("es-MX"));

        assertThat(locale.getLanguage()).isEqualTo("es");
        assertThat(locale.getCountry()).isEqualTo("MX");
        assertThat(HomeworkWord.of(locale)).isEqualTo(HomeworkWord.BETWEEN_SESSION_TASK);
        assertThat(HomeworkWord.of(HomeworkWord.HOMEWORK.on(locale))).isEqualTo(HomeworkWord.HOMEWORK);
        assertThat(HomeworkWord.HOMEWORK.on(locale)).isEqualTo(Locale.forLanguageTag("es-MX"));
        assertThat(Messages.textLocale(locale)).isEqualTo(HomeworkWord.BETWEEN_SESSION_TASK.on(Messages.SPANISH));
        assertThat(Dates.formatLocale(locale)).isEqualTo(Locale.forLanguageTag("es-MX"));
        assertThat(HomeworkWord.of(Locale.forLanguageTag("en-x-unknown"))).isEqualTo(HomeworkWord.HOMEWORK);
    }

    private static Path overlay(HomeworkWord word, String suffix) {
        return ROOT.resolve("terms/" + word.code() + suffix + ".properties");
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
