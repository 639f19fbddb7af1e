package app.homeward.homework;

import java.time.Duration;

/**
 * The clinic's rules for the homework loop: below {@code confidenceThreshold} (0–10) the assign dialog suggests
 * a smaller task; {@code graceHours} after its due time an occurrence not done counts as missed.
 */
public record HomeworkSettings(int confidenceThreshold, int graceHours) {

    /** What a clinic that never saved its homework rules gets (what the clinic row held before decision 0041). */
    public static final int DEFAULT_CONFIDENCE_THRESHOLD = 7;
    public static final int DEFAULT_GRACE_HOURS = 24;

    public Duration grace() {
        return Duration.ofHours(graceHours);
    }
}
