package app.homeward.safety;

import app.homeward.base.ClinicSetting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** The clinic's crisis text in one language: who to call, when, and what to do in danger. */
@Entity
@Table(name = "crisis_line")
class CrisisLine extends ClinicSetting {

    @Column(name = "language", nullable = false, length = 8)
    private String language;

    @Column(name = "message", nullable = false, length = ClinicSafety.MAX_CRISIS_TEXT)
    private String message;

    protected CrisisLine() {
    }

    CrisisLine(String language, String message, Instant now) {
        this.language = language;
        change(message, now);
    }

    void change(String message, Instant now) {
        this.message = message;
        changedAt(now);
    }

    String getLanguage() { return language; }

    String getMessage() { return message; }
}
