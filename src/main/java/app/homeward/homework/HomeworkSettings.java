package app.homeward.homework;

import app.homeward.base.HomeworkWord;

import java.time.Duration;

/**
 * The clinic's rules for the homework loop: below {@code confidenceThreshold} (0–10) the assign dialog suggests
 * a smaller task; {@code graceHours} after its due time an occurrence not done counts as missed; {@code word}
 * is what the clinic's clients read for homework (decision 0046).
 */
public record HomeworkSettings(int confidenceThreshold, int graceHours, HomeworkWord word) {

    public HomeworkSettings {
        word = word == null ? HomeworkWord.HOMEWORK : word;
    }

    /** Rules that keep the default word. */
    public HomeworkSettings(int confidenceThreshold, int graceHours) {
        this(confidenceThreshold, graceHours, HomeworkWord.HOMEWORK);
    }

    /** What a clinic that never saved its homework rules gets (what the clinic row held before decision 0041). */
    public static final int DEFAULT_CONFIDENCE_THRESHOLD = 7;
    public static final int DEFAULT_GRACE_HOURS = 24;

    public Duration grace() {
        return Duration.ofHours(graceHours);
    }
}
