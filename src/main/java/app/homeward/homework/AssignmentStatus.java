package app.homeward.homework;

/** An assignment is active until the therapist ends it; ending affects only future occurrences. */
public enum AssignmentStatus {
    ACTIVE, ENDED
}
