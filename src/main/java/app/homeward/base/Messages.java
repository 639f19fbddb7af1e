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
 * Bundles live in {@code i18n/messages*.properties} (UTF-8). English is the fallback.
 */
@Component
public class Messages implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, SPANISH);
    private static final String BUNDLE = "i18n/messages";

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
            String pattern = ResourceBundle.getBundle(BUNDLE, supported(locale)).getString(key);
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
