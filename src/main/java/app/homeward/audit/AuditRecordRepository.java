package app.homeward.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Insert and read, nothing else: the trail is append-only. It extends {@link Repository}, not
 * {@code CrudRepository}/{@code JpaRepository}, so there is no delete, and {@link AuditRecord} is
 * {@code @Immutable}, so a saved record is never updated ({@code AuditAppendOnlyTest} keeps it that way).
 * Every query is filtered by the current trail (Hibernate's tenant id).
 */
interface AuditRecordRepository extends Repository<AuditRecord, UUID> {

    AuditRecord save(AuditRecord record);

    List<AuditRecord> saveAll(Iterable<AuditRecord> records);

    /** One page of the trail, newest first; a null filter matches everything, {@code to} is exclusive. */
    @Query("""
            select r from AuditRecord r
            where (:actor is null or r.actorId = :actor)
              and (:client is null or r.clientId = :client)
              and (:anyAction = true or r.action in :actions)
              and (:from is null or r.occurredAt >= :from)
              and (:to is null or r.occurredAt < :to)
            order by r.occurredAt desc, r.id desc""")
    List<AuditRecord> search(UUID actor, UUID client, boolean anyAction, Collection<String> actions, Instant from,
                             Instant to, Pageable page);

    @Query("""
            select count(r) from AuditRecord r
            where (:actor is null or r.actorId = :actor)
              and (:client is null or r.clientId = :client)
              and (:anyAction = true or r.action in :actions)
              and (:from is null or r.occurredAt >= :from)
              and (:to is null or r.occurredAt < :to)""")
    long count(UUID actor, UUID client, boolean anyAction, Collection<String> actions, Instant from, Instant to);
}
