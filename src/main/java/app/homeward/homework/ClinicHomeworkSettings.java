package app.homeward.homework;

import app.homeward.base.ClinicSetting;
import app.homeward.base.HomeworkWord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/** The clinic's rules for the homework loop, one row per clinic at most (none: the defaults in {@link HomeworkSettings}). */
@Entity
@Table(name = "clinic_homework_settings")
class ClinicHomeworkSettings extends ClinicSetting {

    /** Below this confidence (0–10) the assign dialog suggests making the task smaller (research: 7). */
    @Column(name = "confidence_threshold", nullable = false)
    private int confidenceThreshold;

    /** Hours after its due time an occurrence that is not done counts as missed. */
    @Column(name = "grace_hours", nullable = false)
    private int graceHours;

    /** The clinic's word for homework in its clients' texts and emails (decision 0046). */
    @Enumerated(EnumType.STRING)
    @Column(name = "homework_word", nullable = false, length = 32)
    private HomeworkWord word = HomeworkWord.HOMEWORK;

    protected ClinicHomeworkSettings() {
    }

    ClinicHomeworkSettings(int confidenceThreshold, int graceHours, HomeworkWord word, Instant now) {
        change(confidenceThreshold, graceHours, word, now);
    }

    void change(int confidenceThreshold, int graceHours, HomeworkWord word, Instant now) {
        this.confidenceThreshold = confidenceThreshold;
        this.graceHours = graceHours;
        this.word = word;
        changedAt(now);
    }

    int getConfidenceThreshold() { return confidenceThreshold; }
    int getGraceHours() { return graceHours; }
    HomeworkWord getWord() { return word == null ? HomeworkWord.HOMEWORK : word; }
}
