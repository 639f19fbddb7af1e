package app.homeward.worksheet;

import java.util.UUID;

/**
 * The editable version of a template, as the builder holds it. {@code lock} is the row version
 * the editor started from: saving with a stale lock is refused, so two editors never overwrite
 * each other silently.
 */
public record Draft(UUID templateId, int number, long lock, WorksheetDocument document, Sharing sharing,
                    boolean everPublished, boolean owner) {
}
