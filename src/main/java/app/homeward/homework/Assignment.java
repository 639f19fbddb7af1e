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
 * A homework plan for one client: the worksheet version it was given, the client-facing title and
 * rationale, what/when/where, the schedule, obstacles with a backup plan, and the confidence check.
 * Editing or ending it affects only future occurrences.
 * <p>
 * One step of a step ladder is one assignment: the steps share a {@code ladderId} and the ladder's
 * name, each has its own step text as title; later steps wait (no occurrences) until they open.
 * A choice of tasks is one assignment in {@code CHOOSING} with its {@link AssignmentOption}s; the
 * worksheet version is set (once) when the client chooses, and never changes after that.
 */
@Entity
@Table(name = "assignment")
public class Assignment extends TenantScopedEntity {

    @Column(name = "client_id", nullable = false, updatable = false, length = 36)
    private UUID clientId;

    @Column(name = "therapist_id", nullable = false, length = 36)
    private UUID therapistId;

    /** While a choice is open: the first option's version, replaced by the chosen one (see {@link #choose}). */
    @Column(name = "worksheet_version_id", nullable = false, length = 36)
    private UUID worksheetVersionId;

    @Column(name = "worksheet_builtin", nullable = false)
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

    @Column(name = "ladder_id", updatable = false, length = 36)
    private UUID ladderId;

    @Column(name = "ladder_title", length = 120)
    private String ladderTitle;

    @Column(name = "ladder_step", updatable = false)
    private Integer ladderStep;

    @Column(name = "ladder_size", updatable = false)
    private Integer ladderSize;

    /** When a waiting step opened or a choice was made (null for a plan active from the start). */
    @Column(name = "opened_at")
    private Instant openedAt;

    /** When the client chose this task among the options offered (null when it was not a choice). */
    @Column(name = "chosen_at")
    private Instant chosenAt;

    /** True when the reason was written or edited by the therapist, false when it is the worksheet's suggestion. */
    @Column(name = "rationale_own")
    private Boolean rationaleOwn;

    protected Assignment() {
    }

    public Assignment(UUID clientId, UUID therapistId, UUID worksheetVersionId, boolean worksheetBuiltIn, AssignmentPlan plan,
               Instant now) {
        this.clientId = clientId;
        this.therapistId = therapistId;
        this.worksheetVersionId = worksheetVersionId;
        this.worksheetBuiltIn = worksheetBuiltIn;
        this.createdAt = now;
        apply(plan);
    }

    public void apply(AssignmentPlan plan) {
        if (this.rationale != null && !sameText(this.rationale, plan.rationale())) {
            this.rationaleOwn = true; // a changed plan with a rewritten reason: the therapist's words now
        }
        this.title = plan.title();
        this.rationale = plan.rationale();
        this.planWhat = plan.what();
        this.planWhen = plan.when();
        this.planWhere = plan.where();
        applySchedule(plan.schedule());
        this.obstacles = Obstacle.join(plan.obstacles());
        this.obstacleOther = plan.obstacleOther();
        this.backupPlan = plan.backupPlan();
        this.confidence = plan.confidence();
        this.confidencePrompted = plan.confidencePrompted();
        this.planChanged = plan.planChanged();
        this.difficulty = plan.difficulty();
        this.goalId = plan.goalId();
    }

    public void end(Instant now) {
        this.status = AssignmentStatus.ENDED;
        this.endedAt = now;
    }

    /** Makes this assignment step {@code step} of {@code size} of a ladder; steps after the first wait. */
    public void inLadder(UUID ladder, String name, int step, int size) {
        this.ladderId = ladder;
        this.ladderTitle = name;
        this.ladderStep = step;
        this.ladderSize = size;
        if (step > 1) {
            this.status = AssignmentStatus.WAITING;
        }
    }

    /** A carried-over step stays the same step of the same ladder. */
    public void sameStepAs(Assignment other) {
        if (other.ladderId != null) {
            inLadder(other.ladderId, other.ladderTitle, other.ladderStep, other.ladderSize);
            this.status = AssignmentStatus.ACTIVE;
            this.openedAt = this.createdAt;
        }
    }

    /** Offered as a choice: no occurrences until the client chooses. */
    public void offerAsChoice() {
        this.status = AssignmentStatus.CHOOSING;
    }

    /** A waiting step opens with its schedule moved to start on {@code today}. */
    public void open(Schedule moved, Instant now) {
        applySchedule(moved);
        this.status = AssignmentStatus.ACTIVE;
        this.openedAt = now;
    }

    /** The client chose: this worksheet version and title from now on, the schedule moved to start today. */
    public void choose(AssignmentOption option, String rationaleIfNone, Schedule moved, Instant now) {
        this.worksheetVersionId = option.getWorksheetVersionId();
        this.worksheetBuiltIn = option.isWorksheetBuiltIn();
        this.title = option.getTitle();
        if (this.rationale == null || this.rationale.isBlank()) {
            this.rationale = rationaleIfNone;
        }
        open(moved, now);
        this.chosenAt = now;
    }

    private void applySchedule(Schedule schedule) {
        this.scheduleKind = schedule.kind();
        this.startDate = schedule.start();
        this.endDate = schedule.end();
        this.times = schedule.times();
        this.timeOfDay = schedule.timeOfDay();
        this.weekdays = schedule.weekdays().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.everyDays = schedule.everyDays();
        this.timeZone = schedule.zone().getId();
    }

    public Schedule schedule() {
        Set<DayOfWeek> days = weekdays == null || weekdays.isBlank() ? Set.of()
                : Arrays.stream(weekdays.split(",")).map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        return new Schedule(scheduleKind, startDate, endDate, times, timeOfDay, days, everyDays, ZoneId.of(timeZone));
    }

    public AssignmentPlan plan() {
        return new AssignmentPlan(title, rationale, planWhat, planWhen, planWhere, schedule(), Obstacle.split(obstacles),
                obstacleOther, backupPlan, confidence, confidencePrompted, planChanged, difficulty, goalId);
    }

    public UUID getClientId() { return clientId; }
    public UUID getTherapistId() { return therapistId; }
    public UUID getWorksheetVersionId() { return worksheetVersionId; }
    public boolean isWorksheetBuiltIn() { return worksheetBuiltIn; }
    public String getTitle() { return title; }
    public String getRationale() { return rationale; }
    public AssignmentStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    /** The client's goal this homework serves; null when none was linked. */
    public UUID getGoalId() { return goalId; }
    public Set<Obstacle> getObstacles() { return Obstacle.split(obstacles); }
    public Instant getEndedAt() { return endedAt; }
    public int getConfidence() { return confidence; }
    public int getDifficulty() { return difficulty; }
    public UUID getLadderId() { return ladderId; }
    public String getLadderTitle() { return ladderTitle; }
    public Integer getLadderStep() { return ladderStep; }
    public Integer getLadderSize() { return ladderSize; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getChosenAt() { return chosenAt; }

    public boolean inALadder() {
        return ladderId != null;
    }

    /**
     * Records whether the reason is the therapist's own or the worksheet's suggested text (the assign dialog
     * fills it in), ignoring differences of spacing only.
     */
    public void compareRationaleWith(String suggested) {
        this.rationaleOwn = !sameText(rationale, suggested == null ? "" : suggested);
    }

    private static boolean sameText(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equals(b.strip().replaceAll("\\s+", " "));
    }

    /** A plan carried over keeps where its reason came from. */
    public void sameRationaleAs(Assignment earlier) {
        this.rationaleOwn = earlier.rationaleOwn;
    }

    public Boolean getRationaleOwn() {
        return rationaleOwn;
    }
}
