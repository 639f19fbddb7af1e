package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface SafetyAlertRepository extends JpaRepository<SafetyAlert, UUID> {

    List<SafetyAlert> findByAcknowledgedAtIsNullOrderByRaisedAt();

    List<SafetyAlert> findByClientIdOrderByRaisedAtDesc(UUID clientId);

    @Query("select a from SafetyAlert a where a.acknowledgedAt is null and a.clientId in :clients order by a.raisedAt")
    List<SafetyAlert> findOpenFor(Collection<UUID> clients);

    @Query("""
            select a.clientId, count(a) from SafetyAlert a
            where a.acknowledgedAt is null and a.clientId in :clients group by a.clientId""")
    List<Object[]> countOpen(Collection<UUID> clients);

    /** Adherence: open alerts per client, for the given clients or (null) the whole clinic, in one query. */
    @Query("""
            select a.clientId, count(a) from SafetyAlert a
            where a.acknowledgedAt is null and (:clients is null or a.clientId in :clients) group by a.clientId""")
    List<Object[]> countOpenForAdherence(Collection<UUID> clients);
}
