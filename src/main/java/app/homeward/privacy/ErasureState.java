package app.homeward.privacy;

import java.util.Locale;

/** Where a client's erasure request stands. */
public enum ErasureState {
    /** The client asked; the clinic admin has not confirmed yet (the client may still withdraw). */
    REQUESTED,
    /** The admin confirmed; the client's access ended; the data goes at {@code eraseAt}. */
    CONFIRMED,
    /** Done: only this request (ids and dates) is left. */
    ERASED,
    /** The client changed their mind before the admin confirmed. */
    WITHDRAWN;

    public boolean open() {
        return this == REQUESTED || this == CONFIRMED;
    }

    public String messageKey() {
        return "privacy.erasure.state." + name().toLowerCase(Locale.ROOT);
    }
}
