package app.homeward.security;

/** Why a signed-in session ended. */
public enum SessionEndReason {
    /** Nothing was done for longer than the clinic's idle limit. */
    IDLE,
    /** The session reached the clinic's absolute limit, however active it was. */
    ABSOLUTE,
    /**
     * The account's sessions were ended from elsewhere: password changed or reset, "sign out everywhere",
     * email changed, second factor reset, account deactivated or clinic suspended.
     */
    REVOKED,
    /** The person signed out. */
    SIGNED_OUT,
    /**
     * The browser came back with a session the server no longer has: the instance that held it stopped or was
     * restarted, or the servlet container let it lapse. Nobody is known, so nothing is recorded; the sign-in page
     * says so and that saved answers are kept.
     */
    LOST
}
