package app.homeward.worksheet;

import java.util.Locale;

/** The kinds of field a worksheet can hold; the builder offers them in this order. */
public enum FieldType {
    INSTRUCTIONS, SHORT_TEXT, LONG_TEXT, NUMBER, RATING, SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO,
    DATE, TIME, DURATION, CHECKLIST, TABLE, STEP_LADDER;

    /** Types a table column may have: one value per cell, nothing nested. */
    public boolean simple() {
        return switch (this) {
            case SHORT_TEXT, LONG_TEXT, NUMBER, RATING, SINGLE_CHOICE, YES_NO, DATE, TIME, DURATION -> true;
            default -> false;
        };
    }

    public String messageKey() {
        return "worksheet.type." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
