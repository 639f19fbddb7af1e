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

    public List<Occurrence> findByClientIdOrderByDueAt(UUID clientId);

    /**
     * A client's occurrences by due time, each with its entry if that was sent (null if not): one statement for
     * a page that shows both (an occurrence has at most one entry, {@code uk_entry_occurrence}).
     */
    @Query("""
            select o, e from Occurrence o
              left join Entry e on e.occurrenceId = o.id and e.state = app.homeward.homework.EntryState.SUBMITTED
            where o.clientId = :clientId
            order by o.dueAt""")
    List<Object[]> findWithSentEntry(UUID clientId);

    /**
     * Adherence: occurrences due in a window, for the given clients or (null) the whole clinic, in one
     * query whatever the caseload's size.
     */
    @Query("""
            select o from Occurrence o
            where (:clients is null or o.clientId in :clients) and o.dueAt between :from and :to""")
    public List<Occurrence> findForAdherence(Collection<UUID> clients, Instant from, Instant to);
}
