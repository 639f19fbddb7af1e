package app.homeward.homework;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** One expected completion of an assignment, due at an instant computed in the client's time zone. */
@Entity
@Table(name = "occurrence")
public class Occurrence extends TenantScopedEntity {

    /** Stored outcomes; "upcoming", "due" and "missed" follow from the clock (see {@link #state}). */
    /** NOT_DONE: the client sent the entry and said they did 0 % of it (issue 14, decision 0019). */
    public enum Outcome { OPEN, DONE, PARTIAL, NOT_DONE, SKIPPED }

    @Column(name = "assignment_id", nullable = false, updatable = false, length = 36)
    private UUID assignmentId;

    @Column(name = "client_id", nullable = false, updatable = false, length = 36)
    private UUID clientId;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "local_date", nullable = false)
    private LocalDate localDate;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private Outcome status = Outcome.OPEN;

    @Column(name = "completed_at")
    private Instant completedAt;

    /** When the therapist talked a missed or partly done occurrence through with the client; null: not yet. */
    @Column(name = "discussed_at")
    private Instant discussedAt;

    /** What got in the way, as the therapist noted it then ("" for none); the carry-over starts from it. */
    @Column(name = "discussed_note", length = 300)
    private String discussedNote;

    protected Occurrence() {
    }

    public Occurrence(UUID assignmentId, UUID clientId, Instant dueAt, LocalDate localDate) {
        this.assignmentId = assignmentId;
        this.clientId = clientId;
        this.dueAt = dueAt;
        this.localDate = localDate;
    }

    /** What this occurrence is at {@code now}: due from the start of its day, missed after the grace period. */
    public OccurrenceState state(Instant now, Duration grace, ZoneId zone) {
        return switch (status) {
            case DONE -> OccurrenceState.DONE;
            case PARTIAL -> OccurrenceState.PARTIAL;
            // 0 % done is not done, never partly done: it reads and counts as missed
            case NOT_DONE -> OccurrenceState.MISSED;
            case SKIPPED -> OccurrenceState.SKIPPED;
            case OPEN -> {
                if (now.isAfter(dueAt.plus(grace))) {
                    yield OccurrenceState.MISSED;
                }
                yield LocalDate.ofInstant(now, zone).isBefore(localDate) ? OccurrenceState.UPCOMING : OccurrenceState.DUE;
            }
        };
    }

    public void complete(boolean partial, Instant now) {
        this.status = partial ? Outcome.PARTIAL : Outcome.DONE;
        this.completedAt = now;
    }

    /**
     * The client's own "how much did you do": 100 % done, 1–99 % partly done, 0 % not done (settled, so it
     * is counted and no longer reminded, but as missed: attempting counts, reporting nothing done does not).
     */
    public void reported(int percentDone, Instant now) {
        if (percentDone <= 0) {
            // the time the entry was sent is kept, so a later "I did half after all" is on time as before
            this.status = Outcome.NOT_DONE;
            this.completedAt = completedAt == null ? now : completedAt;
        } else {
            complete(percentDone < 100, completedAt == null ? now : completedAt);
        }
    }

    /** Talked through in a session: missed homework is reviewed as carefully as done homework. */
    public void discussed(String note, Instant now) {
        this.discussedAt = now;
        this.discussedNote = note;
    }

    public void skip() {
        this.status = Outcome.SKIPPED;
    }

    public boolean isOpen() {
        return status == Outcome.OPEN;
    }

    public UUID getAssignmentId() { return assignmentId; }
    public UUID getClientId() { return clientId; }
    public Instant getDueAt() { return dueAt; }
    public LocalDate getLocalDate() { return localDate; }
    public Outcome getStatus() { return status; }
    public Instant getCompletedAt() { return completedAt; }
    public Instant getDiscussedAt() { return discussedAt; }
    public String getDiscussedNote() { return discussedNote == null ? "" : discussedNote; }
}
