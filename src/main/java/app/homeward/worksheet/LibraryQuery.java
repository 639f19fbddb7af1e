package app.homeward.worksheet;

/** What the library is filtered by; null (or blank text) means "any". */
public record LibraryQuery(String text, WorksheetCategory category, String tag, Integer difficulty, Source source,
                           boolean archived) {

    public static final LibraryQuery ALL = new LibraryQuery(null, null, null, null, null, false);

    /** Where a worksheet comes from, as the library filter names it. */
    public enum Source {
        BUILT_IN, CLINIC, MINE
    }
}
