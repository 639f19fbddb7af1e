package app.homeward.security;

/** What a person may do. Spring authorities are "ROLE_" + name; route annotations use the names below. */
public enum Role {
    CLINIC_ADMIN,
    THERAPIST,
    CLIENT,
    /** Runs the service. Global, never part of a clinic, never creatable from the web. */
    PLATFORM_OPERATOR;

    public static final String ADMIN = "CLINIC_ADMIN";
    public static final String THERAPIST_NAME = "THERAPIST";
    public static final String CLIENT_NAME = "CLIENT";
    public static final String OPERATOR = "PLATFORM_OPERATOR";

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isStaff() {
        return this == CLINIC_ADMIN || this == THERAPIST;
    }

    /** Where this role lands after sign-in. */
    public String home() {
        return switch (this) {
            case CLINIC_ADMIN, THERAPIST -> "app";
            case CLIENT -> "my";
            case PLATFORM_OPERATOR -> "platform";
        };
    }
}
