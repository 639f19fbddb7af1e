package app.homeward.homework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A safety alert as staff see it, with who was emailed about it and when ({@code told}: the therapist's
 * notice, or the admins' when the therapist's account was not active, and the admins' "still open").
 */
public record AlertSummary(UUID id, UUID clientId, String clientName, UUID entryId, String label, int value,
                        Instant raisedAt, Instant acknowledgedAt, String note, List<Told> told) {

    public AlertSummary(UUID id, UUID clientId, String clientName, UUID entryId, String label, int value,
                     Instant raisedAt, Instant acknowledgedAt, String note) {
        this(id, clientId, clientName, entryId, label, value, raisedAt, acknowledgedAt, note, List.of());
    }

    /** One email about the alert: to whom (their name), when it went out, and whether it said "still open". */
    public record Told(String name, Instant at, boolean stillOpen) {
    }
}
