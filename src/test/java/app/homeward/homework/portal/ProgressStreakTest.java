package app.homeward.homework.portal;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.OccurrenceState;
import app.homeward.homework.Reflection;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.homeward.homework.OccurrenceState.DONE;
import static app.homeward.homework.OccurrenceState.DUE;
import static app.homeward.homework.OccurrenceState.MISSED;
import static app.homeward.homework.OccurrenceState.PARTIAL;
import static app.homeward.homework.OccurrenceState.SKIPPED;
import static app.homeward.homework.OccurrenceState.UPCOMING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streak counts in the homework's own rhythm (issue 14): Casey, after four weekly PHQ-9s in a row, was
 * told "1 day in a row".
 */
class ProgressStreakTest extends IntegrationTest {

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired ProgressService progressService;

    ZoneId zone = ZoneId.of("Europe/London");
    TestAccount therapist;
    UUID clientId;
    HomewardUser client;

    @BeforeEach
    void aTherapistWithAClient() {
        // a Monday morning in the client's zone
        clock.moveTo(ZonedDateTime.of(today(zone).with(TemporalAdjusters.next(DayOfWeek.MONDAY)),
                LocalTime.of(9, 0), zone).toInstant());
        ClinicBranding clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        ClientProfile profile = clients.add(new NewClient("Casey Hart", TestClinics.randomEmail(), zone.getId(), "en", null, false));
        clientId = profile.id();
        client = testClinics.joined(clinic, profile);
    }

    @Test
    void four_weekly_questionnaires_in_a_row_are_four_weeks_in_a_row() {
        homework.assign(clientId, "mood-log", new AssignmentPlan("Weekly check-in", "To see how the weeks go.", null, null,
                null, new Schedule(Schedule.Kind.WEEKDAYS, today(zone), today(zone).plusWeeks(6), null, LocalTime.of(20, 0),
                        Set.of(DayOfWeek.MONDAY), null, zone), null, null, null, 8, false, false, 1, null));
        for (int week = 0; week < 4; week++) {
            TestUsers.signInAs(client);
            UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
            entryService.submit(occurrence, Map.of("date", today(zone).toString(), "mood", 6), null);
            entryService.reflect(occurrence, new Reflection(100, 3, 8, Set.of(), ""));
            clock.moveTo(clock.instant().plus(Duration.ofDays(7)));
        }

        TestUsers.signInAs(client);
        Progress progress = progressService.progress();

        assertThat(progress.streaks()).containsExactly(new Progress.Streak("Weekly check-in", 4, Progress.Streak.Rhythm.WEEKS));
        assertThat(progress.nothingDoneYet()).isFalse();
    }

    @Test
    void a_new_client_has_nothing_done_and_no_streak() {
        homework.assign(clientId, "mood-log", new AssignmentPlan("Mood log", "To see what lifts the mood.", null, null,
                null, new Schedule(Schedule.Kind.DAILY, today(zone), today(zone).plusDays(6), null, LocalTime.of(20, 0),
                        null, null, zone), null, null, null, 8, false, false, 1, null));

        TestUsers.signInAs(client);
        Progress progress = progressService.progress();

        assertThat(progress.nothingDoneYet()).as("welcomed, not shown zeros").isTrue();
        assertThat(progress.streaks()).isEmpty();
    }

    @Test
    void a_streak_counts_back_from_the_latest_due_forgiving_one_miss_but_not_two() {
        assertThat(ProgressService.streak(List.of(DONE, DONE, DONE, DUE))).as("today still open").isEqualTo(3);
        assertThat(ProgressService.streak(List.of(DONE, MISSED, DONE, PARTIAL))).as("one miss forgiven").isEqualTo(3);
        assertThat(ProgressService.streak(List.of(DONE, MISSED, MISSED, DONE))).as("two misses end it").isEqualTo(1);
        assertThat(ProgressService.streak(List.of(DONE, SKIPPED, DONE, UPCOMING))).as("skipped counts neither way").isEqualTo(2);
        assertThat(ProgressService.streak(List.of(DONE, DONE, MISSED))).as("the latest missed, the one before done").isEqualTo(2);
        assertThat(ProgressService.streak(List.<OccurrenceState>of())).isZero();
    }

    @Test
    void each_schedule_counts_in_its_own_rhythm() {
        LocalTime eight = LocalTime.of(20, 0);
        assertThat(ProgressService.rhythm(Schedule.once(today(zone), eight, zone))).isNull();
        assertThat(ProgressService.rhythm(new Schedule(Schedule.Kind.DAILY, today(zone), null, 5, eight, null, null, zone)))
                .isEqualTo(Progress.Streak.Rhythm.DAYS);
        assertThat(ProgressService.rhythm(new Schedule(Schedule.Kind.WEEKDAYS, today(zone), null, 5, eight,
                Set.of(DayOfWeek.FRIDAY), null, zone))).isEqualTo(Progress.Streak.Rhythm.WEEKS);
        assertThat(ProgressService.rhythm(new Schedule(Schedule.Kind.WEEKDAYS, today(zone), null, 5, eight,
                Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), null, zone))).isEqualTo(Progress.Streak.Rhythm.TIMES);
        assertThat(ProgressService.rhythm(new Schedule(Schedule.Kind.EVERY_N_DAYS, today(zone), null, 5, eight, null, 7, zone)))
                .isEqualTo(Progress.Streak.Rhythm.WEEKS);
        assertThat(ProgressService.rhythm(new Schedule(Schedule.Kind.EVERY_N_DAYS, today(zone), null, 5, eight, null, 3, zone)))
                .isEqualTo(Progress.Streak.Rhythm.TIMES);
    }
}
