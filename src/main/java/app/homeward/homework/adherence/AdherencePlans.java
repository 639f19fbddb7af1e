package app.homeward.homework.adherence;

import app.homeward.homework.Assignment;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The few facts of homework plans that adherence needs (title, the client's confidence, when it was
 * made), for many clients in one query. A read-only view beside {@link AssignmentRepository}, so the
 * plans' own repository stays with the feature that changes plans.
 */
interface AdherencePlans extends Repository<Assignment, UUID> {

    /** A plan as adherence sees it. */
    record PlanFacts(UUID id, UUID clientId, String title, int confidence, Instant createdAt) {
    }

    /**
     * Plans that were live at some point since {@code since} (still active, or ended after it), of the
     * given clients or (null) the whole clinic, newest first.
     */
    @Query("""
            select new app.homeward.homework.adherence.AdherencePlans$PlanFacts(a.id, a.clientId, a.title, a.confidence, a.createdAt)
            from Assignment a
            where (a.endedAt is null or a.endedAt >= :since) and (:clients is null or a.clientId in :clients)
            order by a.createdAt desc, a.id""")
    List<PlanFacts> livePlans(Collection<UUID> clients, Instant since);
}
