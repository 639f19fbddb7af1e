package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

public interface SafetyAlertRepository extends JpaRepository<SafetyAlert, UUID> {

    public List<SafetyAlert> findByAcknowledgedAtIsNullOrderByRaisedAt();

    /** Whether the entry that raised this alert still has an alert nobody acknowledged. */
    @Query("""
            select count(o) > 0 from SafetyAlert a, SafetyAlert o
            where a.id = :alertId and o.entryId = a.entryId and o.acknowledgedAt is null""")
    public boolean stillOpen(@Param("alertId") UUID alertId);

    public List<SafetyAlert> findByClientIdOrderByRaisedAtDesc(UUID clientId);

    @Query("select a from SafetyAlert a where a.acknowledgedAt is null and a.clientId in :clients order by a.raisedAt")
    public List<SafetyAlert> findOpenFor(Collection<UUID> clients);

    @Query("""
            select a.clientId, count(a) from SafetyAlert a
            where a.acknowledgedAt is null and a.clientId in :clients group by a.clientId""")
    public List<Object[]> countOpen(Collection<UUID> clients);

    /** Open alerts of these clients or (null) the whole clinic: the count the alerts page lists. */
    @Query("select count(a) from SafetyAlert a where a.acknowledgedAt is null and (:clients is null or a.clientId in :clients)")
    public long countAllOpen(Collection<UUID> clients);

    /** Adherence: open alerts per client, for the given clients or (null) the whole clinic, in one query. */
    @Query("""
            select a.clientId, count(a) from SafetyAlert a
            where a.acknowledgedAt is null and (:clients is null or a.clientId in :clients) group by a.clientId""")
    public List<Object[]> countOpenForAdherence(Collection<UUID> clients);
}
