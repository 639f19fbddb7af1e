package app.homeward.homework.adherence;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientService;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adherence through the real services and database: a therapist sees their caseload's numbers and
 * who needs attention, never another therapist's client; the clinic view is for admins; another
 * clinic sees nothing.
 * <p>
 * Ana (therapist A): 4 PHQ-9s due last week: one sent, one sent and reflected as half done (with a
 * self-harm answer: an open alert), two missed; then a new plan with lower confidence (8 → 4).
 * Ben (therapist B): 4 due last week, none done.
 */
class AdherenceServiceTest extends IntegrationTest {

    @Autowired AdherenceService adherence;
    @Autowired ClientService clientService;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired JdbcTemplate jdbc;

    ClinicBranding clinic;
    TestAccount therapistA;
    TestAccount therapistB;
    TestAccount admin;
    UUID ana;
    UUID ben;

    @BeforeEach
    void twoTherapistsWithAClientEach() {
        AdherenceFixture fixture = new AdherenceFixture(clientService, homework, todayService, entryService, jdbc, clock);
        clinic = testClinics.clinic();
        therapistA = testClinics.account(clinic, Role.THERAPIST);
        therapistB = testClinics.account(clinic, Role.THERAPIST);
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        ana = fixture.activeClient(therapistA, "Ana Holt");
        fixture.assignPastWeek(therapistA, ana, 8);
        fixture.sendOldest(ana, "not-at-all", null);
        fixture.sendOldest(ana, "several-days", 50);
        fixture.assignFromTomorrow(therapistA, ana, "Smaller check-in", 4);
        ben = fixture.activeClient(therapistB, "Ben Ortiz");
        fixture.assignPastWeek(therapistB, ben, 7);
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_therapist_sees_their_caseload_with_rates_and_the_reasons_a_client_needs_attention() {
        therapistA.signIn();

        AdherenceReport report = adherence.caseload(4);

        assertThat(report.clients()).extracting(AdherenceReport.ClientRow::clientId).containsExactly(ana);
        AdherenceStats totals = report.totals();
        assertThat(totals.counted()).isEqualTo(4);
        assertThat(totals.done()).isEqualTo(1);
        assertThat(totals.partial()).isEqualTo(1);
        assertThat(totals.missed()).isEqualTo(2);
        assertThat(totals.completionPercent()).isEqualTo(50);
        assertThat(totals.onTimePercent()).as("both were sent days after they were due").isZero();
        assertThat(totals.reflections()).isEqualTo(1);
        assertThat(totals.averagePercentDone()).isEqualTo(50.0);
        assertThat(totals.averageHelpful()).isEqualTo(3.0);
        assertThat(totals.longestMissedRun()).isEqualTo(2);
        assertThat(totals.currentMissedRun()).isEqualTo(2);
        assertThat(report.perWeek()).hasSize(4);
        assertThat(report.perWeek().stream().mapToInt(w -> w.done() + w.partial() + w.missed()).sum()).isEqualTo(4);
        assertThat(report.attention()).singleElement().satisfies(a -> {
            assertThat(a.clientId()).isEqualTo(ana);
            assertThat(a.clientName()).isEqualTo("Ana Holt");
            assertThat(a.reasons()).containsExactly(
                    new AdherenceReport.Reason(AdherenceReport.Kind.OPEN_ALERTS, 1, 0, 0),
                    new AdherenceReport.Reason(AdherenceReport.Kind.CONFIDENCE_DROPPING, 0, 8, 4));
        });
    }

    @Test
    void one_clients_adherence_has_the_same_numbers_and_the_measure_beside_completion() {
        therapistA.signIn();

        ClientAdherence client = adherence.client(ana, 8);

        assertThat(client.clientName()).isEqualTo("Ana Holt");
        assertThat(client.perWeek()).hasSize(8);
        assertThat(client.stats()).isEqualTo(adherence.caseload(8).clients().getFirst().stats());
        assertThat(client.measures()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo(AdherenceFixture.TITLE);
            assertThat(m.scores()).hasSize(8);
            assertThat(m.scores().getLast()).as("sent this week").isNotNull();
        });
        assertThat(client.attention()).extracting(AdherenceReport.Reason::kind)
                .containsExactly(AdherenceReport.Kind.OPEN_ALERTS, AdherenceReport.Kind.CONFIDENCE_DROPPING);
    }

    @Test
    void a_therapist_cannot_get_another_therapists_client() {
        therapistA.signIn();
        assertThatThrownBy(() -> adherence.client(ben, 4)).isInstanceOf(NotFoundException.class);

        therapistB.signIn();
        AdherenceReport report = adherence.caseload(4);
        assertThat(report.clients()).extracting(AdherenceReport.ClientRow::clientId).containsExactly(ben);
        assertThat(report.attention()).singleElement().satisfies(a -> {
            assertThat(a.clientId()).isEqualTo(ben);
            assertThat(a.reasons()).containsExactly(new AdherenceReport.Reason(AdherenceReport.Kind.NOTHING_DONE, 4, 0, 0));
        });
        assertThatThrownBy(() -> adherence.client(ana, 4)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_clinic_view_is_for_admins_only() {
        therapistA.signIn();

        assertThatThrownBy(() -> adherence.clinic(4, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> adherence.clinic(4, therapistB.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> adherence.therapists()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void signed_out_nothing_is_shown() {
        assertThatThrownBy(() -> adherence.caseload(4)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> adherence.client(ana, 4)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void an_admin_sees_the_whole_clinic_or_one_therapists_caseload() {
        admin.signIn();

        AdherenceReport whole = adherence.clinic(4, null);
        AdherenceReport onlyB = adherence.clinic(4, therapistB.id());

        assertThat(whole.clients()).extracting(AdherenceReport.ClientRow::clientName).containsExactly("Ana Holt", "Ben Ortiz");
        assertThat(whole.clients()).extracting(AdherenceReport.ClientRow::therapistName)
                .containsExactly(therapistA.displayName(), therapistB.displayName());
        assertThat(whole.totals().counted()).isEqualTo(8);
        assertThat(whole.totals().completionPercent()).isEqualTo(25);
        assertThat(whole.totals().longestMissedRun()).as("Ben's four in a row").isEqualTo(4);
        assertThat(whole.attention()).extracting(AdherenceReport.Attention::clientId).as("alerts first").containsExactly(ana, ben);
        assertThat(onlyB.clients()).extracting(AdherenceReport.ClientRow::clientId).containsExactly(ben);
        assertThat(onlyB.totals().completionPercent()).isZero();
        assertThat(adherence.therapists()).extracting(s -> s.id()).contains(therapistA.id(), therapistB.id());
        assertThat(adherence.caseload(4).clients()).as("the admin has no clients of their own").isEmpty();
        assertThat(adherence.client(ben, 4).stats().missed()).isEqualTo(4);
    }

    @Test
    void another_clinic_sees_nothing_of_these_clients() {
        ClinicBranding other = testClinics.clinic();
        TestAccount otherAdmin = testClinics.account(other, Role.CLINIC_ADMIN);
        TestAccount otherTherapist = testClinics.account(other, Role.THERAPIST);

        otherAdmin.signIn();
        AdherenceReport clinicWide = adherence.clinic(12, null);
        assertThat(clinicWide.clients()).isEmpty();
        assertThat(clinicWide.attention()).isEmpty();
        assertThat(clinicWide.nothingDue()).isTrue();
        assertThatThrownBy(() -> adherence.client(ana, 4)).isInstanceOf(NotFoundException.class);
        assertThat(adherence.clinic(4, therapistA.id()).clients()).isEmpty();

        otherTherapist.signIn();
        assertThat(adherence.caseload(4).clients()).isEmpty();
        assertThatThrownBy(() -> adherence.client(ben, 4)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_archived_client_leaves_the_caseload_numbers_but_their_page_still_shows_them() {
        therapistB.signIn();
        clientService.archive(ben);

        assertThat(adherence.caseload(4).clients()).isEmpty();
        assertThat(adherence.caseload(4).attention()).isEmpty();
        assertThat(adherence.client(ben, 4).stats().counted()).isEqualTo(4);
    }

    @Test
    void a_window_outside_1_to_26_weeks_is_refused() {
        therapistA.signIn();

        assertThatThrownBy(() -> adherence.caseload(0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> adherence.client(ana, 27)).isInstanceOf(DomainException.class);
    }
}
