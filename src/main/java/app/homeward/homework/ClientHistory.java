package app.homeward.homework;

import app.homeward.worksheet.WorksheetDocument;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the homework loop holds about one client, for their data export: every plan with its texts,
 * every occurrence with what became of it, every entry (drafts too) with its answers, the worksheet
 * version it was answered on, score, reflection and feedback, the change requests and the safety alerts.
 */
public record ClientHistory(List<Plan> plans, List<OccurrenceRecord> occurrences, List<EntryRecord> entries,
                            List<ChangeRequestSummary> changeRequests, List<AlertSummary> alerts) {

    public record Plan(UUID id, String title, String rationale, String what, String when, String where,
                       Schedule schedule, Set<Obstacle> obstacles, String obstacleOther, String backupPlan,
                       int confidence, int difficulty, AssignmentStatus status, Instant createdAt, Instant endedAt,
                       String ladderTitle, Integer ladderStep, Integer ladderSize, List<String> optionsOffered,
                       UUID worksheetVersionId, boolean worksheetBuiltIn) {
    }

    public record OccurrenceRecord(UUID id, UUID planId, Instant dueAt, LocalDate localDate, OccurrenceState state,
                                   Instant completedAt) {
    }

    /** One entry; {@code document} is the worksheet version the entry was answered on (labels, options). */
    public record EntryRecord(UUID id, UUID planId, String title, UUID worksheetVersionId, boolean worksheetBuiltIn,
                              WorksheetDocument document, Instant dueAt, EntryState state, Instant savedAt,
                              Instant submittedAt, Map<String, Object> answers, Integer score, String band,
                              Reflection reflection, String feedback, Map<String, String> answerFeedback,
                              Instant reviewedAt) {

        public boolean submitted() {
            return state == EntryState.SUBMITTED;
        }
    }
}
