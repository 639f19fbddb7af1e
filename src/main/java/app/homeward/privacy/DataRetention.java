package app.homeward.privacy;

import app.homeward.base.ClinicSetting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** The clinic's rule: keep a client's records this many days after they ask for erasure (no row: 0). */
@Entity
@Table(name = "data_retention")
class DataRetention extends ClinicSetting {

    @Column(name = "keep_days", nullable = false)
    private int keepDays;

    protected DataRetention() {
    }

    DataRetention(int keepDays, Instant now) {
        change(keepDays, now);
    }

    void change(int days, Instant now) {
        this.keepDays = days;
        changedAt(now);
    }

    int getKeepDays() { return keepDays; }
}
