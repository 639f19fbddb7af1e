package app.homeward.worksheet;

/** Who sees a clinic template's published versions: only its author, or everyone in the clinic. */
public enum Sharing {
    PRIVATE, CLINIC
}
