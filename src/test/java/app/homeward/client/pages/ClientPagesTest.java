package app.homeward.client.pages;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditService;
import app.homeward.audit.AuditTrail;
import app.homeward.audit.ui.RecordAccessPanel;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.ChangeReason;
import app.homeward.homework.ClientFiles;
import app.homeward.homework.MeasureHistory;
import app.homeward.homework.Schedule;
import app.homeward.homework.adherence.AdherenceService;
import app.homeward.homework.adherence.ClientAdherence;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.ReviewItem;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client page and the before-session page, each as one value (decision 0038): what they hold for a client with an open safety alert, a
 * change request, a plan, a goal and an entry; one "record opened" per page load; and nobody outside the
 * caseload, or the clinic, reads it.
 */
class ClientPagesTest extends IntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    @Autowired ClientPages pages;
    @Autowired AuditService audit;
    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired SafetyAlerts safetyAlerts;
    @Autowired AuditTrail trail;
    @Autowired JdbcTemplate jdbc;

    @Autowired ClientFiles files;
    @Autowired AdherenceService adherence;
    @Autowired ReviewService reviews;
    @Autowired TransactionTemplate tx;

    ClinicBranding clinic;
    TestAccount therapist;
    TestAccount clientAccount;
    UUID clientId;
    UUID assignment;

    /** A client who answered a daily PHQ-9 in a way that raises an alert, asked to change it, and has a goal. */
    @BeforeEach
    void aClientWithAnAlertARequestAPlanAGoalAndAnEntry() {
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        clientId = clients.add(new NewClient("Rosa Vidal", TestClinics.randomEmail(), ZONE.getId(), "en", null, false)).id();
        TestAccount client = testClinics.account(clinic, Role.CLIENT, TestClinics.randomEmail());
        clientAccount = client;
        assertThat(jdbc.update("update client set account_id = ?, status = 'ACTIVE' where id = ? and clinic_id = ?",
                client.id().toString(), clientId.toString(), clinic.id().toString())).isEqualTo(1);
        therapist.signIn();
        clients.addGoal(clientId, "Sleep before midnight");
        Schedule daily = new Schedule(Schedule.Kind.DAILY, today(ZONE).minusDays(2), null, 6, LocalTime.NOON, null, null, ZONE);
        assignment = homework.assign(clientId, "phq-9", new AssignmentPlan("Mood check-in", "Numbers instead of guesses.",
                "", "", "", daily, Set.of(), "", "", 8, false, false, 1, null));
        client.signIn();
        UUID occurrence = todayService.today().overdue().getFirst().occurrenceId();
        assertThat(entryService.submit(occurrence, AdherenceFixture.phq9("several-days"), null).alerted()).isTrue();
        entryService.requestChange(assignment, ChangeReason.TOO_HARD, null);
    }

    @Test
    void the_page_holds_the_record_what_needs_attention_the_plan_the_goals_the_entries_adherence_and_measures() {
        therapist.signIn();

        ClientPage page = pages.open(clientId);

        assertThat(page.client().displayName()).isEqualTo("Rosa Vidal");
        assertThat(page.clinicZone()).isEqualTo(clinic.timeZone());
        assertThat(page.therapist()).hasValueSatisfying(t -> assertThat(t.displayName()).isEqualTo(therapist.displayName()));
        assertThat(page.openAlerts()).singleElement().satisfies(a -> assertThat(a.acknowledgedAt()).isNull());
        assertThat(page.openChangeRequests()).singleElement()
                .satisfies(r -> assertThat(r.assignmentTitle()).isEqualTo("Mood check-in"));
        assertThat(page.plan()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(assignment);
            assertThat(a.done()).isEqualTo(1);
            assertThat(a.openChangeRequests()).isEqualTo(1);
        });
        assertThat(page.goals()).extracting(g -> g.text()).containsExactly("Sleep before midnight");
        assertThat(page.entries()).singleElement().satisfies(e -> assertThat(e.alerts()).isPositive());
        assertThat(page.adherence().clientId()).isEqualTo(clientId);
        assertThat(page.adherence().weeks()).isEqualTo(ClientPages.ADHERENCE_WEEKS);
        assertThat(page.measures()).isNotEmpty();
    }

    @Test
    void the_before_session_page_holds_what_happened_since_the_day_chosen_and_adherence() {
        therapist.signIn();

        BeforeSessionPage page = pages.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7)));

        assertThat(page.review().client().id()).isEqualTo(clientId);
        assertThat(page.review().assignments()).singleElement().satisfies(a -> {
            assertThat(a.assignmentId()).isEqualTo(assignment);
            assertThat(a.done()).isEqualTo(1);
        });
        assertThat(page.review().changeRequests()).hasSize(1);
        assertThat(page.review().alerts()).hasSize(1);
        assertThat(page.adherence().clientId()).isEqualTo(clientId);
        assertThat(page.adherence().weeks()).isEqualTo(ClientPages.ADHERENCE_WEEKS);
    }

    @Test
    void an_admin_sees_who_opened_the_record_when_asking_and_a_therapist_may_not_ask() {
        therapist.signIn();
        pages.open(clientId);
        trail.flush();
        assertThatThrownBy(() -> audit.recentViews(clientId, RecordAccessPanel.RECENT_VIEWS))
                .as("who opened the record is for clinic admins").isInstanceOf(AccessDeniedException.class);
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();

        var access = audit.recentViews(clientId, RecordAccessPanel.RECENT_VIEWS);

        assertThat(access.views()).isNotEmpty()
                .allSatisfy(v -> assertThat(v.clientId()).isEqualTo(clientId))
                .anySatisfy(v -> assertThat(v.actorId()).isEqualTo(therapist.id()));
    }

    @Test
    void what_was_dealt_with_leaves_the_page_when_it_is_read_again() {
        therapist.signIn();
        ClientPage before = pages.open(clientId);

        safetyAlerts.acknowledge(before.openAlerts().getFirst().id(), "Called her; she is safe.");
        ClientPage after = pages.reload(clientId);

        assertThat(after.openAlerts()).isEmpty();
        assertThat(after.openChangeRequests()).hasSize(1);
    }

    @Test
    void opening_the_page_records_one_look_at_the_record_and_reading_it_again_after_an_action_none() {
        therapist.signIn();

        pages.open(clientId);
        pages.reload(clientId);
        pages.reload(clientId);

        assertThat(looks(AuditAction.CLIENT_VIEWED)).isEqualTo(1);
    }

    /**
     * Decision 0049: the page's parts are picked from one read of the client's file. Each must equal what its
     * feature reads with its own queries (adherence over every window offered, the measures), here after two
     * more weeks of a daily PHQ-9 with some days done and some missed, so the windows' edges cut through rows.
     */
    @Test
    void the_parts_picked_from_the_file_equal_what_each_feature_reads_with_its_own_queries() {
        for (int day = 0; day < 14; day++) {
            clock.moveBy(Duration.ofDays(1));
            if (day % 3 != 0) {
                clientAccount.signIn();
                todayService.today().overdue().stream().findFirst().ifPresent(o ->
                        entryService.submit(o.occurrenceId(), AdherenceFixture.phq9("not-at-all"), null));
            }
        }
        therapist.signIn();

        for (int weeks : AdherenceService.WINDOWS) {
            ClientAdherence fromTheFile = tx.execute(status -> adherence.client(files.read(clientId), weeks));
            assertThat(fromTheFile).as(weeks + " weeks").isEqualTo(adherence.client(clientId, weeks));
        }
        List<MeasureHistory> measuresFromTheFile = tx.execute(status -> adherence.measures(files.read(clientId)));
        assertThat(measuresFromTheFile).isNotEmpty().isEqualTo(adherence.measures(clientId));
        assertThat(reviews.entriesOf(clientId)).hasSizeGreaterThan(5)
                .isSortedAccordingTo(Comparator.comparing(ReviewItem::submittedAt).reversed());
    }

    @Test
    void a_look_before_the_session_outside_the_caseload_is_refused_and_recorded() {
        testClinics.account(clinic, Role.THERAPIST).signIn();

        assertThatThrownBy(() -> pages.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7))))
                .isInstanceOf(NotFoundException.class);

        trail.flush();
        // as for every refused look that may concern another clinic's client: the object, not the client, is named
        assertThat(jdbc.queryForObject("select count(*) from audit_record where clinic_id = ? and object_id = ? "
                        + "and action = ? and outcome = 'DENIED'", Long.class, clinic.id().toString(), clientId.toString(),
                AuditAction.BEFORE_SESSION_VIEWED.code())).isEqualTo(1);
    }

    @Test
    void another_therapists_client_is_not_found_and_the_refusal_is_recorded() {
        testClinics.account(clinic, Role.THERAPIST).signIn();

        assertThatThrownBy(() -> pages.open(clientId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pages.reload(clientId)).isInstanceOf(NotFoundException.class);

        trail.flush();
        assertThat(jdbc.queryForObject("select count(*) from audit_record where clinic_id = ? and client_id = ? "
                        + "and action = ? and outcome = 'DENIED'", Long.class, clinic.id().toString(), clientId.toString(),
                AuditAction.CLIENT_VIEWED.code())).isEqualTo(1);
    }

    @Test
    void a_therapist_of_another_clinic_finds_no_such_client() {
        ClinicBranding other = testClinics.clinic();
        testClinics.account(other, Role.CLINIC_ADMIN).signIn();

        assertThatThrownBy(() -> pages.open(clientId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pages.reload(clientId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pages.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_client_may_not_read_a_staff_page() {
        testClinics.account(clinic, Role.CLIENT, TestClinics.randomEmail()).signIn();

        assertThatThrownBy(() -> pages.open(clientId)).isInstanceOf(AccessDeniedException.class);
    }

    private long looks(AuditAction action) {
        trail.flush();
        return jdbc.queryForObject("select count(*) from audit_record where clinic_id = ? and client_id = ? and action = ? "
                        + "and outcome = 'SUCCESS'", Long.class, clinic.id().toString(), clientId.toString(), action.code());
    }
}
