package app.homeward.mail;

import app.homeward.base.ClinicSetting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * How a clinic appears in its emails and calendar files: under its own name, or (discreet sender) under
 * a neutral one, so that an inbox, a lock screen or a shared calendar does not show that someone is in
 * touch with, say, an eating-disorder clinic. One row per clinic; no row means its own name.
 */
@Entity
@Table(name = "clinic_mail_identity")
class ClinicMailIdentity extends ClinicSetting {

    @Column(nullable = false)
    private boolean discreet;

    /** Null: the default neutral name, in each recipient's language. */
    @Column(name = "neutral_name", length = 60)
    private String neutralName;

    protected ClinicMailIdentity() {
    }

    ClinicMailIdentity(Instant now) {
        changedAt(now);
    }

    void change(boolean discreet, String neutralName, Instant now) {
        this.discreet = discreet;
        this.neutralName = neutralName;
        changedAt(now);
    }

    boolean isDiscreet() { return discreet; }
    String getNeutralName() { return neutralName; }
}
