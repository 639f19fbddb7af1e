package app.homeward.homework;

import java.util.Locale;

/**
 * What an occurrence is now: upcoming (not yet its day), due (its day has come), done, partial
 * (the client did some of it), missed (not done within the clinic's grace period after it was
 * due), skipped (ended or carried over). Done, partial and skipped are stored; the others follow
 * from the clock.
 */
public enum OccurrenceState {
    UPCOMING, DUE, DONE, PARTIAL, MISSED, SKIPPED;

    public boolean finished() {
        return this == DONE || this == PARTIAL;
    }

    public String messageKey() {
        return "occurrence." + name().toLowerCase(Locale.ROOT);
    }
}
