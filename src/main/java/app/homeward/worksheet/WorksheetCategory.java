package app.homeward.worksheet;

import java.util.Locale;

/** Shelves of the library; the filter offers them in this order. */
public enum WorksheetCategory {
    THOUGHTS, ACTIVITY, EXPOSURE, WORRY, SLEEP, MOOD, PROBLEM_SOLVING, RELAXATION, VALUES, POSITIVE, COPING,
    MEASURES, OTHER;

    public String messageKey() {
        return "worksheet.category." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
