package app.homeward.homework.adherence;

import app.homeward.IntegrationTest;
import app.homeward.Statements.Counted;
import app.homeward.Statements;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.ChangeReason;
import app.homeward.homework.HomeworkLoopTest;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Reflection;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.HomeworkCard;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.BeforeSession;
import app.homeward.homework.review.ReviewItem;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.security.RateLimits;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff lists run a fixed, small number of SQL statements whatever the caseload's size: the
 * same count for 10 clients as for 500, and at most {@value #MAX_STATEMENTS}. Each client has a plan
 * with occurrences in the last four weeks, an unreviewed PHQ-9 entry and an open safety alert, so a
 * per-client query anywhere would show.
 * <p>
 * {@code hibernate.generate_statistics} is not set in application.properties, and setting it would
 * start a second Spring context; statistics are switched on at runtime around each measured call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadQueryCountTest extends IntegrationTest {

    static final int MAX_STATEMENTS = 10;
    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired ClientService clientService;
    @Autowired HomeworkPlans homework;
    @Autowired SafetyAlerts safetyAlerts;
    @Autowired ReviewService reviews;
    @Autowired CaseloadOverview caseloads;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired RateLimits limits;
    @Autowired JdbcTemplate jdbc;

    Caseload small;
    Caseload large;

    /** One clinic's caseload: its therapist (who has all the clients) and an admin. */
    record Caseload(ClinicBranding clinic, TestAccount therapist, TestAccount admin, List<UUID> clients) {
    }

    @BeforeAll
    void twoCaseloadsOf10And500Clients() {
        small = seed(10);
        large = seed(500);
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    void statisticsOff() {
        Statements.off(entityManagerFactory);
    }

    @Test
    void the_caseload_runs_the_same_few_statements_for_10_and_500_clients() {
        for (boolean asAdmin : List.of(false, true)) {
            Counted<List<CaseloadRow>> ten = counted(signIn(small, asAdmin), () -> caseloads.caseload(null, false, false, 0, 500));
            Counted<List<CaseloadRow>> fiveHundred = counted(signIn(large, asAdmin), () -> caseloads.caseload(null, false, false, 0, 500));

            assertThat(ten.result()).hasSize(10);
            assertThat(fiveHundred.result()).hasSize(500).allSatisfy(row -> {
                assertThat(row.lastFourWeeks().counted()).as("occurrences settled in the last 4 weeks").isPositive();
                assertThat(row.lastFourWeeks().done() + row.lastFourWeeks().partial()).isEqualTo(1);
                assertThat(row.unreviewed()).isEqualTo(1);
                assertThat(row.openAlerts()).isEqualTo(1);
                assertThat(row.therapistName()).isEqualTo(large.therapist().displayName());
            });
            assertThat(fiveHundred.statements()).as((asAdmin ? "admin" : "therapist") + ": 500 clients vs 10\n" + fiveHundred.queries())
                    .isEqualTo(ten.statements());
            assertThat(fiveHundred.statements()).as(fiveHundred.queries()).isLessThanOrEqualTo(MAX_STATEMENTS);
        }
    }

    @Test
    void a_page_of_the_caseload_with_a_search_runs_as_few_statements_as_the_whole_list() {
        Counted<List<CaseloadRow>> page = counted(signIn(large, false), () -> caseloads.caseload("client", false, false, 50, 50));
        Counted<List<CaseloadRow>> all = counted(signIn(large, false), () -> caseloads.caseload(null, false, false, 0, 500));

        assertThat(page.result()).hasSize(50);
        assertThat(page.result().getFirst().client().displayName()).isEqualTo("Client 050");
        assertThat(page.statements()).as(page.queries()).isEqualTo(all.statements()).isLessThanOrEqualTo(MAX_STATEMENTS);
    }

    @Test
    void a_caseload_page_starts_exactly_at_the_requested_offset() {
        large.therapist().signIn();

        List<String> names = caseloads.caseload(null, false, false, 30, 50).stream()
                .map(r -> r.client().displayName()).toList();

        assertThat(names).hasSize(50);
        assertThat(names.getFirst()).as("Vaadin's grid asks for offsets that are not multiples of the limit")
                .isEqualTo("Client 030");
        assertThat(names.getLast()).isEqualTo("Client 079");
    }

    @Test
    void the_review_queue_runs_the_same_few_statements_for_10_and_500_clients() {
        for (boolean asAdmin : List.of(false, true)) {
            Counted<List<ReviewItem>> ten = counted(signIn(small, asAdmin), () -> reviews.reviewQueue());
            Counted<List<ReviewItem>> fiveHundred = counted(signIn(large, asAdmin), () -> reviews.reviewQueue());

            assertThat(ten.result()).hasSize(10);
            assertThat(fiveHundred.result()).hasSize(500);
            assertThat(fiveHundred.statements()).as((asAdmin ? "admin" : "therapist") + ": 500 clients vs 10\n" + fiveHundred.queries())
                    .isEqualTo(ten.statements());
            assertThat(fiveHundred.statements()).as(fiveHundred.queries()).isLessThanOrEqualTo(MAX_STATEMENTS);
        }
    }

    @Test
    void a_therapist_with_no_clients_in_a_large_clinic_loads_nothing_of_other_therapists_clients() {
        TestAccount newcomer = testClinics.account(large.clinic(), Role.THERAPIST);

        Counted<List<ReviewItem>> queue = counted(signIn(newcomer), () -> reviews.reviewQueue());
        Counted<List<AlertSummary>> alerts = counted(signIn(newcomer), () -> safetyAlerts.openAlerts());
        Counted<List<CaseloadRow>> caseload = counted(signIn(newcomer), () -> caseloads.caseload(null, false, false, 0, 500));

        assertThat(queue.result()).isEmpty();
        assertThat(alerts.result()).isEmpty();
        assertThat(caseload.result()).isEmpty();
        assertThat(caseload.loadedEntities()).as(caseload.queries()).isZero();
        assertThat(queue.loadedEntities()).as("review queue: " + queue.queries()).isLessThanOrEqualTo(MAX_STATEMENTS);
        assertThat(alerts.loadedEntities()).as("open alerts: " + alerts.queries()).isLessThanOrEqualTo(MAX_STATEMENTS);
    }

    @Test
    void the_open_alerts_list_runs_the_same_few_statements_for_10_and_500_clients() {
        Counted<List<AlertSummary>> ten = counted(signIn(small, false), () -> safetyAlerts.openAlerts());
        Counted<List<AlertSummary>> fiveHundred = counted(signIn(large, false), () -> safetyAlerts.openAlerts());

        assertThat(ten.result()).hasSize(10);
        assertThat(fiveHundred.result()).hasSize(500);
        assertThat(fiveHundred.statements()).as(fiveHundred.queries()).isEqualTo(ten.statements())
                .isLessThanOrEqualTo(MAX_STATEMENTS);
    }

    @Test
    void the_before_session_view_runs_the_same_few_statements_in_a_small_and_a_large_caseload() {
        Instant since = clock.instant().minus(Duration.ofDays(28));
        for (boolean asAdmin : List.of(false, true)) {
            Counted<BeforeSession> inSmall = counted(signIn(small, asAdmin), () -> reviews.beforeSession(small.clients().getFirst(), since));
            Counted<BeforeSession> inLarge = counted(signIn(large, asAdmin), () -> reviews.beforeSession(large.clients().getLast(), since));

            assertThat(inLarge.result().assignments()).singleElement()
                    .satisfies(outcome -> assertThat(outcome.done()).isEqualTo(1));
            assertThat(inLarge.result().alerts()).hasSize(1);
            assertThat(inLarge.statements()).as((asAdmin ? "admin" : "therapist") + ": 500 clients vs 10\n" + inLarge.queries())
                    .isEqualTo(inSmall.statements());
            assertThat(inLarge.statements()).as(inLarge.queries()).isLessThanOrEqualTo(MAX_STATEMENTS);
        }
    }

    /**
     * A client with three plans, two months of daily occurrences, a dozen entries with reflections,
     * change requests and alerts costs the same statements as a client with one plan and one entry.
     */
    @Test
    void the_before_session_view_runs_the_same_few_statements_for_a_busy_client_as_for_a_quiet_one() {
        Caseload busy = seed(1);
        UUID client = busy.clients().getFirst();
        ClientProfile profile = clientServiceAs(busy.therapist(), client);
        LocalDate today = today(ZONE);
        busy.therapist().signIn();
        List<UUID> plans = new ArrayList<>();
        for (String worksheet : List.of("mood-log", "worry-log")) {
            Schedule daily = new Schedule(Schedule.Kind.DAILY, today.minusDays(40), null, 60, LocalTime.of(0, 30), null, null, ZONE);
            plans.add(homework.assign(client, worksheet, new AssignmentPlan("Daily " + worksheet, "Seeing the pattern.", "", "", "",
                    daily, Set.of(Obstacle.FORGETTING), "", "", 8, false, false, 1, null)));
        }
        String account = jdbc.queryForObject("select account_id from client where id = ? and clinic_id = ?", String.class,
                client.toString(), busy.clinic().id().toString());
        TestUsers.signInAs(TestUsers.principal(UUID.fromString(account), busy.clinic().id(), busy.clinic().slug(),
                profile.email(), profile.displayName(), Role.CLIENT, 0));
        List<HomeworkCard> overdue = todayService.today().overdue();
        int submitted = 0;
        for (HomeworkCard card : overdue) {
            if (card.title().equals("Daily mood-log") && submitted < 12) {
                entryService.submit(card.occurrenceId(), Map.of("date", card.due().toLocalDate().toString(), "mood", 5), null);
                entryService.reflect(card.occurrenceId(), new Reflection(submitted % 2 == 0 ? 100 : 50, 5, 6,
                        Set.of(Obstacle.NO_TIME, Obstacle.LOW_MOOD), "Reflection " + submitted));
                submitted++;
            }
        }
        for (UUID plan : plans) {
            entryService.requestChange(plan, ChangeReason.TOO_HARD, "Too much");
            entryService.requestChange(plan, ChangeReason.NOT_NOW, "Busy week");
        }
        SecurityContextHolder.clearContext();
        Instant since = clock.instant().minus(Duration.ofDays(28));

        Counted<BeforeSession> quiet = counted(signIn(small, false), () -> reviews.beforeSession(small.clients().getFirst(), since));
        Counted<BeforeSession> full = counted(signIn(busy, false), () -> reviews.beforeSession(client, since));

        assertThat(submitted).isEqualTo(12);
        assertThat(full.result().assignments()).hasSize(3);
        assertThat(full.result().reflections()).hasSize(12);
        assertThat(full.result().changeRequests()).hasSize(4);
        assertThat(full.result().assignments()).filteredOn(o -> o.title().startsWith("Daily"))
                .allSatisfy(o -> assertThat(o.done() + o.partial() + o.missed() + o.open()).isGreaterThanOrEqualTo(27));
        assertThat(full.statements()).as("busy client vs quiet client\n" + full.queries()).isEqualTo(quiet.statements());
        assertThat(full.statements()).as(full.queries()).isLessThanOrEqualTo(MAX_STATEMENTS);
    }

    private ClientProfile clientServiceAs(TestAccount therapist, UUID client) {
        therapist.signIn();
        ClientProfile profile = clientService.profile(client);
        SecurityContextHolder.clearContext();
        return profile;
    }

    // ------------------------------------------------------------------ seeding

    /**
     * Clients through the real services: added (the invitation limit is reset every 40, as other tests
     * do), linked to an account id as accepting the invitation would, each given a daily PHQ-9 that
     * started three days ago, with the first one submitted (an unreviewed entry and an open alert).
     */
    private Caseload seed(int size) {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        List<UUID> ids = new ArrayList<>();
        List<UUID> accounts = new ArrayList<>();
        List<ClientProfile> profiles = new ArrayList<>();
        LocalDate today = today(ZONE);
        Schedule daily = new Schedule(Schedule.Kind.DAILY, today.minusDays(3), null, 5, LocalTime.NOON, null, null, ZONE);
        AssignmentPlan plan = new AssignmentPlan("Mood check-in", "Numbers instead of guesses.", "", "", "", daily,
                Set.of(), "", "", 8, false, false, 1, null);
        therapist.signIn();
        for (int i = 0; i < size; i++) {
            if (i % 40 == 0) {
                limits.reset();
            }
            ClientProfile client = clientService.add(new NewClient("Client %03d".formatted(i), TestClinics.randomEmail(),
                    ZONE.getId(), "en", null, false));
            UUID account = UUID.randomUUID();
            int linked = jdbc.update("update client set account_id = ?, status = 'ACTIVE' where id = ? and clinic_id = ?",
                    account.toString(), client.id().toString(), clinic.id().toString());
            assertThat(linked).isEqualTo(1);
            homework.assign(client.id(), "phq-9", plan);
            ids.add(client.id());
            accounts.add(account);
            profiles.add(client);
        }
        limits.reset();
        for (int i = 0; i < size; i++) {
            ClientProfile client = profiles.get(i);
            TestUsers.signInAs(TestUsers.principal(accounts.get(i), clinic.id(), clinic.slug(), client.email(),
                    client.displayName(), Role.CLIENT, 0));
            UUID first = todayService.today().overdue().getFirst().occurrenceId();
            assertThat(entryService.submit(first, HomeworkLoopTest.phq9("several-days"), null).alerted()).isTrue();
        }
        SecurityContextHolder.clearContext();
        return new Caseload(clinic, therapist, admin, List.copyOf(ids));
    }

    // ------------------------------------------------------------------ counting


    private static TestAccount signIn(TestAccount who) {
        who.signIn();
        return who;
    }

    private static TestAccount signIn(Caseload caseload, boolean asAdmin) {
        TestAccount who = asAdmin ? caseload.admin() : caseload.therapist();
        who.signIn();
        return who;
    }

    private <T> Counted<T> counted(TestAccount signedIn, Supplier<T> work) {
        return Statements.count(entityManagerFactory, signedIn.role().name(), work);
    }
}
