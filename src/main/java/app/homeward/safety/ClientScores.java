package app.homeward.safety;

/**
 * What a client is shown of their own questionnaire scores. Therapists always see everything; this is
 * only about the client's own pages.
 */
public enum ClientScores {
    /** No numbers at all: the client sees that they filled the questionnaire in, and when. */
    NOTHING,
    /** The score, out of the scale's highest, with what a lower or higher number means: the default. */
    MEANING,
    /** The score and the measure's severity band ("Moderately severe"), as the therapist sees them. */
    SCORE_AND_BAND;

    public static final ClientScores DEFAULT = MEANING;
}
