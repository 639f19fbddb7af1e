package app.homeward.homework.practice;

import app.homeward.homework.Assignment;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The few facts of plans and reviews that "my homework practice" counts, as flags computed in the database:
 * no reason, obstacle or feedback text is read, only whether it is there (feedback on single answers is
 * stored as a JSON object, "{}" when there is none).
 */
interface PracticeFacts extends Repository<Assignment, UUID> {

    /** A plan as the practice page sees it. {@code rationaleOwn} is null where it cannot be known. */
    record PlanFact(Instant createdAt, Boolean rationaleOwn, boolean obstaclesAndBackup, boolean confidenceChecked,
                    boolean confidencePrompted, boolean planChanged) {
    }

    /** A submitted entry as the practice page sees it. */
    record ReviewFact(Instant submittedAt, Instant reviewedAt, boolean feedbackGiven) {
    }

    /**
     * Plans made since {@code since} by one therapist or (null) anyone in the clinic. A step ladder counts once
     * (its first step: the plan was made once for all of them).
     */
    @Query("""
            select new app.homeward.homework.practice.PracticeFacts$PlanFact(a.createdAt, a.rationaleOwn,
                case when a.obstacles <> '' and length(trim(a.backupPlan)) > 0 then true else false end,
                case when a.confidence between 0 and 10 then true else false end,
                a.confidencePrompted, a.planChanged)
            from Assignment a
            where a.createdAt >= :since and (:therapist is null or a.therapistId = :therapist)
              and (a.ladderStep is null or a.ladderStep = 1)""")
    List<PlanFact> plans(UUID therapist, Instant since);

    /** Entries sent since {@code since} on homework of one therapist or (null) anyone in the clinic. */
    @Query("""
            select new app.homeward.homework.practice.PracticeFacts$ReviewFact(e.submittedAt, e.reviewedAt,
                case when (e.feedback is not null and length(trim(e.feedback)) > 0)
                       or (e.answerFeedback is not null and e.answerFeedback <> '{}' and length(trim(e.answerFeedback)) > 0)
                     then true else false end)
            from Entry e, Assignment a
            where a.id = e.assignmentId and e.state = app.homeward.homework.EntryState.SUBMITTED
              and e.submittedAt >= :since and (:therapist is null or a.therapistId = :therapist)""")
    List<ReviewFact> reviews(UUID therapist, Instant since);
}
