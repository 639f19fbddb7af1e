package app.homeward.homework;

import app.homeward.client.ClientProfile;

/**
 * A client in the caseload list with adherence at a glance: of the occurrences due in the last
 * four weeks, how many were done (partial counts), entries waiting for review, open alerts.
 */
public record CaseloadRow(ClientProfile client, String therapistName, int dueLast4Weeks, int doneLast4Weeks,
                          int unreviewed, int openAlerts) {

    /** Completion in the last four weeks, 0–100, or -1 when nothing was due. */
    public int adherence() {
        return dueLast4Weeks == 0 ? -1 : Math.round(100f * doneLast4Weeks / dueLast4Weeks);
    }
}
