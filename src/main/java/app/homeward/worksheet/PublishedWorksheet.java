package app.homeward.worksheet;

import java.util.UUID;

/** A published, frozen worksheet version: what homework points at. */
public record PublishedWorksheet(UUID versionId, boolean builtIn, WorksheetDocument document) {
}
