package app.homeward.homework;

/** Why a client asks for a change to an assignment. */
public enum ChangeReason {
    TOO_HARD, NOT_NOW, UNCLEAR, OTHER
}
