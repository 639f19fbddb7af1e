package app.homeward.homework.portal;

import app.homeward.homework.MeasureHistory;
import app.homeward.safety.ClientScores;

import java.time.LocalDate;
import java.util.List;

/**
 * A client's progress: completions per week (done and partly done count), the current streak of days with
 * homework done (one missed day does not break it), the scores of measures over time, and what the clinic
 * lets its clients see of those scores ({@code clientScores}: the page shows only that).
 */
public record Progress(List<Week> weeks, int streakDays, List<MeasureHistory> measures, ClientScores clientScores) {

    public record Week(LocalDate start, int done, int partial, int due) {
    }
}
