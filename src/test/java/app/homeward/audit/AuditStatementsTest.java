package app.homeward.audit;

import app.homeward.IntegrationTest;
import app.homeward.client.ClientService;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.SafetyAlerts;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording a view costs the page nothing: no statement in the page's transaction for 1 view or 100; the
 * queued records are written later in one batched statement per clinic whatever their number; and reading
 * the trail runs the same few statements for a page of 10 records as for 300 (Hibernate statistics, on only
 * around each measured call, like CaseloadQueryCountTest). Timings are printed for the record, never asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditStatementsTest extends IntegrationTest {

    static final int MAX_READ_STATEMENTS = 4;

    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired AuditTrail trail;
    @Autowired AuditService audit;
    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired SafetyAlerts safetyAlerts;
    @Autowired ReviewService reviews;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    AuditWorld world;

    @BeforeAll
    void aClinic() {
        world = AuditWorld.create(testClinics, clients, homework, reviews, safetyAlerts, todayService, entryService,
                jdbc, today(AuditWorld.ZONE));
        trail.flush();
    }

    @AfterAll
    void statisticsOff() {
        statistics().setStatisticsEnabled(false);
    }

    @Test
    void opening_a_clients_page_costs_the_same_statements_as_before_the_trail() {
        world.therapist().signIn();

        long plain = count(() -> clients.profile(world.clientId()));
        long recorded = count(() -> clients.open(world.clientId()));

        assertThat(recorded).as("the view is queued, not written in the page's transaction").isEqualTo(plain);
        assertThat(trail.writer().queued()).isEqualTo(1);
    }

    @Test
    void recording_1_or_100_views_adds_no_statement_to_the_pages_transaction() {
        world.therapist().signIn();
        TransactionTemplate page = new TransactionTemplate(transactions);
        page.setReadOnly(true);

        for (int views : List.of(1, 100)) {
            long statements = count(() -> page.executeWithoutResult(status -> {
                for (int i = 0; i < views; i++) {
                    trail.record(AuditEntry.of(AuditAction.CLIENT_VIEWED).client(world.clientId())
                            .object(AuditObject.CLIENT, world.clientId()));
                }
            }));
            assertThat(statements).as(views + " views").isZero();
        }
        assertThat(trail.writer().queued()).isEqualTo(101);
    }

    @Test
    void writing_1_or_300_queued_records_of_a_clinic_is_the_same_single_batched_statement() {
        world.therapist().signIn();
        trail.flush();
        long[] statements = new long[2];
        int[] sizes = {1, 300};
        for (int i = 0; i < sizes.length; i++) {
            for (int n = 0; n < sizes[i]; n++) {
                trail.record(AuditEntry.of(AuditAction.ADHERENCE_VIEWED).client(world.clientId())
                        .object(AuditObject.CLIENT, world.clientId()));
            }
            statements[i] = count(() -> trail.flush());
        }

        assertThat(statements[1]).as("300 records vs 1").isEqualTo(statements[0]);
        assertThat(statements[1]).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_record where clinic_id = ? and action = ?",
                Long.class, world.clinic().id().toString(), AuditAction.ADHERENCE_VIEWED.code())).isEqualTo(301);
    }

    @Test
    void a_page_of_the_trail_runs_the_same_few_statements_for_10_and_300_records() {
        AuditWorld small = world;
        AuditWorld large = AuditWorld.create(testClinics, clients, homework, reviews, safetyAlerts, todayService, entryService,
                jdbc, today(AuditWorld.ZONE));
        large.therapist().signIn();
        for (int i = 0; i < 300; i++) {
            trail.record(AuditEntry.of(AuditAction.CLIENT_VIEWED).client(large.clientId())
                    .object(AuditObject.CLIENT, large.clientId()));
        }
        trail.flush();

        long[] page = new long[2];
        long[] countStatements = new long[2];
        int[] rows = new int[2];
        List<AuditWorld> clinics = List.of(small, large);
        for (int i = 0; i < 2; i++) {
            clinics.get(i).admin().signIn();
            int index = i;
            page[i] = count(() -> rows[index] = audit.search(AuditFilter.all(), 0, 50).size());
            countStatements[i] = count(() -> audit.count(AuditFilter.all()));
        }

        assertThat(rows[1]).isEqualTo(50);
        assertThat(page[1]).as("a page of 50 of 300+ records vs a page of a small trail").isEqualTo(page[0])
                .isLessThanOrEqualTo(MAX_READ_STATEMENTS);
        assertThat(countStatements[1]).isEqualTo(countStatements[0]).isEqualTo(1);
        large.admin().signIn();
        long deep = count(() -> audit.search(AuditFilter.all(), 230, 50));
        assertThat(deep).as("any offset").isEqualTo(page[1]);
    }

    /** Not an assertion: how long a page load takes with and without recording its view, for the report. */
    @Test
    void timing_of_a_page_load_with_and_without_its_view_recorded() {
        world.therapist().signIn();
        for (int i = 0; i < 50; i++) { // warm up
            clients.profile(world.clientId());
            clients.open(world.clientId());
        }
        trail.flush();
        int loads = 500;
        long start = System.nanoTime();
        for (int i = 0; i < loads; i++) {
            clients.profile(world.clientId());
        }
        long plain = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < loads; i++) {
            clients.open(world.clientId());
        }
        long recorded = System.nanoTime() - start;
        start = System.nanoTime();
        int written = trail.writer().flush();
        long flush = System.nanoTime() - start;

        System.out.printf("[audit-timing] %d page loads: %.1f µs each without the trail, %.1f µs with the view queued;"
                        + " writing the %d queued records took %.1f ms (%.1f µs a record)%n",
                loads, plain / 1e3 / loads, recorded / 1e3 / loads, written, flush / 1e6, flush / 1e3 / Math.max(1, written));
        assertThat(written).isEqualTo(loads);
    }

    private long count(Runnable work) {
        Statistics statistics = statistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        try {
            work.run();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
        System.out.println("[statements] " + statistics.getPrepareStatementCount() + ": "
                + String.join(" | ", Arrays.asList(statistics.getQueries())));
        return statistics.getPrepareStatementCount();
    }

    private Statistics statistics() {
        return entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }
}
