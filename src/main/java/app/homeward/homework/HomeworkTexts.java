package app.homeward.homework;

import app.homeward.base.DomainException;
import app.homeward.base.Text;

import java.util.Set;

/** The checks of what therapists and clients type into homework: cleaned, required or not, within a length or range. */
public final class HomeworkTexts {

    private HomeworkTexts() {
    }

    /** Fields written in paragraphs keep their line breaks (shown with pre-line); the rest are one line. */
    static final Set<String> MULTILINE = Set.of("rationale", "what", "backupPlan", "feedback",
            "answerFeedback", "note");

    public static String text(String field, String input, int max, boolean required) {
        String clean = MULTILINE.contains(field) ? Text.cleanMultiline(input) : Text.clean(input);
        if (clean == null || clean.isBlank()) {
            if (required) {
                throw new DomainException(field, "validation.required");
            }
            return "";
        }
        if (clean.length() > max) {
            throw new DomainException(field, "validation.too-long", max);
        }
        return clean;
    }

    public static Integer rating(String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                throw new DomainException(field, "validation.required");
            }
            return null;
        }
        if (value < min || value > max) {
            throw new DomainException(field, "homework.range", min, max);
        }
        return value;
    }
}
