package app.homeward.homework;

/** Why a client asks for a change to an assignment. */
public enum ChangeReason {
    TOO_HARD, NOT_NOW, UNCLEAR,
    /** "I'm not sure it will help": a doubt to talk through, listed first before the session. */
    UNSURE_IT_HELPS,
    OTHER
}
