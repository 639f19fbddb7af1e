package app.homeward.audit;

import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clinic for the audit tests, made through the real services: an admin, a therapist with a client who
 * has a portal account, a second therapist, a daily PHQ-9 the client has answered once (an entry and a
 * safety alert); and its trail read straight from the table.
 */
record AuditWorld(ClinicBranding clinic, TestAccount admin, TestAccount therapist, TestAccount otherTherapist,
                  TestAccount client, UUID clientId, String clientName, String clientEmail, UUID assignmentId,
                  UUID occurrenceId, UUID entryId, UUID alertId) {

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    /** What the client answers: text that must never reach the trail. */
    static final String ANSWER = "several-days";

    static AuditWorld create(TestClinics testClinics, ClientService clients, HomeworkPlans homework,
                             ReviewService reviews, SafetyAlerts safetyAlerts, TodayService todayService,
                             EntryService entryService, JdbcTemplate jdbc, LocalDate today) {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        TestAccount otherTherapist = testClinics.account(clinic, Role.THERAPIST);
        String name = "Jordan Qz" + TestClinics.random(6);
        String email = TestClinics.randomEmail();
        therapist.signIn();
        UUID clientId = clients.add(new NewClient(name, email, ZONE.getId(), "en", null, false)).id();
        // the client's portal account, linked as accepting the invitation would
        TestAccount client = testClinics.account(clinic, Role.CLIENT, TestClinics.randomEmail());
        assertThat(jdbc.update("update client set account_id = ?, status = 'ACTIVE' where id = ? and clinic_id = ?",
                client.id().toString(), clientId.toString(), clinic.id().toString())).isEqualTo(1);
        therapist.signIn();
        Schedule daily = new Schedule(Schedule.Kind.DAILY, today.minusDays(2), null, 6, LocalTime.NOON, null, null, ZONE);
        UUID assignment = homework.assign(clientId, "phq-9", new AssignmentPlan("Mood check-in",
                "Numbers instead of guesses.", "", "", "", daily, Set.of(), "", "", 8, false, false, 1, null));
        client.signIn();
        UUID occurrence = todayService.today().overdue().getFirst().occurrenceId();
        assertThat(entryService.submit(occurrence, phq9(ANSWER), null).alerted()).isTrue();
        therapist.signIn();
        UUID entry = reviews.entriesOf(clientId).getFirst().entryId();
        AlertSummary alert = safetyAlerts.alertsOf(clientId).getFirst();
        SecurityContextHolder.clearContext();
        return new AuditWorld(clinic, admin, therapist, otherTherapist, client, clientId, name, email, assignment,
                occurrence, entry, alert.id());
    }

    static Map<String, Object> phq9(String item9) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            answers.put("item" + i, "not-at-all");
        }
        answers.put("item9", item9);
        return answers;
    }

    /** The clinic's records since an instant, oldest first, as the table holds them (queued ones written first). */
    static List<Map<String, Object>> records(JdbcTemplate jdbc, AuditTrail trail, UUID clinicId, Instant since) {
        trail.flush();
        return jdbc.queryForList("select * from audit_record where clinic_id = ? and occurred_at >= ? order by occurred_at",
                clinicId.toString(), LocalDateTime.ofInstant(since, ZoneOffset.UTC));
    }

    List<Map<String, Object>> records(JdbcTemplate jdbc, AuditTrail trail, Instant since) {
        return records(jdbc, trail, clinic.id(), since);
    }

    /** Only the records of one action. */
    static List<Map<String, Object>> of(List<Map<String, Object>> records, AuditAction action) {
        return records.stream().filter(r -> action.code().equals(r.get("action"))).toList();
    }
}
