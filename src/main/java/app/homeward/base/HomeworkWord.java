package app.homeward.base;

import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * The word a clinic uses for homework with its clients (issue 14, decision 0046): many therapists say
 * "practice", "action plan" or "between-session task" rather than "homework". Client-facing texts read it
 * from the locale they are rendered in: the word rides on the locale as a private-use subtag
 * ({@code es-ES-x-practice}), so it travels wherever the language already goes (the page's locale, a PDF's,
 * an email's) and a text rendered for one clinic's client cannot pick up another clinic's word.
 * {@link Messages} looks a key up in the word's overlay bundle ({@code i18n/terms/CODE*.properties}) first.
 */
public enum HomeworkWord {

    /** The default: the base bundles already say homework / tarea(s). */
    HOMEWORK("homework"),
    PRACTICE("practice"),
    ACTION_PLAN("actplan"),
    BETWEEN_SESSION_TASK("between");

    /** A private-use subtag: 1–8 letters. Also the overlay bundle's name. */
    private final String code;

    HomeworkWord(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The word carried by the locale; {@link #HOMEWORK} when it carries none. */
    public static HomeworkWord of(Locale locale) {
        String carried = locale == null ? null : locale.getExtension(Locale.PRIVATE_USE_EXTENSION);
        if (carried == null) {
            return HOMEWORK;
        }
        return Arrays.stream(values()).filter(w -> w.code.equals(carried)).findFirst().orElse(HOMEWORK);
    }

    /** The locale with this word on it (and no other); homework leaves the locale plain. */
    public Locale on(Locale locale) {
        Locale base = locale == null ? Messages.ENGLISH : locale;
        try {
            Locale.Builder builder = new Locale.Builder().setLocale(base).setExtension(Locale.PRIVATE_USE_EXTENSION, null);
            if (this != HOMEWORK) {
                builder.setExtension(Locale.PRIVATE_USE_EXTENSION, code);
            }
            return builder.build();
        } catch (IllformedLocaleException odd) {
            // a locale the builder cannot take (old ISO variants): its language is what texts need
            Locale plain = Messages.supported(base);
            return this == HOMEWORK ? plain
                    : new Locale.Builder().setLocale(plain).setExtension(Locale.PRIVATE_USE_EXTENSION, code).build();
        }
    }

    /** The stored name, read leniently: an unknown or empty value is the default. */
    public static HomeworkWord parse(String name) {
        return Arrays.stream(values()).filter(w -> w.name().equals(name)).findFirst().orElse(HOMEWORK);
    }
}
