package app.homeward.homework.adherence;

import app.homeward.client.ClientProfile;

/**
 * A client in the caseload list with adherence at a glance: the last four weeks' numbers, exactly
 * as the adherence pages count them (same calculation, same window: see {@link AdherenceWindow}),
 * entries waiting for review and open alerts.
 */
public record CaseloadRow(ClientProfile client, String therapistName, AdherenceStats lastFourWeeks,
                          int unreviewed, int openAlerts) {

    /** Completion in the last four weeks, 0–100, or -1 when nothing counted yet. */
    public int adherence() {
        Integer percent = lastFourWeeks.completionPercent();
        return percent == null ? -1 : percent;
    }
}
