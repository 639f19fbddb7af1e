package app.homeward.security;

import app.homeward.base.ClinicSetting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** A clinic's automatic logoff limits (at most one row per clinic; none means the defaults). */
@Entity
@Table(name = "session_policy")
class SessionPolicy extends ClinicSetting {

    @Column(name = "idle_minutes", nullable = false)
    private int idleMinutes;

    @Column(name = "absolute_minutes", nullable = false)
    private int absoluteMinutes;

    protected SessionPolicy() {
    }

    SessionPolicy(int idleMinutes, int absoluteMinutes, Instant now) {
        change(idleMinutes, absoluteMinutes, now);
    }

    void change(int idleMinutes, int absoluteMinutes, Instant now) {
        this.idleMinutes = idleMinutes;
        this.absoluteMinutes = absoluteMinutes;
        changedAt(now);
    }

    SessionLimits limits() {
        return new SessionLimits(Duration.ofMinutes(idleMinutes), Duration.ofMinutes(absoluteMinutes));
    }
}
