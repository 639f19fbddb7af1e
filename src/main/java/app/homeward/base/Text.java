package app.homeward.base;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Cleaning of free text typed by people: what is stored is what is shown, as text. */
public final class Text {

    // C0/C1 controls (incl. NUL) and the bidi overrides/isolates that can disguise text.
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F]");

    // the same, except the line feed
    private static final Pattern MULTILINE_UNSAFE =
            Pattern.compile("[\\p{Cc}&&[^\\n]]|[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F]");

    private Text() {
    }

    /** Trims, NFC-normalises and strips control and direction-override characters; null becomes "". */
    public static String clean(String input) {
        if (input == null) {
            return "";
        }
        String normalised = Normalizer.normalize(input, Normalizer.Form.NFC);
        return UNSAFE.matcher(normalised).replaceAll("").strip();
    }

    /** Like {@link #clean}, but keeps line breaks (as \n) for text written in paragraphs: feedback, notes, plans. */
    public static String cleanMultiline(String input) {
        if (input == null) {
            return "";
        }
        String normalised = Normalizer.normalize(input, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        return MULTILINE_UNSAFE.matcher(normalised).replaceAll("").strip();
    }

    // what a document written elsewhere (an imported worksheet) may not contain: the same as UNSAFE except the
    // line breaks and tabs of paragraphs, plus unpaired surrogates (broken UTF-16, which no database stores intact)
    private static final Pattern FOREIGN_UNSAFE =
            Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F]|\\p{Cs}");

    /**
     * True when the text holds a control character (other than line breaks and tabs), a direction override or
     * isolate, or half of a surrogate pair: text that {@link #clean} would change behind the writer's back, so a document that was not typed
     * here is refused rather than silently altered.
     */
    public static boolean containsUnsafe(String input) {
        return input != null && FOREIGN_UNSAFE.matcher(input).find();
    }

    public static boolean isBlank(String input) {
        return clean(input).isEmpty();
    }
}
