package app.homeward.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * An authenticator (TOTP) second factor and its recovery codes, embedded in {@link Account} and in
 * {@link PlatformOperator} with the same columns. Only a confirmed authenticator is written here: while
 * enrolment waits for its first code, the proposed secret lives in the HTTP session only.
 */
@Embeddable
class SecondFactor {

    /** The secret as {@link SecretBox} stores it (encrypted when a key is configured). */
    @Column(name = "second_factor_secret", length = 255)
    private String secret;

    @Column(name = "second_factor_confirmed_at")
    private Instant confirmedAt;

    /** The last time step whose code was accepted: a code is never accepted twice. */
    @Column(name = "second_factor_last_step")
    private Long lastUsedStep;

    /** Salted hashes of the unused recovery codes ({@link RecoveryCodes}). */
    @Column(name = "recovery_codes", length = 1200)
    private String recoveryCodes;

    boolean isOn() {
        return confirmedAt != null && secret != null;
    }

    int recoveryCodesLeft() {
        return RecoveryCodes.remaining(recoveryCodes);
    }

    String secret() { return secret; }
    Instant confirmedAt() { return confirmedAt; }
    Long lastUsedStep() { return lastUsedStep; }
    String recoveryCodes() { return recoveryCodes; }

    /** The authenticator is on from now: its first code (of this step) was right. */
    void confirm(String sealedSecret, Instant now, long step, String storedRecoveryCodes) {
        this.secret = sealedSecret;
        this.confirmedAt = now;
        this.lastUsedStep = step;
        this.recoveryCodes = storedRecoveryCodes;
    }

    void used(long step) {
        this.lastUsedStep = step;
    }

    void replaceRecoveryCodes(String stored) {
        this.recoveryCodes = stored;
    }

    void clear() {
        this.secret = null;
        this.confirmedAt = null;
        this.lastUsedStep = null;
        this.recoveryCodes = null;
    }
}
