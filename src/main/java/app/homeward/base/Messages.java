package app.homeward.base;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * All user-visible text: the Vaadin {@link I18NProvider} for views and the source of mail text.
 * Bundles live in {@code i18n/messages*.properties} (UTF-8). English is the fallback. A locale that carries
 * a clinic's word for homework ({@link HomeworkWord}) reads a key from that word's overlay
 * ({@code i18n/terms/CODE*.properties}) first: the overlay holds only the client-facing texts that name
 * homework, in the word's own grammar (decision 0046).
 */
@Component
public class Messages implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, SPANISH);
    private static final String BUNDLE = "i18n/messages";
    /** The overlays of the clinic's word for homework: {@code i18n/terms/practice.properties} and so on. */
    public static final String TERMS = "i18n/terms/";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        try {
            String pattern = overlay(key, locale);
            if (pattern == null) {
                pattern = ResourceBundle.getBundle(BUNDLE, supported(locale)).getString(key);
            }
            if (params == null || params.length == 0) {
                return pattern;
            }
            try {
                return new MessageFormat(pattern, supported(locale)).format(params);
            } catch (IllegalArgumentException wrongArgument) {
                // a text must never break a page: show it unformatted rather than fail
                return pattern;
            }
        } catch (MissingResourceException missing) {
            return "!" + key;
        }
    }

    /** The clinic's word's text for the key, if the locale carries a word and its overlay has the key. */
    private static String overlay(String key, Locale locale) {
        HomeworkWord word = HomeworkWord.of(locale);
        if (word == HomeworkWord.HOMEWORK) {
            return null;
        }
        try {
            ResourceBundle terms = ResourceBundle.getBundle(TERMS + word.code(), supported(locale), NO_FALLBACK);
            return terms.containsKey(key) ? terms.getString(key) : null;
        } catch (MissingResourceException noOverlay) {
            return null;
        }
    }

    /**
     * The locale texts are rendered in: the nearest language we have, with the clinic's word for homework if
     * the locale carries one (unlike {@link #supported}, which keeps the language only).
     */
    public static Locale textLocale(Locale locale) {
        return HomeworkWord.of(locale).on(supported(locale));
    }

    /** The nearest language we have a bundle for; English otherwise. */
    public static Locale supported(Locale locale) {
        if (locale != null && SPANISH.getLanguage().equals(locale.getLanguage())) {
            return SPANISH;
        }
        return ENGLISH;
    }

    public static Locale forLanguageTag(String tag) {
        return supported(tag == null ? null : Locale.forLanguageTag(tag));
    }
}
