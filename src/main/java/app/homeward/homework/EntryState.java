package app.homeward.homework;

/** A client's entry is a draft (saved automatically) until they submit it. */
public enum EntryState {
    DRAFT, SUBMITTED
}
