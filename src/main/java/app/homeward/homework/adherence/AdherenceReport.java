package app.homeward.homework.adherence;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Adherence of a group of clients (a therapist's caseload, or the clinic) over the last {@code weeks}
 * weeks, from {@code firstDay} (a Monday) to today: the totals, completions per week, one row per
 * client, and the clients who need attention, with the reasons.
 */
public record AdherenceReport(int weeks, LocalDate firstDay, AdherenceStats totals, List<Week> perWeek,
                              List<ClientRow> clients, List<Attention> attention) {

    public boolean nothingDue() {
        return totals.counted() == 0;
    }

    /** Completions in a week (Monday to Sunday, the client's own days). */
    public record Week(LocalDate start, int done, int partial, int missed) {

        /** Done or partly done of done, partial and missed, in whole percent; null when nothing counted. */
        public Integer completionPercent() {
            int counted = done + partial + missed;
            return counted == 0 ? null : (int) Math.round(100.0 * (done + partial) / counted);
        }
    }

    /** One client of the group with their numbers. {@code therapistName} is empty outside the clinic view. */
    public record ClientRow(UUID clientId, String clientName, String therapistName, AdherenceStats stats) {
    }

    /** A client who needs attention, and why (never empty). */
    public record Attention(UUID clientId, String clientName, String therapistName, List<Reason> reasons) {
    }

    /**
     * Why a client needs attention. {@code count}: open alerts, or homework missed in the last 7 days;
     * {@code from}/{@code to}: the confidence of the plan before and of the latest plan, or a measure's first
     * and latest score; {@code measure}: the measure's title for a reliable deterioration, else "".
     */
    public record Reason(Kind kind, int count, int from, int to, String measure) {

        public Reason {
            measure = measure == null ? "" : measure;
        }

        public Reason(Kind kind, int count, int from, int to) {
            this(kind, count, from, to, "");
        }

        public String messageKey() {
            return "adherence.reason." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public enum Kind {
        /** Safety alerts that no one has acknowledged yet. */
        OPEN_ALERTS,
        /** A measure's latest score is reliably worse than the first (Jacobson &amp; Truax). */
        RELIABLE_DETERIORATION,
        /** Homework fell due in the last 7 days and was missed, and nothing was done or partly done in that time. */
        NOTHING_DONE,
        /** The latest plan's confidence (0–10, asked in session) is lower than the plan's before it. */
        CONFIDENCE_DROPPING
    }
}
