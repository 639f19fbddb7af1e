package app.homeward.homework;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When homework is due, for the reminder feature: open occurrences of active plans in the clinic
 * bound to the current transaction. No titles, no answers. Callers authorise (the reminder service
 * checks the caller; delivery tasks bind one clinic).
 */
@Component
public class HomeworkTimes {

    private final OccurrenceTimes occurrences;
    private final SafetyAlertRepository alerts;

    HomeworkTimes(OccurrenceTimes occurrences, SafetyAlertRepository alerts) {
        this.occurrences = occurrences;
        this.alerts = alerts;
    }

    /** Whether a safety alert (or another one its entry raised) is still waiting for someone to acknowledge it. */
    @Transactional(readOnly = true)
    public boolean alertStillOpen(UUID alertId) {
        return alertId != null && alerts.stillOpen(alertId);
    }

    /** The client's open occurrences due at or after {@code from}, soonest first. */
    @Transactional(readOnly = true)
    public List<DueHomework> openFor(UUID clientId, Instant from) {
        return occurrences.findOpen(clientId, from);
    }

    /** Of these occurrences, the ones still open (not done, skipped, removed or ended), by id. */
    @Transactional(readOnly = true)
    public Map<UUID, DueHomework> stillOpen(Collection<UUID> occurrenceIds) {
        if (occurrenceIds.isEmpty()) {
            return Map.of();
        }
        return occurrences.findOpenAmong(occurrenceIds).stream()
                .collect(Collectors.toMap(DueHomework::occurrenceId, Function.identity()));
    }

    /** The client's active plans (for their own reminder settings). */
    @Transactional(readOnly = true)
    public List<PlanTime> activePlans(UUID clientId) {
        return occurrences.findActivePlans(clientId);
    }

    /** Whose occurrence this is (callers then check they may see that client). */
    @Transactional(readOnly = true)
    public Optional<UUID> clientOf(UUID occurrenceId) {
        return occurrences.findClientOf(occurrenceId);
    }

    /** For a therapist's daily digest: how many entries were sent and changes asked for since then. Counts only. */
    @Transactional(readOnly = true)
    public DigestCounts since(Collection<UUID> clientIds, Instant since) {
        if (clientIds.isEmpty()) {
            return new DigestCounts(0, 0);
        }
        return new DigestCounts(occurrences.countSubmittedSince(clientIds, since),
                occurrences.countChangeRequestsSince(clientIds, since));
    }

    public record DigestCounts(long entries, long changeRequests) {

        public boolean nothing() {
            return entries == 0 && changeRequests == 0;
        }
    }
}
