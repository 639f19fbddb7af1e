package app.homeward.base;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * A feature's settings for one clinic: one row per clinic at most, in the feature's own table (decision 0041),
 * with when an admin last changed it. No row means the feature's defaults.
 */
@MappedSuperclass
public abstract class ClinicSetting extends TenantScopedEntity {

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Every change of a setting says when it was made. */
    protected void changedAt(Instant now) {
        this.updatedAt = now;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
