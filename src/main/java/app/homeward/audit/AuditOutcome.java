package app.homeward.audit;

/** How an attempt ended: done, refused (not allowed, throttled) or failed (wrong password, bad code). */
public enum AuditOutcome {
    SUCCESS,
    DENIED,
    FAILED
}
