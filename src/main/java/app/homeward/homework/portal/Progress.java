package app.homeward.homework.portal;

import app.homeward.homework.MeasureHistory;
import app.homeward.safety.ClientScores;

import java.time.LocalDate;
import java.util.List;

/**
 * A client's progress: completions per week (done and partly done count), each plan's current streak in
 * its own rhythm (one miss does not break it), the scores of measures over time, and what the clinic lets its
 * clients see of those scores ({@code clientScores}: the page shows only that).
 */
public record Progress(List<Week> weeks, List<Streak> streaks, List<MeasureHistory> measures, ClientScores clientScores) {

    public record Week(LocalDate start, int done, int partial, int due) {
    }

    /** Nothing done in any week yet: the page welcomes rather than drawing a chart of zeros. */
    public boolean nothingDoneYet() {
        return weeks.stream().allMatch(w -> w.done() == 0 && w.partial() == 0);
    }

    /**
     * A plan done so many times in a row, counted in the plan's own rhythm: a weekly questionnaire done four
     * weeks running is "4 weeks in a row", not "1 day in a row".
     */
    public record Streak(String title, int count, Rhythm rhythm) {
        public enum Rhythm { DAYS, WEEKS, TIMES }
    }
}
