package app.homeward.reminder;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ReminderRepository extends JpaRepository<Reminder, UUID> {

    /** Staff emails about these safety alerts that went out, oldest first (the alerts page's "told"). */
    @Query("""
            select r from Reminder r where r.alertId in :alertIds and r.accountId is not null
            and r.state = app.homeward.reminder.ReminderState.SENT order by r.sentAt""")
    List<Reminder> findSentAboutAlerts(@Param("alertIds") Collection<UUID> alertIds);

    /** A client's reminders that have not gone out yet (planning compares them with what should be). */
    @Query("select r from Reminder r where r.clientId = :clientId and r.state = app.homeward.reminder.ReminderState.PENDING")
    List<Reminder> findPendingForClient(@Param("clientId") UUID clientId);

    /** The ids of the next reminders to send, oldest first (ids only: the rows are read once claimed). */
    @Query("select r.id from Reminder r where r.state = app.homeward.reminder.ReminderState.PENDING"
            + " and r.nextAttemptAt <= :now order by r.nextAttemptAt, r.id")
    List<UUID> findDueIds(@Param("now") Instant now, Pageable page);

    @Query("select min(r.nextAttemptAt) from Reminder r where r.state = app.homeward.reminder.ReminderState.PENDING")
    Optional<Instant> nextAttempt();

    /** Claims rows that are still pending and due: the planner may have moved or cancelled one a moment ago. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Reminder r set r.state = app.homeward.reminder.ReminderState.SENDING, r.updatedAt = :now,"
            + " r.version = r.version + 1 where r.id in :ids and r.state = app.homeward.reminder.ReminderState.PENDING"
            + " and r.nextAttemptAt <= :now")
    int claim(@Param("ids") Collection<UUID> ids, @Param("now") Instant now);

    @Query("select r from Reminder r where r.id in :ids and r.state = app.homeward.reminder.ReminderState.SENDING")
    List<Reminder> findClaimed(@Param("ids") Collection<UUID> ids);

    /**
     * Rows a run of this clinic left "sending": only one run per clinic happens at a time, so at the
     * start of a run they belong to a run that stopped abruptly; they go out again (same Message-ID).
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Reminder r set r.state = app.homeward.reminder.ReminderState.PENDING, r.updatedAt = :now,"
            + " r.version = r.version + 1 where r.state = app.homeward.reminder.ReminderState.SENDING")
    int releaseInFlight(@Param("now") Instant now);

    /** The planner's changes touch only pending rows: a row being sent belongs to the delivery run. */
    @Modifying(flushAutomatically = true)
    @Query("update Reminder r set r.state = app.homeward.reminder.ReminderState.CANCELLED, r.lastError = :reason,"
            + " r.updatedAt = :now, r.version = r.version + 1"
            + " where r.id in :ids and r.state = app.homeward.reminder.ReminderState.PENDING")
    int cancelPending(@Param("ids") Collection<UUID> ids, @Param("reason") String reason, @Param("now") Instant now);

    @Modifying(flushAutomatically = true)
    @Query("update Reminder r set r.dueAt = :at, r.nextAttemptAt = :at, r.updatedAt = :now, r.version = r.version + 1"
            + " where r.id = :id and r.state = app.homeward.reminder.ReminderState.PENDING")
    int movePending(@Param("id") UUID id, @Param("at") Instant at, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Reminder r set r.state = app.homeward.reminder.ReminderState.SENT, r.sentAt = :now,"
            + " r.updatedAt = :now, r.lastError = null, r.version = r.version + 1"
            + " where r.id in :ids and r.state = app.homeward.reminder.ReminderState.SENDING")
    int markSent(@Param("ids") Collection<UUID> ids, @Param("now") Instant now);

    @Query("select r from Reminder r where r.clientId = :clientId order by r.dueAt desc")
    List<Reminder> findLog(@Param("clientId") UUID clientId, Pageable page);

    @Query("select count(r) from Reminder r where r.occurrenceId = :occurrenceId"
            + " and r.kind = app.homeward.reminder.ReminderKind.REMIND_NOW and r.createdAt >= :since")
    long countRemindNowSince(@Param("occurrenceId") UUID occurrenceId, @Param("since") Instant since);

    @Query("select r from Reminder r where r.kind = app.homeward.reminder.ReminderKind.DIGEST"
            + " and r.state = app.homeward.reminder.ReminderState.PENDING")
    List<Reminder> findPendingDigests();

    @Query("select max(r.sentAt) from Reminder r where r.accountId = :accountId"
            + " and r.kind = app.homeward.reminder.ReminderKind.DIGEST and r.state = app.homeward.reminder.ReminderState.SENT")
    Optional<Instant> lastDigestSent(@Param("accountId") UUID accountId);

    @Query("select count(r) > 0 from Reminder r where r.clientId = :clientId"
            + " and r.kind = app.homeward.reminder.ReminderKind.WEEKLY and r.dueAt = :at"
            + " and r.state in (app.homeward.reminder.ReminderState.SENT, app.homeward.reminder.ReminderState.SENDING,"
            + " app.homeward.reminder.ReminderState.FAILED)")
    boolean weeklyWentOut(@Param("clientId") UUID clientId, @Param("at") Instant at);

    /** The client a reminder email with this unsubscribe secret (by its hash) went to. */
    @Query("select r.clientId from Reminder r where r.unsubscribeHash = :hash and r.clientId is not null")
    List<UUID> findClientByUnsubscribeHash(@Param("hash") String hash);

    @Query("select r from Reminder r where r.clientId = :clientId and r.occurrenceId in :occurrences"
            + " and r.state in (app.homeward.reminder.ReminderState.SENT, app.homeward.reminder.ReminderState.SENDING,"
            + " app.homeward.reminder.ReminderState.FAILED)")
    List<Reminder> findSentOrSending(@Param("clientId") UUID clientId, @Param("occurrences") Collection<UUID> occurrences);
}
