package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface EntryRepository extends JpaRepository<Entry, UUID> {

    public Optional<Entry> findByOccurrenceId(UUID occurrenceId);

    public List<Entry> findByOccurrenceIdIn(Collection<UUID> occurrenceIds);

    public List<Entry> findByClientIdAndStateOrderBySubmittedAtDesc(UUID clientId, EntryState state);

    /** Submitted, not yet reviewed, oldest first: the review queue (clients filtered by the caller). */
    @Query("""
            select e from Entry e
            where e.state = app.homeward.homework.EntryState.SUBMITTED and e.reviewedAt is null
              and (:clients is null or e.clientId in :clients)
            order by e.submittedAt""")
    public List<Entry> findUnreviewed(Collection<UUID> clients);

    /** How many {@link #findUnreviewed} lists, without loading them. */
    @Query("""
            select count(e) from Entry e
            where e.state = app.homeward.homework.EntryState.SUBMITTED and e.reviewedAt is null
              and (:clients is null or e.clientId in :clients)""")
    public long countAllUnreviewed(Collection<UUID> clients);

    @Query("""
            select e.clientId, count(e) from Entry e
            where e.state = app.homeward.homework.EntryState.SUBMITTED and e.reviewedAt is null and e.clientId in :clients
            group by e.clientId""")
    public List<Object[]> countUnreviewed(Collection<UUID> clients);

    /** Measures: every scored, submitted entry of the given clients, oldest first, in one query. */
    @Query("""
            select e from Entry e
            where e.state = app.homeward.homework.EntryState.SUBMITTED and e.scoreTotal is not null
              and e.clientId in :clients
            order by e.submittedAt""")
    public List<Entry> findScoredFor(Collection<UUID> clients);

    /** Adherence: entries submitted in a window, for the given clients or (null) the whole clinic, in one query. */
    @Query("""
            select e from Entry e
            where e.state = app.homeward.homework.EntryState.SUBMITTED and e.submittedAt between :from and :to
              and (:clients is null or e.clientId in :clients)""")
    public List<Entry> findSubmittedForAdherence(Collection<UUID> clients, Instant from, Instant to);
}
