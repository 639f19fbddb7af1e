package app.homeward.homework;

import java.time.LocalDate;
import java.util.List;

/**
 * A client's progress: completions per week (done and partly done count), the current streak of
 * days with homework done (one missed day does not break it), and the scores of measures over time.
 */
public record Progress(List<Week> weeks, int streakDays, List<Measure> measures) {

    public record Week(LocalDate start, int done, int partial, int due) {
    }

    /** One measure (by assignment title) with its scores, oldest first. */
    public record Measure(String title, List<Point> points) {
    }

    public record Point(LocalDate day, int score) {
    }
}
