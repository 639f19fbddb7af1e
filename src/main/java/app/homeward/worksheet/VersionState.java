package app.homeward.worksheet;

/** A draft can still change; a published version is frozen forever (assignments point at it). */
public enum VersionState {
    DRAFT, PUBLISHED
}
