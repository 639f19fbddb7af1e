package app.homeward.homework.review;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.base.DomainException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.ChangeReason;
import app.homeward.homework.Obstacle;
import app.homeward.base.NotFoundException;
import app.homeward.homework.OccurrenceState;
import app.homeward.homework.Reflection;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.portal.EntryService;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The before-session review counts what the client did since the last session. */
class BeforeSessionTest extends IntegrationTest {

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired ReviewService reviews;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired JdbcTemplate jdbc;

    ZoneId zone;
    TestAccount therapist;
    UUID clientId;
    HomewardUser client;

    @BeforeEach
    void aTherapistWithAClient() {
        // the morning in the client's zone: 23:45 today is still ahead
        zone = ZoneId.of("Europe/Lisbon");
        clock.moveTo(ZonedDateTime.of(today(zone), LocalTime.of(9, 0), zone).toInstant());
        ClinicBranding clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        ClientProfile profile = clients.add(new NewClient("Ines Lobo", TestClinics.randomEmail(), zone.getId(), "en", null, false));
        clientId = profile.id();
        client = testClinics.joined(clinic, profile);
    }

    /**
     * Homework due this evening and done this morning, before the session: the review must show it
     * done, next to the client's reflection on that very homework (it once counted only occurrences
     * whose due time had passed).
     */
    @Test
    void homework_done_before_its_due_time_counts_as_done_in_the_before_session_review() {
        therapist.signIn();
        UUID assignment = homework.assign(clientId, "mood-log", new AssignmentPlan("Mood log", "To see what lifts the mood.",
                null, null, null, Schedule.once(today(zone), LocalTime.of(23, 45), zone), null, null, null, 8,
                false, false, 1, null));
        TestUsers.signInAs(client);
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        entryService.submit(occurrence, Map.of("date", today(zone).toString(), "mood", 6), null);
        entryService.reflect(occurrence, new Reflection(100, 3, 8, Set.of(), "Done in the morning"));

        therapist.signIn();
        BeforeSession review = reviews.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7)));

        assertThat(review.reflections()).as("the reflection on it is listed").hasSize(1);
        assertThat(review.assignments()).singleElement().satisfies(outcome -> {
            assertThat(outcome.assignmentId()).isEqualTo(assignment);
            assertThat(outcome.done()).as("done this morning, due tonight").isEqualTo(1);
            assertThat(outcome.unfinished()).isFalse();
        });
    }

    /** A once-only homework due tonight at 23:45, planned with the given obstacles and goal. */
    private UUID assignTonight(String title, Set<Obstacle> obstacles, UUID goal) {
        return homework.assign(clientId, "mood-log", new AssignmentPlan(title, "To see what lifts the mood.",
                null, null, null, Schedule.once(today(zone), LocalTime.of(23, 45), zone), obstacles, null, null, 8,
                false, false, 1, goal));
    }

    @Test
    void the_clients_doubts_are_listed_first_whether_said_when_planning_after_doing_it_or_as_a_change_request() {
        therapist.signIn();
        assignTonight("Mood log", Set.of(Obstacle.UNSURE_IT_HELPS), null);
        UUID walk = assignTonight("Evening walk", Set.of(), null);
        UUID breathing = assignTonight("Breathing", Set.of(), null);
        TestUsers.signInAs(client);
        UUID walkToday = todayService.today().dueNow().stream().filter(c -> c.assignmentId().equals(walk)).findFirst()
                .orElseThrow().occurrenceId();
        entryService.submit(walkToday, Map.of("date", today(zone).toString(), "mood", 5), null);
        entryService.reflect(walkToday, new Reflection(100, 4, 3, Set.of(Obstacle.UNSURE_IT_HELPS), "Felt pointless"));
        clock.moveTo(clock.instant().plus(Duration.ofMinutes(5)));
        entryService.requestChange(breathing, ChangeReason.UNSURE_IT_HELPS, "I tried this before");

        therapist.signIn();
        BeforeSession review = reviews.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7)));

        assertThat(review.doubts()).as("newest first, one per place the doubt was said")
                .extracting(BeforeSession.Doubt::title, BeforeSession.Doubt::source, BeforeSession.Doubt::note)
                .containsExactly(
                        Tuple.tuple("Breathing", BeforeSession.Doubt.Source.CHANGE_REQUEST, "I tried this before"),
                        Tuple.tuple("Evening walk", BeforeSession.Doubt.Source.REFLECTION, "Felt pointless"),
                        Tuple.tuple("Mood log", BeforeSession.Doubt.Source.PLAN, ""));
        assertThat(review.obstaclesMet()).containsEntry(Obstacle.UNSURE_IT_HELPS, 1);
    }

    @Test
    void each_plan_shows_the_goal_it_serves() {
        therapist.signIn();
        UUID goal = clients.addGoal(clientId, "Sleep through the night").id();
        assignTonight("Mood log", Set.of(), goal);
        assignTonight("Evening walk", Set.of(), null);

        BeforeSession review = reviews.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7)));

        assertThat(review.assignments()).extracting(BeforeSession.AssignmentOutcome::title, BeforeSession.AssignmentOutcome::goal)
                .containsExactlyInAnyOrder(Tuple.tuple("Mood log", "Sleep through the night"),
                        Tuple.tuple("Evening walk", ""));
    }

    @Test
    void a_missed_day_is_listed_and_can_be_marked_as_talked_through_with_what_got_in_the_way() {
        therapist.signIn();
        UUID plan = assignTonight("Mood log", Set.of(), null);
        // two days on, past the 24-hour grace: missed
        clock.moveTo(clock.instant().plus(Duration.ofDays(2)));

        BeforeSession before = reviews.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7)));
        BeforeSession.MissedItem missed = before.missed().getFirst();
        assertThat(before.missed()).hasSize(1);
        assertThat(missed.assignmentId()).isEqualTo(plan);
        assertThat(missed.state()).isEqualTo(OccurrenceState.MISSED);
        assertThat(missed.discussedAt()).isNull();

        Instant marking = clock.instant().truncatedTo(ChronoUnit.MICROS);
        reviews.markDiscussed(missed.occurrenceId(), "  Worked late twice  ");

        BeforeSession after = reviews.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7)));
        assertThat(after.missed()).singleElement().satisfies(item -> {
            assertThat(item.discussedAt()).isBetween(marking, clock.instant());
            assertThat(item.note()).isEqualTo("Worked late twice");
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_record where action = 'occurrence.discussed' and object_id = ?",
                Integer.class, missed.occurrenceId().toString())).as("a change to the clinical record is audited").isEqualTo(1);
    }

    @Test
    void a_day_that_was_done_cannot_be_marked_as_missed_homework_talked_through() {
        therapist.signIn();
        assignTonight("Mood log", Set.of(), null);
        TestUsers.signInAs(client);
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        entryService.submit(occurrence, Map.of("date", today(zone).toString(), "mood", 6), null);
        entryService.reflect(occurrence, new Reflection(100, 3, 8, Set.of(), ""));

        therapist.signIn();
        assertThatThrownBy(() -> reviews.markDiscussed(occurrence, "note"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("before.discussed.not-missed");
    }

    @Test
    void a_therapist_of_another_clinic_can_neither_see_nor_mark_a_clients_missed_day() {
        therapist.signIn();
        assignTonight("Mood log", Set.of(), null);
        clock.moveTo(clock.instant().plus(Duration.ofDays(2)));
        UUID occurrence = reviews.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7))).missed().getFirst().occurrenceId();

        testClinics.account(testClinics.clinic("Elsewhere"), Role.THERAPIST).signIn();
        assertThatThrownBy(() -> reviews.markDiscussed(occurrence, "not mine")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reviews.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7))))
                .isInstanceOf(NotFoundException.class);

        therapist.signIn();
        assertThat(reviews.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7))).missed())
                .singleElement().satisfies(item -> assertThat(item.discussedAt()).as("untouched").isNull());
    }
}
