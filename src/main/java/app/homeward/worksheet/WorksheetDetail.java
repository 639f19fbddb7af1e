package app.homeward.worksheet;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A worksheet opened from the library: the version being looked at, the list of versions, and
 * what the signed-in person may do with it.
 */
public record WorksheetDetail(String id, LibraryQuery.Source source, int number, VersionState state,
                              WorksheetDocument document, UUID versionId, List<VersionSummary> versions,
                              Sharing sharing, boolean archived, boolean canEdit, boolean canArchive,
                              boolean owner, String forkedFrom, Integer forkedFromNumber) {

    public boolean builtIn() {
        return source == LibraryQuery.Source.BUILT_IN;
    }

    public record VersionSummary(int number, VersionState state, Instant editedAt, Instant publishedAt) {
    }
}
