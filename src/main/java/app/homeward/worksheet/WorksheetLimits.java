package app.homeward.worksheet;

/**
 * Sizes that protect the service (and the client's phone) from runaway templates and answers.
 * Generous for any worksheet used on paper today; exceeding one gets a clear message, never a 500.
 */
public final class WorksheetLimits {

    public static final int FIELDS = 100;
    public static final int CHOICES = 50;
    public static final int TABLE_COLUMNS = 12;
    public static final int TABLE_ROWS = 200;
    public static final int LADDER_STEPS = 30;
    public static final int TEXT = 10_000;
    public static final int LABEL = 300;
    public static final int HELP = 1_000;
    public static final int INSTRUCTIONS = 5_000;
    public static final int TITLE = 120;
    public static final int DESCRIPTION = 400;
    public static final int RATIONALE = 2_000;
    public static final int TAGS = 12;
    public static final int TAG = 30;
    public static final int BANDS = 10;
    public static final int ALERTS = 10;
    public static final int SUBSCALES = 10;
    /** A whole template or answer document as JSON (also the column length); above any real worksheet. */
    public static final int DOCUMENT_CHARS = 1_000_000;
    public static final int NESTING = 16;
    public static final int RATING_SPAN = 100;
    public static final int DURATION_MINUTES = 24 * 60;

    private WorksheetLimits() {
    }
}
