package app.homeward.homework;

import app.homeward.client.ClientProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One client's homework rows as a staff page reads them, each table once ({@link ClientFiles}): every plan
 * (newest first), every occurrence (by due time), every submitted entry (newest first), the change requests
 * (newest first) and the safety alerts (newest first), with the clinic's grace period. The features that
 * make up a page (the plan, review, alerts, adherence, measures) each take what they show from it, instead of
 * each reading the same tables again (decision 0049). It holds managed entities: it lives inside the read-only
 * transaction of the page being built and is never kept by a view.
 */
public record ClientFile(ClientProfile client, Duration grace, List<Assignment> assignments,
                         List<Occurrence> occurrences, List<Entry> submitted, List<ChangeRequest> changeRequests,
                         List<SafetyAlert> alerts) {

    /** Plans newest first, as the features that list them expect (ties by id, so the order is stable). */
    static final Comparator<Assignment> NEWEST_FIRST = Comparator.comparing(Assignment::getCreatedAt).reversed()
            .thenComparing(Assignment::getId);

    public UUID clientId() {
        return client.id();
    }

    /**
     * Whether {@code t} lies in a window as SQL's {@code between} puts it, both bounds included: the features pick
     * rows from the file as their own queries did, so the figures cannot differ by a row on a window's edge.
     */
    public static boolean within(Instant t, Instant from, Instant to) {
        return t != null && !t.isBefore(from) && !t.isAfter(to);
    }

    /** The plans by id, for the titles of entries, change requests and measures. */
    public Map<UUID, Assignment> assignmentsById() {
        return assignments.stream().collect(Collectors.toMap(Assignment::getId, Function.identity()));
    }
}
