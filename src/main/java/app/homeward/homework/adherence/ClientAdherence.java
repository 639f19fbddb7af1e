package app.homeward.homework.adherence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One client's adherence over the last {@code weeks} weeks: the numbers, completions per week,
 * scored measures per week beside the week's completion, and the reasons they need attention (if any).
 */
public record ClientAdherence(UUID clientId, String clientName, int weeks, LocalDate firstDay, AdherenceStats stats,
                              List<AdherenceReport.Week> perWeek, List<MeasureTrend> measures,
                              List<AdherenceReport.Reason> attention) {

    /**
     * A scored measure (by the homework's title) with, per week of {@code perWeek}, the latest score
     * sent that week (null in weeks without one).
     */
    public record MeasureTrend(String title, List<Integer> scores) {
    }
}
