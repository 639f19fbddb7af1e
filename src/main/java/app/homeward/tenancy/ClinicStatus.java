package app.homeward.tenancy;

public enum ClinicStatus {
    /** Signed up, waiting for the admin to click the verification link. */
    PENDING_VERIFICATION,
    ACTIVE,
    /** Stopped by the platform operator: nobody of the clinic can sign in. */
    SUSPENDED
}
