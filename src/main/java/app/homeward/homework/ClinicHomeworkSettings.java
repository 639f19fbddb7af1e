package app.homeward.homework;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** The clinic's rules for the homework loop, one row per clinic at most (none: the defaults in {@link HomeworkSettings}). */
@Entity
@Table(name = "clinic_homework_settings")
class ClinicHomeworkSettings extends TenantScopedEntity {

    /** Below this confidence (0–10) the assign dialog suggests making the task smaller (research: 7). */
    @Column(name = "confidence_threshold", nullable = false)
    private int confidenceThreshold;

    /** Hours after its due time an occurrence that is not done counts as missed. */
    @Column(name = "grace_hours", nullable = false)
    private int graceHours;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ClinicHomeworkSettings() {
    }

    ClinicHomeworkSettings(int confidenceThreshold, int graceHours, Instant now) {
        change(confidenceThreshold, graceHours, now);
    }

    void change(int confidenceThreshold, int graceHours, Instant now) {
        this.confidenceThreshold = confidenceThreshold;
        this.graceHours = graceHours;
        this.updatedAt = now;
    }

    int getConfidenceThreshold() { return confidenceThreshold; }
    int getGraceHours() { return graceHours; }
}
