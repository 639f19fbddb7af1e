package app.homeward.homework.practice;

/**
 * The habits "my homework practice" counts, in the order a plan is made and followed up. Each is a share of the
 * plans or entries it applies to; what it means and why it matters is in the messages
 * ({@code practice.measure.<key>} and {@code .why}).
 */
public enum PracticeMeasure {
    /** The reason for the homework in the therapist's own words rather than the worksheet's suggestion. */
    OWN_WORDS("own-words"),
    /** What might get in the way, and a backup plan for it. */
    OBSTACLES_AND_BACKUP("obstacles"),
    /** The client's confidence asked for. */
    CONFIDENCE_CHECKED("confidence"),
    /** Of plans where confidence was low, those changed until it was not. */
    LOW_CONFIDENCE_ACTED_ON("low-confidence"),
    /** Entries reviewed within a week of being sent (before the next weekly session). */
    REVIEWED_IN_TIME("reviewed"),
    /** Of reviewed entries, those with feedback written to the client. */
    FEEDBACK_GIVEN("feedback");

    private final String key;

    PracticeMeasure(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
