package app.homeward.worksheet;

import java.time.Instant;
import java.util.List;

/**
 * One worksheet in the library list. {@code id} is the built-in's slug or the clinic template's
 * id; {@code hasDraft} and {@code published} only apply to clinic templates.
 */
public record LibraryEntry(String id, LibraryQuery.Source source, String title, String description,
                           WorksheetCategory category, List<String> tags, int minutes, int difficulty,
                           String language, boolean hasDraft, boolean published, Sharing sharing,
                           boolean archived, String forkedFrom, Instant updatedAt) {

    public boolean builtIn() {
        return source == LibraryQuery.Source.BUILT_IN;
    }
}
