package app.homeward.proof;

import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.audit.AuditTrail;
import app.homeward.audit.ui.AuditView;
import app.homeward.client.ui.BeforeSessionView;
import app.homeward.client.ui.CaseloadView;
import app.homeward.client.ui.ClientView;
import app.homeward.clinic.ui.ClinicPageView;
import app.homeward.clinic.ui.ClinicSettingsView;
import app.homeward.clinic.ui.SignupView;
import app.homeward.clinic.ui.VerifyClinicView;
import app.homeward.homework.adherence.ui.AdherenceView;
import app.homeward.homework.practice.ui.PracticeView;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.ui.DoHomeworkView;
import app.homeward.homework.portal.ui.ProgressView;
import app.homeward.homework.portal.ui.TodayView;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.ui.AlertsView;
import app.homeward.homework.review.ui.EntryReviewView;
import app.homeward.homework.review.ui.ReviewQueueView;
import app.homeward.mail.ui.DevMailboxView;
import app.homeward.platform.ui.OperatorSignInView;
import app.homeward.platform.ui.PlatformView;
import app.homeward.portal.ui.LandingView;
import app.homeward.portal.ui.MissingObjectView;
import app.homeward.portal.ui.NotFoundView;
import app.homeward.portal.ui.StaffHomeView;
import app.homeward.privacy.ui.ClientDataView;
import app.homeward.privacy.ui.ClientRecordView;
import app.homeward.privacy.ui.DataRightsView;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.reminder.ReminderFixture;
import app.homeward.reminder.ui.ClientRemindersView;
import app.homeward.reminder.ui.DevClockView;
import app.homeward.reminder.ui.ReminderSettingsView;
import app.homeward.reminder.ui.UnsubscribeView;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.security.ui.AcceptInvitationView;
import app.homeward.security.ui.ClientAccountView;
import app.homeward.security.ui.ClinicFinderView;
import app.homeward.security.ui.ConfirmEmailView;
import app.homeward.security.ui.ForgotPasswordView;
import app.homeward.security.ui.OperatorSecondFactorView;
import app.homeward.security.ui.ResetPasswordView;
import app.homeward.security.ui.SecondFactorView;
import app.homeward.security.ui.StaffAccountView;
import app.homeward.staff.ui.StaffView;
import app.homeward.worksheet.WorksheetService;
import app.homeward.worksheet.ui.WorksheetEditorView;
import app.homeward.worksheet.ui.WorksheetLibraryView;
import app.homeward.worksheet.ui.WorksheetView;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the application, found by reflection, opened by each kind of person with another person's
 * objects in the URL: the client who owns them, another client of the same clinic, the client's therapist,
 * another therapist of the clinic, the clinic's admin, the platform operator, and nobody signed in. Then the
 * same routes opened by clinic B's people with clinic A's ids: not found, and nothing of clinic A changed.
 * <p>
 * A new route that is not in {@link #EXPECTED} fails {@link #every_route_is_in_the_expectation_table}: nobody
 * can add a view without deciding who may open it.
 */
class RouteMatrixTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    /** Who opens the route. The objects in the URLs are the CLIENT's and their THERAPIST's. */
    enum Actor { ANONYMOUS, CLIENT, OTHER_CLIENT, THERAPIST, OTHER_THERAPIST, ADMIN, OPERATOR }

    /**
     * What they see, one letter per actor in {@link Actor} order:
     * A the route's own page; S the sign-in page (nobody is signed in); N the not-found page, because the route
     * is not for this role (a forbidden route looks like an unknown address); M the not-found page, because the
     * object in the URL is not theirs to see (another client's, another therapist's, a private worksheet).
     */
    record Row(String path, String outcomes) {
    }

    static final Map<Class<?>, Row> EXPECTED = new LinkedHashMap<>();

    static {
        //                                                                         anon cli oth thr oth adm op
        expect(LandingView.class, "", "A A A A A A A");
        expect(ClinicFinderView.class, "login", "A A A A A A A");
        expect(SignupView.class, "signup", "A A A A A A A");
        expect(ClinicPageView.class, "c/{slug}", "A A A A A A A");
        expect(ForgotPasswordView.class, "c/{slug}/forgot", "A A A A A A A");
        // the second step of a sign-in in progress: without one it explains itself and offers to start over
        expect(SecondFactorView.class, "c/{slug}/second-factor", "A A A A A A A");
        // links with a token: an unknown token gets the page's own "this link does not work" message
        expect(VerifyClinicView.class, "c/{slug}/verify/{token}", "A A A A A A A");
        expect(AcceptInvitationView.class, "c/{slug}/invite/{token}", "A A A A A A A");
        expect(ResetPasswordView.class, "c/{slug}/reset/{token}", "A A A A A A A");
        expect(ConfirmEmailView.class, "c/{slug}/confirm-email/{token}", "A A A A A A A");
        expect(UnsubscribeView.class, "unsubscribe/{clinic}/{token}", "A A A A A A A");
        expect(OperatorSignInView.class, "platform/sign-in", "A A A A A A A");
        expect(OperatorSecondFactorView.class, "platform/second-factor", "A A A A A A A");
        // development tools answer only on a development machine, to nobody here
        expect(DevClockView.class, "dev/clock", "N N N N N N N");
        expect(DevMailboxView.class, "dev/mailbox", "N N N N N N N");

        expect(PlatformView.class, "platform", "S N N N N N A");

        expect(TodayView.class, "my", "S A A N N N N");
        expect(ProgressView.class, "my/progress", "S A A N N N N");
        expect(ReminderSettingsView.class, "my/reminders", "S A A N N N N");
        expect(ClientAccountView.class, "my/account", "S A A N N N N");
        expect(ClientDataView.class, "my/data", "S A A N N N N");
        expect(DoHomeworkView.class, "my/homework/{occurrence}", "S A M N N N N");

        expect(StaffHomeView.class, "app", "S N N A A A N");
        expect(CaseloadView.class, "app/clients", "S N N A A A N");
        expect(ReviewQueueView.class, "app/review", "S N N A A A N");
        expect(AlertsView.class, "app/alerts", "S N N A A A N");
        expect(AdherenceView.class, "app/adherence", "S N N A A A N");
        expect(PracticeView.class, "app/practice", "S N N A A A N");
        expect(StaffAccountView.class, "app/account", "S N N A A A N");
        expect(WorksheetLibraryView.class, "app/worksheets", "S N N A A A N");
        // "a therapist only their caseload unless clinic admin"
        expect(ClientView.class, "app/clients/{client}", "S N N A M A N");
        expect(BeforeSessionView.class, "app/clients/{client}/before-session", "S N N A M A N");
        expect(ClientRemindersView.class, "app/clients/{client}/reminders", "S N N A M A N");
        expect(EntryReviewView.class, "app/entries/{entry}", "S N N A M A N");
        // a private worksheet is its author's alone, the admin's too
        expect(WorksheetView.class, "app/worksheets/{worksheet}", "S N N A M M N");
        expect(WorksheetEditorView.class, "app/worksheets/{worksheet}/edit", "S N N A M M N");

        expect(AuditView.class, "app/audit", "S N N N N A N");
        expect(ClinicSettingsView.class, "app/settings", "S N N N N A N");
        expect(StaffView.class, "app/staff", "S N N N N A N");
        expect(DataRightsView.class, "app/data", "S N N N N A N");
        expect(ClientRecordView.class, "app/clients/{client}/data", "S N N N N A N");
    }

    private static void expect(Class<?> route, String path, String outcomes) {
        String letters = outcomes.replace(" ", "");
        if (letters.length() != Actor.values().length || !letters.matches("[ASNM]+")) {
            throw new IllegalArgumentException(route.getSimpleName() + ": " + outcomes);
        }
        EXPECTED.put(route, new Row(path, letters));
    }

    @Autowired ReminderFixture reminders;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired HomeworkPlans homework;
    @Autowired ReviewService reviews;
    @Autowired WorksheetService worksheets;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditTrail auditTrail;

    /** Every class with @Route under app.homeward, from the class path. */
    static Set<Class<?>> routeClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<Class<?>> routes = new HashSet<>();
        for (var candidate : scanner.findCandidateComponents("app.homeward")) {
            if (candidate.getBeanClassName().contains("$Planted")) {
                continue; // a rule's planted example (ArchitectureTest), not a page of the application
            }
            try {
                routes.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }

    @Test
    void every_route_is_in_the_expectation_table() {
        Set<Class<?>> routes = routeClasses();
        assertThat(routes).as("the scan finds the routes").hasSizeGreaterThan(30).contains(ClientView.class, PlatformView.class);
        assertThat(names(routes)).as("routes nobody decided about: add them to EXPECTED")
                .isEqualTo(names(EXPECTED.keySet()));
        EXPECTED.forEach((route, row) -> assertThat(template(row.path()))
                .as(route.getSimpleName() + "'s path in the table is its @Route")
                .isEqualTo(route.getAnnotation(Route.class).value()));
    }

    /** "c/{slug}/invite/{token}" as its route template "c/:slug/invite/:token" (any parameter name). */
    private static String template(String path) {
        return path.replaceAll("\\{client}|\\{entry}|\\{worksheet}", ":id").replaceAll("\\{([a-z]+)}", ":$1");
    }

    private static Set<String> names(Set<Class<?>> classes) {
        return classes.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    // --- one clinic ------------------------------------------------------------------------------

    World owner;
    World other;
    TestAccount admin;
    Map<String, String> ids;

    /** Clinic A: a therapist with a client who submitted an entry, another therapist with another client, an admin. */
    private void clinicA() {
        owner = reminders.world(greenMail, ZONE, "en");
        admin = testClinics.account(owner.clinic(), Role.CLINIC_ADMIN);
        other = reminders.join(greenMail, owner.clinic(), testClinics.account(owner.clinic(), Role.THERAPIST), ZONE, "en");
        reminders.assignDaily(owner, today(ZONE), LocalTime.of(0, 1), 3);
        TestUsers.signInAs(owner.client());
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        entryService.submit(occurrence, ReminderFixture.thoughtRecord(), null);
        owner.therapist().signIn();
        UUID entry = reviews.entriesOf(owner.clientId()).getFirst().entryId();
        UUID worksheet = worksheets.create("Private worksheet " + TestClinics.random(4));
        signOutOfThisBrowser();
        ids = Map.of("{slug}", owner.clinic().slug(), "{clinic}", owner.clinic().id().toString(),
                "{token}", "no-such-token-" + TestClinics.random(8), "{client}", owner.clientId().toString(),
                "{entry}", entry.toString(), "{occurrence}", occurrence.toString(), "{worksheet}", worksheet.toString());
    }

    private String url(Row row) {
        String url = row.path();
        for (var id : ids.entrySet()) {
            url = url.replace(id.getKey(), id.getValue());
        }
        return url;
    }

    @TestFactory
    List<DynamicTest> within_one_clinic_each_role_opens_exactly_what_it_may() {
        clinicA();
        List<DynamicTest> cases = new ArrayList<>();
        EXPECTED.forEach((route, row) -> {
            for (Actor actor : Actor.values()) {
                char expected = row.outcomes().charAt(actor.ordinal());
                cases.add(DynamicTest.dynamicTest(route.getSimpleName() + " as " + actor + " → " + expected, () -> {
                    signOutOfThisBrowser();
                    signIn(actor);
                    assertThat(open(url(row), route)).as("/" + url(row) + " as " + actor).isEqualTo(expected);
                }));
            }
        });
        return cases;
    }

    private void signIn(Actor actor) {
        switch (actor) {
            case ANONYMOUS -> { }
            case CLIENT -> TestUsers.signInAs(owner.client());
            case OTHER_CLIENT -> TestUsers.signInAs(other.client());
            case THERAPIST -> owner.therapist().signIn();
            case OTHER_THERAPIST -> other.therapist().signIn();
            case ADMIN -> admin.signIn();
            case OPERATOR -> TestUsers.signInAs(TestUsers.operator());
        }
    }

    /** Navigates as a browser would and says which of A, S, N, M it ended on (or the view's name, which fails). */
    private char open(String url, Class<?> route) {
        UI.getCurrent().navigate(url);
        Class<?> shown = getCurrentView().getClass();
        if (shown == route) {
            return 'A';
        }
        if (shown == ClinicFinderView.class) {
            return 'S';
        }
        if (shown == NotFoundView.class) {
            return 'N';
        }
        if (shown == MissingObjectView.class) {
            return 'M';
        }
        throw new AssertionError("/" + url + " showed " + shown.getName());
    }

    // --- across clinics --------------------------------------------------------------------------

    @TestFactory
    List<DynamicTest> clinic_b_opening_clinic_a_ids_finds_nothing_and_changes_nothing() {
        clinicA();
        TestAccount therapistB = testClinics.account(testClinics.clinic(), Role.THERAPIST);
        World b = reminders.join(greenMail, therapistB.clinic(), therapistB, ZONE, "en");
        TestAccount adminB = testClinics.account(therapistB.clinic(), Role.CLINIC_ADMIN);
        auditTrail.flush();
        Map<String, List<String>> before = TenantRows.of(jdbc, owner.clinic().id());

        Map<Actor, Runnable> asClinicB = new LinkedHashMap<>();
        asClinicB.put(Actor.CLIENT, () -> TestUsers.signInAs(b.client()));
        asClinicB.put(Actor.THERAPIST, therapistB::signIn);
        asClinicB.put(Actor.ADMIN, adminB::signIn);
        List<DynamicTest> cases = new ArrayList<>();
        EXPECTED.forEach((route, row) -> {
            if (!row.path().matches(".*\\{(client|entry|occurrence|worksheet)}.*")) {
                return;
            }
            asClinicB.forEach((actor, signIn) -> {
                // not found either way: the route is not for this role, or the object is not in this clinic
                char expected = row.outcomes().charAt(actor.ordinal()) == 'N' ? 'N' : 'M';
                cases.add(DynamicTest.dynamicTest(route.getSimpleName() + " as clinic B's " + actor + " → " + expected,
                        () -> {
                            signOutOfThisBrowser();
                            signIn.run();
                            assertThat(open(url(row), route)).as("/" + url(row) + " as clinic B's " + actor)
                                    .isEqualTo(expected);
                        }));
            });
        });
        cases.add(DynamicTest.dynamicTest("clinic A's rows are unchanged", () -> {
            auditTrail.flush();
            assertThat(TenantRows.of(jdbc, owner.clinic().id())).isEqualTo(before);
        }));
        return cases;
    }

    static {
        // the letters of the table follow Actor's order; keep the header comment above honest
        assertThat(Arrays.stream(Actor.values()).map(Enum::name).toList()).containsExactly(
                "ANONYMOUS", "CLIENT", "OTHER_CLIENT", "THERAPIST", "OTHER_THERAPIST", "ADMIN", "OPERATOR");
    }
}
