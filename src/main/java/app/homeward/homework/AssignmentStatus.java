package app.homeward.homework;

/**
 * An assignment is active until the therapist ends it; ending affects only future occurrences.
 * A later step of a step ladder is {@code WAITING} (locked, no occurrences) until the step before
 * it is done or the therapist unlocks it; a choice of tasks is {@code CHOOSING} (no occurrences)
 * until the client picks one of the offered worksheets.
 */
public enum AssignmentStatus {
    ACTIVE, ENDED, WAITING, CHOOSING;

    /** Whether the therapist can still end (or withdraw) it. */
    public boolean open() {
        return this != ENDED;
    }
}
