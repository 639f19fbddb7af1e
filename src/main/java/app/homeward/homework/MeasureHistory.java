package app.homeward.homework;

import app.homeward.worksheet.ReliableChange;
import app.homeward.worksheet.Scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One scored measure in a client's record (by the title it was assigned under): how it is scored (bands,
 * cut-off, range), every score oldest first, and whether the change from the first to the latest is
 * reliable (Jacobson &amp; Truax; decision 0032). A measure scored per subscale (DASS-21) has a history per
 * subscale as well.
 *
 * @param min the lowest possible total (null when the measure has an unbounded item), for a fixed y-axis
 * @param max the highest possible total
 */
public record MeasureHistory(String title, Scoring scoring, Integer min, Integer max, List<Point> points,
                             ReliableChange change, List<SubscaleHistory> subscales) {

    public MeasureHistory {
        points = List.copyOf(points);
        subscales = List.copyOf(subscales);
    }

    /** One submitted entry: the day (in the client's zone), its total and band, each subscale's total. */
    public record Point(LocalDate day, int total, String band, Map<String, Integer> subscales) {
    }

    /** One subscale's scores (oldest first, null where an entry did not answer it) and their reliable change. */
    public record SubscaleHistory(Scoring.Subscale subscale, Integer min, Integer max, List<Integer> scores,
                                  ReliableChange change) {
    }

    public List<Integer> totals() {
        return points.stream().map(Point::total).toList();
    }

    public Point latest() {
        return points.getLast();
    }
}
