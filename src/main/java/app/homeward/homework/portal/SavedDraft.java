package app.homeward.homework.portal;

import java.time.Instant;

/** A draft save went through: the new lock for the next save, and when. */
public record SavedDraft(long lock, Instant savedAt) {
}
