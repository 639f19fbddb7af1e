package app.homeward.reminder;

import java.time.LocalTime;

/**
 * The local hours in which no reminder may arrive, e.g. 21:30–08:00 (crossing midnight is normal).
 * No start or no end: no quiet hours. Start equal to end: the whole day is quiet, which means "no
 * reminders" — settings say so plainly rather than accept it silently.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours NONE = new QuietHours(null, null);

    public boolean none() {
        return start == null || end == null;
    }

    public boolean wholeDay() {
        return !none() && start.equals(end);
    }

    /** Whether a local time falls inside the quiet window (start inclusive, end exclusive). */
    public boolean contains(LocalTime time) {
        if (none()) {
            return false;
        }
        if (wholeDay()) {
            return true;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end); // crosses midnight
    }
}
