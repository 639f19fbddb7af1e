package app.homeward.homework;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A homework plan for one client: the worksheet version it was given (never changed), the
 * client-facing title and rationale, what/when/where, the schedule, obstacles with a backup plan,
 * and the confidence check. Editing or ending it affects only future occurrences.
 */
@Entity
@Table(name = "assignment")
class Assignment extends TenantScopedEntity {

    @Column(name = "client_id", nullable = false, updatable = false, length = 36)
    private UUID clientId;

    @Column(name = "therapist_id", nullable = false, length = 36)
    private UUID therapistId;

    @Column(name = "worksheet_version_id", nullable = false, updatable = false, length = 36)
    private UUID worksheetVersionId;

    @Column(name = "worksheet_builtin", nullable = false, updatable = false)
    private boolean worksheetBuiltIn;

    @Column(nullable = false, length = 120)
    private String title;

    @Column(nullable = false, length = 2000)
    private String rationale;

    @Column(name = "plan_what", nullable = false, length = 1000)
    private String planWhat;

    @Column(name = "plan_when", nullable = false, length = 300)
    private String planWhen;

    @Column(name = "plan_where", nullable = false, length = 300)
    private String planWhere;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "schedule_kind", nullable = false, length = 16)
    private Schedule.Kind scheduleKind;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "times")
    private Integer times;

    @Column(name = "time_of_day", nullable = false)
    private LocalTime timeOfDay;

    @Column(name = "weekdays", length = 40)
    private String weekdays;

    @Column(name = "every_days")
    private Integer everyDays;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false, length = 200)
    private String obstacles;

    @Column(name = "obstacle_other", nullable = false, length = 300)
    private String obstacleOther;

    @Column(name = "backup_plan", nullable = false, length = 1000)
    private String backupPlan;

    @Column(nullable = false)
    private int confidence;

    @Column(name = "confidence_prompted", nullable = false)
    private boolean confidencePrompted;

    @Column(name = "plan_changed", nullable = false)
    private boolean planChanged;

    @Column(nullable = false)
    private int difficulty;

    @Column(name = "goal_id", length = 36)
    private UUID goalId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private AssignmentStatus status = AssignmentStatus.ACTIVE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected Assignment() {
    }

    Assignment(UUID clientId, UUID therapistId, UUID worksheetVersionId, boolean worksheetBuiltIn, AssignmentPlan plan,
               Instant now) {
        this.clientId = clientId;
        this.therapistId = therapistId;
        this.worksheetVersionId = worksheetVersionId;
        this.worksheetBuiltIn = worksheetBuiltIn;
        this.createdAt = now;
        apply(plan);
    }

    void apply(AssignmentPlan plan) {
        this.title = plan.title();
        this.rationale = plan.rationale();
        this.planWhat = plan.what();
        this.planWhen = plan.when();
        this.planWhere = plan.where();
        Schedule schedule = plan.schedule();
        this.scheduleKind = schedule.kind();
        this.startDate = schedule.start();
        this.endDate = schedule.end();
        this.times = schedule.times();
        this.timeOfDay = schedule.timeOfDay();
        this.weekdays = schedule.weekdays().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.everyDays = schedule.everyDays();
        this.timeZone = schedule.zone().getId();
        this.obstacles = Obstacle.join(plan.obstacles());
        this.obstacleOther = plan.obstacleOther();
        this.backupPlan = plan.backupPlan();
        this.confidence = plan.confidence();
        this.confidencePrompted = plan.confidencePrompted();
        this.planChanged = plan.planChanged();
        this.difficulty = plan.difficulty();
        this.goalId = plan.goalId();
    }

    void end(Instant now) {
        this.status = AssignmentStatus.ENDED;
        this.endedAt = now;
    }

    Schedule schedule() {
        Set<DayOfWeek> days = weekdays == null || weekdays.isBlank() ? Set.of()
                : Arrays.stream(weekdays.split(",")).map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        return new Schedule(scheduleKind, startDate, endDate, times, timeOfDay, days, everyDays, ZoneId.of(timeZone));
    }

    AssignmentPlan plan() {
        return new AssignmentPlan(title, rationale, planWhat, planWhen, planWhere, schedule(), Obstacle.split(obstacles),
                obstacleOther, backupPlan, confidence, confidencePrompted, planChanged, difficulty, goalId);
    }

    UUID getClientId() { return clientId; }
    UUID getTherapistId() { return therapistId; }
    UUID getWorksheetVersionId() { return worksheetVersionId; }
    boolean isWorksheetBuiltIn() { return worksheetBuiltIn; }
    String getTitle() { return title; }
    String getRationale() { return rationale; }
    AssignmentStatus getStatus() { return status; }
    Instant getCreatedAt() { return createdAt; }
    Instant getEndedAt() { return endedAt; }
    int getConfidence() { return confidence; }
    int getDifficulty() { return difficulty; }
}
