package app.homeward.security;

public enum AccountStatus {
    /** Signed up a clinic, waiting for the verification link. */
    PENDING_VERIFICATION,
    ACTIVE,
    /** Switched off by a clinic admin: cannot sign in, sessions ended. */
    DEACTIVATED
}
