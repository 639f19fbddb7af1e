package app.homeward.homework;

import app.homeward.base.ClinicTables;
import app.homeward.base.EntityTables.Spec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The homework loop's rows for data rights: a client erased loses their plans (with their texts), the
 * occurrences, entries with answers, reflections and feedback, change requests and safety alerts.
 */
@Component
class HomeworkData extends ClinicTables {

    private static final List<Spec> TABLES = List.of(
            Spec.of("assignment", "Assignment", "id", "client_id=clientId", "therapist_id=therapistId",
                    "worksheet_version_id=worksheetVersionId", "worksheet_builtin=worksheetBuiltIn", "title", "rationale",
                    "plan_what=planWhat", "plan_when=planWhen", "plan_where=planWhere", "schedule_kind=scheduleKind",
                    "start_date=startDate", "end_date=endDate", "times", "time_of_day=timeOfDay", "weekdays",
                    "every_days=everyDays", "time_zone=timeZone", "obstacles", "obstacle_other=obstacleOther",
                    "backup_plan=backupPlan", "confidence", "confidence_prompted=confidencePrompted",
                    "plan_changed=planChanged", "difficulty", "goal_id=goalId", "status", "created_at=createdAt",
                    "ended_at=endedAt", "ladder_id=ladderId", "ladder_title=ladderTitle", "ladder_step=ladderStep",
                    "ladder_size=ladderSize", "opened_at=openedAt", "chosen_at=chosenAt"),
            Spec.of("assignment_option", "AssignmentOption", "id", "assignment_id=assignmentId",
                    "option_position=position", "worksheet_version_id=worksheetVersionId",
                    "worksheet_builtin=worksheetBuiltIn", "title", "rationale"),
            Spec.of("occurrence", "Occurrence", "id", "assignment_id=assignmentId", "client_id=clientId",
                    "due_at=dueAt", "local_date=localDate", "status", "completed_at=completedAt",
                    "discussed_at=discussedAt", "discussed_note=discussedNote"),
            Spec.of("entry", "Entry", "id", "occurrence_id=occurrenceId", "assignment_id=assignmentId",
                    "client_id=clientId", "state", "saved_at=savedAt", "submitted_at=submittedAt",
                    "score_total=scoreTotal", "score_band=scoreBand", "alert_count=alertCount",
                    "percent_done=percentDone", "reflection_difficulty=reflectionDifficulty",
                    "reflection_helpful=reflectionHelpful", "reflection_obstacles=reflectionObstacles",
                    "reflection_note=reflectionNote", "reviewed_at=reviewedAt", "reviewed_by=reviewedBy", "feedback",
                    "answers", "answer_feedback=answerFeedback"),
            Spec.of("change_request", "ChangeRequest", "id", "assignment_id=assignmentId", "client_id=clientId",
                    "reason", "note", "created_at=createdAt", "resolved_at=resolvedAt"),
            Spec.of("safety_alert", "SafetyAlert", "id", "entry_id=entryId", "client_id=clientId",
                    "therapist_id=therapistId", "label", "alert_value=value", "raised_at=raisedAt",
                    "acknowledged_at=acknowledgedAt", "acknowledged_by=acknowledgedBy", "note"),
            Spec.of("clinic_homework_settings", "ClinicHomeworkSettings", "id",
                    "confidence_threshold=confidenceThreshold", "grace_hours=graceHours", "updated_at=updatedAt"));

    HomeworkData() {
        super(200, TABLES);
    }

    @Override
    @Transactional
    public void eraseClient(ErasedClient client) {
        // children before parents: alerts point at entries, entries at occurrences, occurrences and options at plans
        deleteOfClient(client.clientId(), "SafetyAlert", "Entry", "ChangeRequest", "Occurrence");
        em.createQuery("delete from AssignmentOption o where o.assignmentId in "
                        + "(select a.id from Assignment a where a.clientId = :client)")
                .setParameter("client", client.clientId()).executeUpdate();
        em.createQuery("delete from Assignment a where a.clientId = :client")
                .setParameter("client", client.clientId()).executeUpdate();
    }
}
