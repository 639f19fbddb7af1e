package app.homeward.reminder;

/** Why an email goes out. Client kinds never say what the homework is; staff kinds never say who or what. */
public enum ReminderKind {
    /** At the planned time, or the client's preferred time on the due day. */
    PLANNED,
    /** Some hours before the due time (clinic setting). */
    DUE_SOON,
    /** Some hours after the due time while it can still be done (clinic setting). */
    OVERDUE,
    /** The extra, earlier reminder clients in simplified mode get. */
    EXTRA,
    /** A therapist pressed "remind now". */
    REMIND_NOW,
    /** "Your week ahead", on Sunday, for clients with homework in the coming week (clinic setting). */
    WEEKLY,
    /** The therapist's daily digest of new entries and change requests. */
    DIGEST,
    /**
     * A client's answers raised a safety alert: their therapist is told at once ("a client needs your attention");
     * every active clinic admin instead when the therapist's account is not active.
     */
    ALERT,
    /**
     * The alert is still open after the clinic's escalation time: every active clinic admin is told ("a client's
     * alert is still open"). A row without an account stands for "the admins" until it is due.
     */
    ESCALATION;

    boolean planned() {
        return this == PLANNED || this == DUE_SOON || this == OVERDUE || this == EXTRA || this == WEEKLY;
    }
}
