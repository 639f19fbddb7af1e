package app.homeward.homework;

import app.homeward.base.TenantScopedEntity;
import app.homeward.worksheet.WorksheetJson;
import app.homeward.worksheet.WorksheetLimits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A client's answers for one occurrence: a draft saved as they type (so nothing is lost), then
 * submitted with its score, then the client's reflection and the therapist's review. The row's
 * version tells a second tab that its copy is stale.
 */
@Entity
@Table(name = "entry")
public class Entry extends TenantScopedEntity {

    @Column(name = "occurrence_id", nullable = false, updatable = false, length = 36)
    private UUID occurrenceId;

    @Column(name = "assignment_id", nullable = false, updatable = false, length = 36)
    private UUID assignmentId;

    @Column(name = "client_id", nullable = false, updatable = false, length = 36)
    private UUID clientId;

    // MEDIUMTEXT; a string, not a @Lob (see WorksheetVersion.document)
    @Column(nullable = false, length = WorksheetLimits.DOCUMENT_CHARS)
    private String answers;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private EntryState state = EntryState.DRAFT;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "score_total")
    private Integer scoreTotal;

    @Column(name = "score_band", length = 60)
    private String scoreBand;

    @Column(name = "alert_count", nullable = false)
    private int alertCount;

    @Column(name = "percent_done")
    private Integer percentDone;

    @Column(name = "reflection_difficulty")
    private Integer reflectionDifficulty;

    @Column(name = "reflection_helpful")
    private Integer reflectionHelpful;

    @Column(name = "reflection_obstacles", length = 200)
    private String reflectionObstacles;

    @Column(name = "reflection_note", length = 2000)
    private String reflectionNote;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by", length = 36)
    private UUID reviewedBy;

    @Column(length = 4000)
    private String feedback;

    // feedback on single answers: JSON object of field key -> text
    @Column(name = "answer_feedback", length = WorksheetLimits.DOCUMENT_CHARS)
    private String answerFeedback;

    protected Entry() {
    }

    public Entry(UUID occurrenceId, UUID assignmentId, UUID clientId, String answers, Instant now) {
        this.occurrenceId = occurrenceId;
        this.assignmentId = assignmentId;
        this.clientId = clientId;
        this.answers = answers;
        this.savedAt = now;
    }

    public void saveDraft(String newAnswers, Instant now) {
        this.answers = newAnswers;
        this.savedAt = now;
    }

    public void submit(String newAnswers, Integer total, String band, int alerts, Instant now) {
        this.answers = newAnswers;
        this.savedAt = now;
        this.submittedAt = now;
        this.state = EntryState.SUBMITTED;
        this.scoreTotal = total;
        this.scoreBand = band;
        this.alertCount = alerts;
    }

    public void reflect(int percent, Integer difficulty, Integer helpful, Set<Obstacle> obstacles, String note) {
        this.percentDone = percent;
        this.reflectionDifficulty = difficulty;
        this.reflectionHelpful = helpful;
        this.reflectionObstacles = Obstacle.join(obstacles);
        this.reflectionNote = note;
    }

    public void review(UUID by, String text, String perAnswer, Instant now) {
        this.reviewedBy = by;
        this.reviewedAt = now;
        this.feedback = text;
        this.answerFeedback = perAnswer;
    }

    public boolean isSubmitted() {
        return state == EntryState.SUBMITTED;
    }

    public UUID getOccurrenceId() { return occurrenceId; }
    public UUID getAssignmentId() { return assignmentId; }
    public UUID getClientId() { return clientId; }
    public String getAnswers() { return answers; }
    public EntryState getState() { return state; }
    public Instant getSavedAt() { return savedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Integer getScoreTotal() { return scoreTotal; }
    public String getScoreBand() { return scoreBand; }
    public int getAlertCount() { return alertCount; }
    public Integer getPercentDone() { return percentDone; }
    public Integer getReflectionDifficulty() { return reflectionDifficulty; }
    public Integer getReflectionHelpful() { return reflectionHelpful; }
    public Set<Obstacle> getReflectionObstacles() { return Obstacle.split(reflectionObstacles); }
    public String getReflectionNote() { return reflectionNote; }
    public Instant getReviewedAt() { return reviewedAt; }
    public UUID getReviewedBy() { return reviewedBy; }
    public String getFeedback() { return feedback; }
    public String getAnswerFeedback() { return answerFeedback; }

    /** The therapist's feedback on single answers, by answer key (empty before the review). */
    public Map<String, String> feedbackOnAnswers() {
        Map<String, String> result = new LinkedHashMap<>();
        if (answerFeedback != null) {
            WorksheetJson.readAnswers(answerFeedback).forEach((k, v) -> result.put(k, String.valueOf(v)));
        }
        return result;
    }
}
