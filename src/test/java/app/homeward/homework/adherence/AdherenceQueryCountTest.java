package app.homeward.homework.adherence;

import app.homeward.IntegrationTest;
import app.homeward.Statements.Counted;
import app.homeward.Statements;
import app.homeward.TestClinics.TestAccount;
import app.homeward.client.ClientService;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.security.RateLimits;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adherence runs a fixed, small number of SQL statements whatever the caseload's size: the same
 * count for 10 clients as for 500, and at most {@value #MAX_STATEMENTS} ({@value #CASELOAD_STATEMENTS} for a caseload), for a therapist's caseload,
 * the whole clinic, one therapist's caseload (admin) and one client. Every client has occurrences in
 * the window, a sent and reflected PHQ-9 and an open safety alert, so a per-client query anywhere
 * would show. Statistics are switched on only around each measured call (as in
 * {@link CaseloadQueryCountTest}), so no second Spring context is started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdherenceQueryCountTest extends IntegrationTest {

    static final int MAX_STATEMENTS = 10;

    /**
     * A caseload or the clinic, one more: since decision 0041 the homework rules (the grace period that
     * decides what counts as missed) are a row of homework's own table, read beside the clinic row that
     * gives the clinic's time zone, where both used to be that one row. Still the same for 10 and 500.
     */
    static final int CASELOAD_STATEMENTS = MAX_STATEMENTS + 1;

    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired AdherenceService adherence;
    @Autowired ClientService clientService;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired RateLimits limits;
    @Autowired JdbcTemplate jdbc;

    Caseload small;
    Caseload large;

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
    void a_therapists_caseload_runs_the_same_few_statements_for_10_and_500_clients() {
        Counted<AdherenceReport> ten = counted(small.therapist(), () -> adherence.caseload(4));
        Counted<AdherenceReport> fiveHundred = counted(large.therapist(), () -> adherence.caseload(4));

        assertThat(ten.result().clients()).hasSize(10);
        assertThat(fiveHundred.result().clients()).hasSize(500);
        assertThat(fiveHundred.result().attention()).hasSize(500).allSatisfy(a -> assertThat(a.reasons().getFirst().kind())
                .isEqualTo(AdherenceReport.Kind.OPEN_ALERTS));
        assertThat(fiveHundred.result().totals().reflections()).isEqualTo(500);
        assertThat(fiveHundred.statements()).as("therapist: 500 clients vs 10\n" + fiveHundred.queries())
                .isEqualTo(ten.statements());
        assertThat(fiveHundred.statements()).as(fiveHundred.queries()).isLessThanOrEqualTo(CASELOAD_STATEMENTS);
    }

    @Test
    void the_whole_clinic_and_one_therapists_caseload_run_the_same_few_statements_for_10_and_500_clients() {
        Counted<AdherenceReport> ten = counted(small.admin(), () -> adherence.clinic(12, null));
        Counted<AdherenceReport> fiveHundred = counted(large.admin(), () -> adherence.clinic(12, null));
        Counted<AdherenceReport> oneTherapist = counted(large.admin(), () -> adherence.clinic(12, large.therapist().id()));

        assertThat(ten.result().clients()).hasSize(10);
        assertThat(fiveHundred.result().clients()).hasSize(500)
                .allSatisfy(row -> assertThat(row.therapistName()).isEqualTo(large.therapist().displayName()));
        assertThat(oneTherapist.result().clients()).hasSize(500);
        assertThat(fiveHundred.statements()).as("admin: 500 clients vs 10\n" + fiveHundred.queries())
                .isEqualTo(ten.statements()).isEqualTo(oneTherapist.statements());
        assertThat(fiveHundred.statements()).as(fiveHundred.queries()).isLessThanOrEqualTo(CASELOAD_STATEMENTS);
    }

    @Test
    void one_clients_adherence_runs_the_same_few_statements_in_a_small_and_a_large_caseload() {
        Counted<ClientAdherence> inSmall = counted(small.therapist(), () -> adherence.client(small.clients().getFirst(), 8));
        Counted<ClientAdherence> inLarge = counted(large.therapist(), () -> adherence.client(large.clients().getLast(), 8));

        assertThat(inLarge.result().measures()).hasSize(1);
        assertThat(inLarge.statements()).as(inLarge.queries()).isEqualTo(inSmall.statements())
                .isLessThanOrEqualTo(MAX_STATEMENTS);
    }

    // ------------------------------------------------------------------ seeding

    private Caseload seed(int size) {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        AdherenceFixture fixture = new AdherenceFixture(clientService, homework, todayService, entryService, jdbc, clock);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (i % 40 == 0) {
                limits.reset();
            }
            UUID client = fixture.activeClient(therapist, "Client %03d".formatted(i));
            fixture.assignPastWeek(therapist, client, 8);
            ids.add(client);
        }
        limits.reset();
        for (UUID client : ids) {
            fixture.sendOldest(client, "several-days", 50);
        }
        SecurityContextHolder.clearContext();
        return new Caseload(clinic, therapist, admin, List.copyOf(ids));
    }

    // ------------------------------------------------------------------ counting

    private <T> Counted<T> counted(TestAccount who, Supplier<T> work) {
        who.signIn();
        return Statements.count(entityManagerFactory, who.role().name(), work);
    }
}
