package app.homeward.journey;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The whole-page language check of the journeys (issue 14: "a Spanish client never sees English"): every run of
 * words of 14 characters or more in our English bundle whose translation says something else. A page in
 * another language that shows one of them shows English. Words a person typed (a worksheet's own questions,
 * names) are theirs and are not in the bundle.
 */
final class NoEnglish {

    private NoEnglish() {
    }

    /** The English runs a page in {@code language} must not contain. */
    static List<String> runs(Locale language) {
        Properties english = properties("/i18n/messages.properties");
        Properties own = properties("/i18n/messages_" + language.getLanguage() + ".properties");
        List<String> found = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String translated = own.getProperty(key);
            if (translated == null || translated.equals(en)) {
                continue;
            }
            for (String run : en.replace("''", "'").split("\\{[^}]*}")) {
                String text = run.strip();
                if (text.length() >= 14 && text.contains(" ") && !translated.contains(text)) {
                    found.add(text);
                }
            }
        }
        return found;
    }

    /** The English runs the browser's page shows (its visible text), for a page that should be in {@code language}. */
    static List<String> on(Browser browser, Locale language) {
        String page = String.valueOf(browser.driver.executeScript("return document.body.innerText;"));
        return runs(language).stream().filter(page::contains).toList();
    }

    private static Properties properties(String resource) {
        Properties properties = new Properties();
        try (var in = NoEnglish.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
