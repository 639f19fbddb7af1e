package app.homeward.homework;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read-only queries for {@link HomeworkTimes}: open occurrences of active plans, with the plan's zone. */
public interface OccurrenceTimes extends Repository<Occurrence, UUID> {

    @Query("select new app.homeward.homework.DueHomework(o.id, o.assignmentId, o.clientId, o.dueAt, o.localDate,"
            + " a.timeZone) from Occurrence o, Assignment a where a.id = o.assignmentId and o.clientId = :clientId"
            + " and o.status = app.homeward.homework.Occurrence.Outcome.OPEN"
            + " and a.status = app.homeward.homework.AssignmentStatus.ACTIVE and o.dueAt >= :from order by o.dueAt")
    public List<DueHomework> findOpen(@Param("clientId") UUID clientId, @Param("from") Instant from);

    @Query("select new app.homeward.homework.DueHomework(o.id, o.assignmentId, o.clientId, o.dueAt, o.localDate,"
            + " a.timeZone) from Occurrence o, Assignment a where a.id = o.assignmentId and o.id in :ids"
            + " and o.status = app.homeward.homework.Occurrence.Outcome.OPEN"
            + " and a.status = app.homeward.homework.AssignmentStatus.ACTIVE")
    public List<DueHomework> findOpenAmong(@Param("ids") Collection<UUID> ids);

    @Query("select new app.homeward.homework.PlanTime(a.id, a.title, a.timeOfDay) from Assignment a"
            + " where a.clientId = :clientId and a.status = app.homeward.homework.AssignmentStatus.ACTIVE"
            + " order by a.createdAt")
    public List<PlanTime> findActivePlans(@Param("clientId") UUID clientId);

    @Query("select o.clientId from Occurrence o where o.id = :occurrenceId")
    public Optional<UUID> findClientOf(@Param("occurrenceId") UUID occurrenceId);

    @Query("select count(e) from Entry e where e.clientId in :clients"
            + " and e.state = app.homeward.homework.EntryState.SUBMITTED and e.submittedAt >= :since")
    public long countSubmittedSince(@Param("clients") Collection<UUID> clients, @Param("since") Instant since);

    @Query("select count(r) from ChangeRequest r where r.clientId in :clients and r.createdAt >= :since")
    public long countChangeRequestsSince(@Param("clients") Collection<UUID> clients, @Param("since") Instant since);
}
