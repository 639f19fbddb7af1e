package app.homeward;

import app.homeward.Statements.Counted;
import app.homeward.TestClinics.TestAccount;
import app.homeward.audit.AuditTrail;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.client.ui.BeforeSessionView;
import app.homeward.client.ui.ClientView;
import app.homeward.clinic.ui.ClinicSettingsView;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.HomeworkCard;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.portal.ui.DoHomeworkView;
import app.homeward.homework.portal.ui.TodayView;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.ui.ReviewQueueView;
import app.homeward.security.AccountService;
import app.homeward.security.RateLimits;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.staff.ui.StaffView;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.Draft;
import app.homeward.worksheet.Field;
import app.homeward.worksheet.FieldTypes;
import app.homeward.worksheet.LibraryQuery;
import app.homeward.worksheet.Sharing;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetLimits;
import app.homeward.worksheet.WorksheetService;
import app.homeward.worksheet.ui.WorksheetEditorView;
import app.homeward.worksheet.ui.WorksheetLibraryView;
import com.vaadin.flow.component.Component;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "Query budget": each main page runs the same SQL statements whether what it lists has 10
 * rows or 1,000, and at most {@value #MAX_STATEMENTS}. What is counted is the whole page: a fresh
 * browserless UI (new Vaadin session, so the layout is built too), signed in, {@code navigate(...)} to the
 * page, with Hibernate statistics switched on around the navigation only ({@link Statements}).
 * <p>
 * Two clinics are seeded once for the class, a SMALL one with 10 of everything and a LARGE one with
 * 1,000: a client with that many past occurrences, each with a reviewed entry (Today, the homework page,
 * the client page); that many other clients with one unreviewed entry each (the review queue, settings);
 * that many staff accounts (the team page); that many clinic worksheets (the library); and a draft
 * worksheet with 10 fields in the small clinic and {@link app.homeward.worksheet.WorksheetLimits#FIELDS}
 * (the most allowed) in the large one (the builder). One row of each kind is made through the real
 * services, and the rest are copies of it inserted in one batch ({@link Rows}), which keeps the class
 * fast. Each page is opened once before it is counted, so one-off warm-ups (caches of the clinic, of
 * the built-in library) are not counted: the budget is that of every later page view.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewQueryBudgetTest extends ViewTest {

    static final int MAX_STATEMENTS = 10;
    static final int SMALL = 10;
    static final int LARGE = 1_000;
    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired ClientService clientService;
    @Autowired HomeworkPlans homework;
    @Autowired ReviewService reviews;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired WorksheetService worksheets;
    @Autowired RateLimits limits;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditTrail trail;

    World small;
    World large;

    /**
     * One clinic: its therapist (who has every client), an admin, the busy client (signed in as itself
     * through {@code client}), an occurrence of theirs still to do, and a draft worksheet for the builder.
     */
    record World(ClinicBranding clinic, TestAccount therapist, TestAccount admin, UUID busyClient,
                 TestAccount client, UUID openOccurrence, UUID draftWorksheet) {
    }

    @BeforeAll
    void aSmallAndALargeClinic() {
        small = seed(SMALL, SMALL);
        large = seed(LARGE, WorksheetLimits.FIELDS);
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    void statisticsOff() {
        Statements.off(entityManagerFactory);
    }

    @Test
    void the_client_today_page_runs_the_same_few_statements_for_10_and_1000_past_occurrences() {
        assertSameFewStatements("Today", w -> w.client(), w -> "my", TodayView.class);
    }

    @Test
    void the_homework_page_runs_the_same_few_statements_for_10_and_1000_past_occurrences_of_its_plan() {
        assertSameFewStatements("homework page", w -> w.client(), w -> "my/homework/" + w.openOccurrence(),
                DoHomeworkView.class);
    }

    @Test
    void the_review_queue_runs_the_same_few_statements_for_10_and_1000_unreviewed_entries() {
        assertSameFewStatements("review queue (therapist)", w -> w.therapist(), w -> "app/review", ReviewQueueView.class);
        assertSameFewStatements("review queue (admin)", w -> w.admin(), w -> "app/review", ReviewQueueView.class);
    }

    @Test
    void the_library_runs_the_same_few_statements_for_10_and_1000_worksheets() {
        assertSameFewStatements("library", w -> w.therapist(), w -> "app/worksheets", WorksheetLibraryView.class);
    }

    @Test
    void the_builder_runs_the_same_few_statements_for_10_and_100_fields_in_a_library_of_10_and_1000() {
        assertSameFewStatements("builder", w -> w.therapist(), w -> "app/worksheets/" + w.draftWorksheet() + "/edit",
                WorksheetEditorView.class);
    }

    /**
     * The client page is one read-only service call ({@code ClientPages}, decision 0038) and since decision 0049
     * its homework parts (plan, entries, change requests, alerts, adherence, measures) come from one read of the
     * client's file: plans, occurrences with their sent entries, change requests and alerts, each table once
     * (it was 22 statements, each feature reading the same tables again). With the client, the clinic (which the
     * layout's branding takes from the page instead of reading it again: {@code ClinicBrand.shown}), the homework
     * rules, the goals and the layout's session check: 9. An admin's page also reads the staff (to reassign the
     * client): 10. Who opened the record is read when the admin asks ({@code RecordAccessPanel}), not with the page.
     */
    static final int CLIENT_PAGE_THERAPIST = MAX_STATEMENTS - 1;
    static final int CLIENT_PAGE_ADMIN = MAX_STATEMENTS;

    /**
     * The settings page shows every feature's settings, each in its feature's own table (decision 0041): eight of
     * them, the clinic (which the layout takes from the page) and the session check, and none per client or staff
     * member.
     */
    static final int SETTINGS_PAGE = MAX_STATEMENTS;

    @Test
    void the_client_page_runs_the_same_statements_for_10_and_1000_occurrences_and_entries() {
        assertSameFewStatements("client page (therapist)", CLIENT_PAGE_THERAPIST, w -> w.therapist(),
                w -> "app/clients/" + w.busyClient(), ClientView.class);
        assertSameFewStatements("client page (admin)", CLIENT_PAGE_ADMIN, w -> w.admin(),
                w -> "app/clients/" + w.busyClient(), ClientView.class);
    }

    /**
     * The before-session page is read in one call ({@code ClientPages.beforeSession}) from the client's file, as
     * the client page is (decision 0049): what happened since the chosen day, adherence over eight weeks and the
     * measures are picked from the same rows (it was 19 statements, each part reading its own window).
     */
    static final int BEFORE_SESSION_PAGE = MAX_STATEMENTS;

    @Test
    void the_before_session_page_runs_the_same_statements_for_10_and_1000_occurrences_and_entries() {
        assertSameFewStatements("before-session page", BEFORE_SESSION_PAGE, w -> w.therapist(),
                w -> "app/clients/" + w.busyClient() + "/before-session", BeforeSessionView.class);
    }

    @Test
    void the_settings_page_runs_the_same_few_statements_for_10_and_1000_clients_and_staff() {
        assertSameFewStatements("settings", SETTINGS_PAGE, w -> w.admin(), w -> "app/settings",
                ClinicSettingsView.class);
    }

    @Test
    void the_team_page_runs_the_same_few_statements_for_10_and_1000_staff_accounts() {
        assertSameFewStatements("team page", w -> w.admin(), w -> "app/staff", StaffView.class);
    }

    /** The counts above compare something: the large clinic really has 1,000 of what each page lists. */
    @Test
    void the_large_clinic_lists_1000_of_each_thing_and_the_small_one_10() {
        for (World w : List.of(small, large)) {
            int rows = w == small ? SMALL : LARGE;
            w.therapist().signIn();
            assertThat(reviews.reviewQueue()).as("unreviewed entries").hasSize(rows + 1);
            assertThat(worksheets.library(LibraryQuery.ALL))
                    .filteredOn(e -> e.title().startsWith("Worksheet ")).as("clinic worksheets").hasSize(rows);
            w.admin().signIn();
            assertThat(accounts.staff()).as("staff accounts").hasSizeGreaterThanOrEqualTo(rows + 2);
            assertThat(jdbc.queryForObject("select count(*) from entry where client_id = ? and clinic_id = ?", Integer.class,
                    w.busyClient().toString(), w.clinic().id().toString())).as("the busy client's entries").isEqualTo(rows + 1);
            SecurityContextHolder.clearContext();
        }
    }

    // ------------------------------------------------------------------ counting

    private void assertSameFewStatements(String page, Function<World, TestAccount> who,
                                         Function<World, String> location,
                                         Class<? extends Component> view) {
        assertSameFewStatements(page, MAX_STATEMENTS, who, location, view);
    }

    private void assertSameFewStatements(String page, int budget, Function<World, TestAccount> who,
                                         Function<World, String> location,
                                         Class<? extends Component> view) {
        open(who.apply(small), location.apply(small), view); // warm-up: caches, first use of the route
        open(who.apply(large), location.apply(large), view);
        // the warm-up's looks at records reach the trail, as the writer's timer would write them within a second:
        // an admin's client page then lists them, as it always has something to list in use
        trail.flush();
        Counted<Component> ten = counted(page + ", " + SMALL, who.apply(small), location.apply(small), view);
        Counted<Component> thousand = counted(page + ", " + LARGE, who.apply(large), location.apply(large), view);

        assertThat(ten.result()).isInstanceOf(view);
        assertThat(thousand.result()).isInstanceOf(view);
        assertThat(thousand.statements()).as(page + ": " + LARGE + " rows vs " + SMALL + "\n" + SMALL + ": " + ten.queries()
                + "\n" + LARGE + ": " + thousand.queries()).isEqualTo(ten.statements());
        assertThat(thousand.statements()).as(page + "\n" + thousand.queries()).isLessThanOrEqualTo(budget);
    }

    /** Opens the page in a fresh browserless UI (a new Vaadin session: the layout is built again, as on a page load). */
    private Component open(TestAccount as, String location, Class<? extends Component> view) {
        freshBrowser();
        as.signIn();
        return navigate(location, view);
    }

    /**
     * A new Vaadin session and UI, signed out while it opens its first (landing) page: otherwise the session
     * watch of the signed-in layout would be set up there, before the count, and not in the counted page.
     */
    private void freshBrowser() {
        SecurityContextHolder.clearContext();
        cleanVaadinEnvironment();
        initVaadinEnvironment();
        letSignInRenewTheSessionId();
    }

    private Counted<Component> counted(String label, TestAccount as, String location, Class<? extends Component> view) {
        freshBrowser();
        as.signIn();
        return Statements.count(entityManagerFactory, label, () -> navigate(location, view));
    }

    // ------------------------------------------------------------------ seeding

    private World seed(int rows, int fields) {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        limits.reset();

        // the busy client, through the services: a daily PHQ-9 from three days ago, the oldest one sent
        therapist.signIn();
        ClientProfile profile = clientService.add(new NewClient("Busy client", TestClinics.randomEmail(), ZONE.getId(),
                "en", null, false));
        UUID account = UUID.randomUUID();
        assertThat(jdbc.update("update client set account_id = ?, status = 'ACTIVE' where id = ? and clinic_id = ?",
                account.toString(), profile.id().toString(), clinic.id().toString())).isEqualTo(1);
        Schedule daily = new Schedule(Schedule.Kind.DAILY, today(ZONE).minusDays(3), null, 5, LocalTime.NOON, null, null, ZONE);
        homework.assign(profile.id(), "phq-9", new AssignmentPlan("Mood check-in", "Numbers instead of guesses.", "", "", "",
                daily, Set.of(), "", "", 8, false, false, 1, null));
        TestAccount client = new TestAccount(account, clinic, profile.email(), profile.displayName(), Role.CLIENT, "");
        TestUsers.signInAs(TestUsers.principal(account, clinic.id(), clinic.slug(), profile.email(),
                profile.displayName(), Role.CLIENT, 0));
        List<HomeworkCard> overdue = todayService.today().overdue();
        assertThat(overdue).hasSizeGreaterThanOrEqualTo(2);
        UUID sent = overdue.getFirst().occurrenceId();
        UUID open = overdue.getLast().occurrenceId();
        entryService.submit(sent, phq9("not-at-all"), null);
        SecurityContextHolder.clearContext();

        String clinicId = clinic.id().toString();
        UUID entry = UUID.fromString(jdbc.queryForObject("select id from entry where occurrence_id = ? and clinic_id = ?",
                String.class, sent.toString(), clinicId));
        UUID assignment = UUID.fromString(jdbc.queryForObject("select assignment_id from occurrence where id = ? and clinic_id = ?",
                String.class, sent.toString(), clinicId));
        Timestamp reviewed = Timestamp.from(clock.instant());

        // the busy client's history: past occurrences, each with an entry the therapist reviewed
        List<UUID> past = Rows.copy(jdbc, "occurrence", clinic.id(), sent, rows, (i, row) -> {
            row.put("due_at", Rows.daysEarlier(row.get("due_at"), 10L + i));
            row.put("local_date", Rows.dateDaysEarlier(row.get("local_date"), 10L + i));
        });
        Rows.copy(jdbc, "entry", clinic.id(), entry, rows, (i, row) -> {
            row.put("occurrence_id", past.get(i).toString());
            row.put("saved_at", Rows.daysEarlier(row.get("saved_at"), 10L + i));
            row.put("submitted_at", Rows.daysEarlier(row.get("submitted_at"), 10L + i));
            row.put("reviewed_at", reviewed);
            row.put("reviewed_by", therapist.id().toString());
        });

        // other clients, each with one plan, one occurrence and one unreviewed entry
        List<UUID> others = Rows.copy(jdbc, "client", clinic.id(), profile.id(), rows, (i, row) -> {
            row.put("display_name", "Client %04d".formatted(i));
            row.put("email", "client-%04d-".formatted(i) + TestClinics.randomEmail());
            row.put("account_id", UUID.randomUUID().toString());
        });
        List<UUID> plans = Rows.copy(jdbc, "assignment", clinic.id(), assignment, rows,
                (i, row) -> row.put("client_id", others.get(i).toString()));
        List<UUID> occurrences = Rows.copy(jdbc, "occurrence", clinic.id(), sent, rows, (i, row) -> {
            row.put("assignment_id", plans.get(i).toString());
            row.put("client_id", others.get(i).toString());
        });
        Rows.copy(jdbc, "entry", clinic.id(), entry, rows, (i, row) -> {
            row.put("occurrence_id", occurrences.get(i).toString());
            row.put("assignment_id", plans.get(i).toString());
            row.put("client_id", others.get(i).toString());
        });

        // the team
        Rows.copy(jdbc, "account", clinic.id(), therapist.id(), rows, (i, row) -> {
            row.put("display_name", "Staff %04d".formatted(i));
            row.put("email", "staff-%04d-".formatted(i) + TestClinics.randomEmail());
        });

        // the library: clinic worksheets, published and shared
        therapist.signIn();
        UUID worksheet = worksheets.create("Worksheet");
        Draft draft = worksheets.openDraft(worksheet);
        WorksheetDocument document = draft.document();
        worksheets.publish(worksheet, draft.lock(), new WorksheetDocument("Worksheet", "For the library.", "Why it helps.",
                document.category(), List.of("tag"), 10, 1, "en", fields(3), null), Sharing.CLINIC);
        List<UUID> templates = Rows.copy(jdbc, "worksheet_template", clinic.id(), worksheet, rows, (i, row) -> {
            row.put("title", "Worksheet %04d".formatted(i));
            row.put("search_text", "worksheet %04d".formatted(i));
        });
        List<Map<String, Object>> versions = jdbc.queryForList("select id from worksheet_version where template_id = ? and clinic_id = ?",
                worksheet.toString(), clinicId);
        for (Map<String, Object> version : versions) {
            Rows.copy(jdbc, "worksheet_version", clinic.id(), UUID.fromString((String) version.get("id")), rows,
                    (i, row) -> row.put("template_id", templates.get(i).toString()));
        }

        // the builder's worksheet: a draft with 10 fields, or as many as a worksheet may have
        UUID building = worksheets.create("Being built");
        Draft blank = worksheets.openDraft(building);
        worksheets.saveDraft(building, blank.lock(), blank.document().withFields(fields(fields)));
        SecurityContextHolder.clearContext();

        return new World(clinic, therapist, admin, profile.id(), client, open, building);
    }

    private static List<Field> fields(int count) {
        List<Field> fields = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> fields.add(new FieldTypes.ShortText("f" + i, "Question " + i, "", false, null)));
        return fields;
    }

    private static Map<String, Object> phq9(String item9) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            answers.put("item" + i, "not-at-all");
        }
        answers.put("item9", item9);
        return answers;
    }
}
