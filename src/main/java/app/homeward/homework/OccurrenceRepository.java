package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

public interface OccurrenceRepository extends JpaRepository<Occurrence, UUID> {

    public List<Occurrence> findByAssignmentIdOrderByDueAt(UUID assignmentId);

    public List<Occurrence> findByClientIdAndDueAtBetweenOrderByDueAt(UUID clientId, Instant from, Instant to);

    /** What happened since a session: due in the window, or done in it even if due later (done early counts). */
    @Query("""
            select o from Occurrence o where o.clientId = :clientId
              and ((o.dueAt >= :since and o.dueAt <= :now) or (o.completedAt >= :since and o.completedAt <= :now))
            order by o.dueAt""")
    public List<Occurrence> findForReview(UUID clientId, Instant since, Instant now);

    public List<Occurrence> findByClientIdOrderByDueAt(UUID clientId);

    /**
     * Adherence: occurrences due in a window, for the given clients or (null) the whole clinic, in one
     * query whatever the caseload's size.
     */
    @Query("""
            select o from Occurrence o
            where (:clients is null or o.clientId in :clients) and o.dueAt between :from and :to""")
    public List<Occurrence> findForAdherence(Collection<UUID> clients, Instant from, Instant to);
}
