package app.homeward.homework.practice;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.practice.PracticeReport.Share;
import app.homeward.homework.review.ReviewService;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.WorksheetService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "My homework practice" counts a therapist's own plans and reviews month by month, in the clinic's time zone; an
 * admin sees the clinic's totals; nobody sees another therapist's figures or another clinic's.
 */
class PracticeServiceTest extends IntegrationTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** Mid-October and mid-November in Madrid (the test clinics' zone), whatever hour the suite runs at. */
    static final Instant OCTOBER = Instant.parse("2026-10-20T10:00:00Z");
    static final Instant NOVEMBER = Instant.parse("2026-11-18T10:00:00Z");

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired ReviewService reviews;
    @Autowired PracticeService practice;
    @Autowired WorksheetService worksheets;

    ClinicBranding clinic;
    TestAccount therapist;
    TestAccount colleague;
    TestAccount admin;
    UUID clientId;
    HomewardUser client;
    String suggested;

    @BeforeEach
    void aClinicWithTwoTherapists() {
        clock.moveTo(NOVEMBER);
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        colleague = testClinics.account(clinic, Role.THERAPIST);
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        therapist.signIn();
        ClientProfile profile = clients.add(new NewClient("Ana Ruiz", TestClinics.randomEmail(), MADRID.getId(), "en", null, false));
        clientId = profile.id();
        client = testClinics.joined(clinic, profile);
        therapist.signIn();
        suggested = worksheets.latestPublished("mood-log").document().rationale();
    }

    private AssignmentPlan plan(String title, String rationale, Set<Obstacle> obstacles, String backup, int confidence,
                                boolean prompted, boolean changed) {
        return new AssignmentPlan(title, rationale, null, null, null,
                Schedule.once(today(MADRID), LocalTime.of(23, 45), MADRID), obstacles, null, backup, confidence,
                prompted, changed, 1, null);
    }

    private UUID assign(String title, String rationale, Set<Obstacle> obstacles, String backup, int confidence,
                        boolean prompted, boolean changed) {
        return homework.assign(clientId, "mood-log", plan(title, rationale, obstacles, backup, confidence, prompted, changed));
    }

    /** The client sends today's entry of the plan; returns the entry's id. */
    private UUID clientSends(UUID assignment) {
        TestUsers.signInAs(client);
        UUID occurrence = todayService.today().dueNow().stream().filter(c -> c.assignmentId().equals(assignment))
                .findFirst().orElseThrow().occurrenceId();
        entryService.submit(occurrence, Map.of("date", today(MADRID).toString(), "mood", 6), null);
        therapist.signIn();
        return reviews.entriesOf(clientId).stream().filter(e -> e.submittedAt() != null).findFirst().orElseThrow().entryId();
    }

    private static PracticeReport.Month month(PracticeReport report, String month) {
        return report.months().stream().filter(m -> m.month().equals(YearMonth.parse(month))).findFirst().orElseThrow();
    }

    @Test
    void a_therapists_own_plans_and_reviews_are_counted_in_the_month_they_happened() {
        clock.moveTo(OCTOBER);
        assign("Evening walk", "Walking after work is when your mood lifts.", Set.of(), "", 8, false, false);
        clock.moveTo(NOVEMBER);
        UUID moodLog = assign("Mood log", suggested, Set.of(Obstacle.FORGETTING), "An alarm at 21:00", 8, false, false);
        assign("Breathing", "Two minutes when the worry starts.", Set.of(), "", 4, true, true);
        colleague.signIn();
        ClientProfile theirs = clients.add(new NewClient("Leo Gil", TestClinics.randomEmail(), MADRID.getId(), "en", null, false));
        homework.assign(theirs.id(), "mood-log", plan("Not mine", "Their own words.", Set.of(Obstacle.NO_TIME), "Later", 9, false, false));
        therapist.signIn();
        UUID entry = clientSends(moodLog);
        reviews.review(entry, "Thank you for doing this on a busy day.", Map.of());

        PracticeReport mine = practice.mine();

        assertThat(mine.clinicWide()).isFalse();
        assertThat(mine.months()).extracting(PracticeReport.Month::month)
                .as("six calendar months, the current one last").hasSize(6)
                .startsWith(YearMonth.of(2026, 6)).endsWith(YearMonth.of(2026, 11));
        PracticeReport.Month november = month(mine, "2026-11");
        assertThat(november.share(PracticeMeasure.OWN_WORDS)).as("the mood log kept the suggested reason").isEqualTo(new Share(1, 2));
        assertThat(november.share(PracticeMeasure.OBSTACLES_AND_BACKUP)).isEqualTo(new Share(1, 2));
        assertThat(november.share(PracticeMeasure.CONFIDENCE_CHECKED)).isEqualTo(new Share(2, 2));
        assertThat(november.share(PracticeMeasure.LOW_CONFIDENCE_ACTED_ON)).isEqualTo(new Share(1, 1));
        assertThat(november.share(PracticeMeasure.REVIEWED_IN_TIME)).isEqualTo(new Share(1, 1));
        assertThat(november.share(PracticeMeasure.FEEDBACK_GIVEN)).isEqualTo(new Share(1, 1));
        PracticeReport.Month october = month(mine, "2026-10");
        assertThat(october.share(PracticeMeasure.OWN_WORDS)).isEqualTo(new Share(1, 1));
        assertThat(october.share(PracticeMeasure.OBSTACLES_AND_BACKUP)).isEqualTo(new Share(0, 1));
        assertThat(october.share(PracticeMeasure.LOW_CONFIDENCE_ACTED_ON).percent()).as("nothing to count").isNull();
        assertThat(mine.total(PracticeMeasure.OWN_WORDS)).isEqualTo(new Share(2, 3));
        assertThat(mine.total(PracticeMeasure.OWN_WORDS).percent()).isEqualTo(67);

        admin.signIn();
        PracticeReport clinicWide = practice.clinic();
        assertThat(clinicWide.clinicWide()).isTrue();
        assertThat(month(clinicWide, "2026-11").share(PracticeMeasure.OBSTACLES_AND_BACKUP))
                .as("both therapists' plans together").isEqualTo(new Share(2, 3));
        assertThat(practice.mine().empty()).as("the admin assigned nothing themselves").isTrue();
    }

    @Test
    void an_entry_waiting_less_than_a_week_is_not_late_yet_and_one_reviewed_after_a_week_is() {
        UUID moodLog = assign("Mood log", suggested, Set.of(), "", 8, false, false);
        UUID entry = clientSends(moodLog);

        assertThat(month(practice.mine(), "2026-11").share(PracticeMeasure.REVIEWED_IN_TIME))
                .as("sent today: not counted yet").isEqualTo(Share.NONE);

        clock.moveBy(Duration.ofDays(8));
        assertThat(month(practice.mine(), "2026-11").share(PracticeMeasure.REVIEWED_IN_TIME)).isEqualTo(new Share(0, 1));

        reviews.review(entry, "", Map.of());
        PracticeReport.Month november = month(practice.mine(), "2026-11");
        assertThat(november.share(PracticeMeasure.REVIEWED_IN_TIME)).as("reviewed, but after the week").isEqualTo(new Share(0, 1));
        assertThat(november.share(PracticeMeasure.FEEDBACK_GIVEN)).isEqualTo(new Share(0, 1));
    }

    @Test
    void a_suggested_reason_rewritten_when_the_plan_changes_becomes_the_therapists_own() {
        UUID moodLog = assign("Mood log", suggested, Set.of(), "", 8, false, false);
        assertThat(month(practice.mine(), "2026-11").share(PracticeMeasure.OWN_WORDS)).isEqualTo(new Share(0, 1));

        homework.replan(moodLog, plan("Mood log", "So we can see together what lifts your evenings.", Set.of(), "", 8,
                false, false));

        assertThat(month(practice.mine(), "2026-11").share(PracticeMeasure.OWN_WORDS)).isEqualTo(new Share(1, 1));
    }

    @Test
    void clinic_totals_are_for_admins_and_practice_is_for_staff_only() {
        assertThatThrownBy(() -> practice.clinic()).as("a therapist").isInstanceOf(AccessDeniedException.class);
        TestUsers.signInAs(client);
        assertThatThrownBy(() -> practice.mine()).as("a client").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> practice.clinic()).as("a client").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void another_clinics_plans_never_count() {
        UUID moodLog = assign("Mood log", "Our own reason.", Set.of(Obstacle.NO_TIME), "Morning instead", 8, false, false);
        reviews.review(clientSends(moodLog), "Well done.", Map.of());

        ClinicBranding other = testClinics.clinic();
        testClinics.account(other, Role.CLINIC_ADMIN).signIn();
        assertThat(practice.clinic().empty()).isTrue();
        testClinics.account(other, Role.THERAPIST).signIn();
        assertThat(practice.mine().empty()).isTrue();
    }
}
