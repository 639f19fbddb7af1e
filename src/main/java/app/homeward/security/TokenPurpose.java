package app.homeward.security;

import java.time.Duration;

/** Single-use links sent by email, and how long each stays valid. */
public enum TokenPurpose {
    VERIFY_CLINIC(Duration.ofHours(24)),
    PASSWORD_RESET(Duration.ofMinutes(30)),
    /** Sent to a new sign-in email: the address changes when its owner opens the link. */
    CHANGE_EMAIL(Duration.ofHours(24));

    private final Duration validity;

    TokenPurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }
}
