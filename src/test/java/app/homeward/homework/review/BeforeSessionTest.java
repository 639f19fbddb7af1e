package app.homeward.homework.review;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Reflection;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.PortalService;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The before-session review counts what the client did since the last session. */
class BeforeSessionTest extends IntegrationTest {

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired ReviewService reviews;
    @Autowired PortalService portal;
    @Autowired JdbcTemplate jdbc;

    ZoneId zone;
    TestAccount therapist;
    UUID clientId;
    HomewardUser client;

    @BeforeEach
    void aTherapistWithAClient() {
        // the morning in the client's zone: 23:45 today is still ahead
        zone = ZoneId.of("Europe/Lisbon");
        clock.moveTo(ZonedDateTime.of(today(zone), LocalTime.of(9, 0), zone).toInstant());
        ClinicBranding clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        ClientProfile profile = clients.add(new NewClient("Ines Lobo", TestClinics.randomEmail(), zone.getId(), "en", null, false));
        clientId = profile.id();
        UUID account = UUID.randomUUID();
        assertThat(jdbc.update("update client set account_id = ?, status = 'ACTIVE' where id = ? and clinic_id = ?",
                account.toString(), clientId.toString(), clinic.id().toString())).isEqualTo(1);
        client = TestUsers.principal(account, clinic.id(), clinic.slug(), profile.email(), profile.displayName(), Role.CLIENT, 0);
    }

    /**
     * Homework due this evening and done this morning, before the session: the review must show it
     * done, next to the client's reflection on that very homework (it once counted only occurrences
     * whose due time had passed).
     */
    @Test
    void homework_done_before_its_due_time_counts_as_done_in_the_before_session_review() {
        therapist.signIn();
        UUID assignment = homework.assign(clientId, "mood-log", new AssignmentPlan("Mood log", "To see what lifts the mood.",
                null, null, null, Schedule.once(today(zone), LocalTime.of(23, 45), zone), null, null, null, 8,
                false, false, 1, null));
        TestUsers.signInAs(client);
        UUID occurrence = portal.today().dueNow().getFirst().occurrenceId();
        portal.submit(occurrence, Map.of("date", today(zone).toString(), "mood", 6), null);
        portal.reflect(occurrence, new Reflection(100, 3, 8, Set.of(), "Done in the morning"));

        therapist.signIn();
        BeforeSession review = reviews.beforeSession(clientId, clock.instant().minus(Duration.ofDays(7)));

        assertThat(review.reflections()).as("the reflection on it is listed").hasSize(1);
        assertThat(review.assignments()).singleElement().satisfies(outcome -> {
            assertThat(outcome.assignmentId()).isEqualTo(assignment);
            assertThat(outcome.done()).as("done this morning, due tonight").isEqualTo(1);
            assertThat(outcome.unfinished()).isFalse();
        });
    }
}
