package app.homeward.homework.portal;

import app.homeward.Application;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.TestTime;
import app.homeward.base.AppClock;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.EntryState;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.support.GenericWebApplicationContext;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draft survives a server restart: saved in one application context, which is then closed, and
 * read back by a fresh context on the same database (a file-based H2 by default; the MariaDB of the
 * mysql profile in CI). Both contexts are plain {@link SpringApplicationBuilder} runs with a mock
 * servlet context (as {@code @SpringBootTest} does), one after the other.
 * <p>
 * Runs in its own surefire execution (own JVM, see pom.xml): a second Spring context with Vaadin
 * security in the JVM of the shared test context would replace its security-context strategy.
 */
class DraftRestartTest {

    static final ZoneId ZONE = ZoneId.of("America/Bogota");

    @TempDir
    static Path databaseDirectory;

    ConfigurableApplicationContext running;

    @AfterEach
    void stopWhatIsRunning() {
        SecurityContextHolder.clearContext();
        if (running != null) {
            running.close();
        }
    }

    @Test
    void a_draft_saved_before_a_restart_is_there_after_it_with_its_lock() {
        // ---- before the restart: a client starts their homework and the draft is saved
        running = start();
        // the test's time, in both runs (the clock runs on from it, as in production)
        AppClock clock = running.getBean(AppClock.class);
        clock.moveTo(TestTime.START);
        LocalDate today = TestTime.today(clock, ZONE);
        TestClinics testClinics = running.getBean(TestClinics.class);
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        ClientProfile profile = running.getBean(ClientService.class).add(new NewClient("Dario Restrepo",
                TestClinics.randomEmail(), ZONE.getId(), "en", null, false));
        UUID assignment = running.getBean(HomeworkPlans.class).assign(profile.id(), "mood-log",
                new AssignmentPlan("Mood log", "To see what lifts the mood.", null, null, null,
                        Schedule.once(today, LocalTime.of(23, 45), ZONE), null, null, null, 8, false,
                        false, 1, null));
        UUID account = UUID.randomUUID();
        assertThat(running.getBean(JdbcTemplate.class).update(
                "update client set account_id = ?, status = 'ACTIVE' where id = ? and clinic_id = ?",
                account.toString(), profile.id().toString(), clinic.id().toString())).isEqualTo(1);
        HomewardUser client = TestUsers.principal(account, clinic.id(), clinic.slug(), profile.email(),
                profile.displayName(), Role.CLIENT, 0);
        TestUsers.signInAs(client);
        TodayService todayService = running.getBean(TodayService.class);
        EntryService entryService = running.getBean(EntryService.class);
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        Map<String, Object> answers = Map.of("date", today.toString(), "mood", 4,
                "happened", "Wrote this just before the server went down");
        SavedDraft saved = entryService.saveDraft(occurrence, answers, null);

        // ---- the server goes down and comes back
        SecurityContextHolder.clearContext();
        running.close();
        running = start();
        running.getBean(AppClock.class).moveBy(clock.offset());

        TestUsers.signInAs(client);
        EntryService after = running.getBean(EntryService.class);
        TodayService todayAfter = running.getBean(TodayService.class);
        assertThat(after).isNotSameAs(entryService);
        assertThat(todayAfter).isNotSameAs(todayService);
        OpenEntry opened = after.open(occurrence);

        assertThat(opened.state()).isEqualTo(EntryState.DRAFT);
        assertThat(opened.answers()).isEqualTo(answers);
        assertThat(opened.lock()).isEqualTo(saved.lock());
        assertThat(opened.card().assignmentId()).isEqualTo(assignment);
        assertThat(todayAfter.today().dueNow()).singleElement()
                .satisfies(card -> assertThat(card.entryState()).isEqualTo(EntryState.DRAFT));
        SavedDraft next = after.saveDraft(occurrence, Map.of("mood", 5), opened.lock());
        assertThat(next.lock()).as("the client carries on from the stored version").isNotEqualTo(saved.lock());
        assertThat(after.submit(occurrence, Map.of("date", today.toString(), "mood", 5), next.lock())
                .alerted()).isFalse();
    }

    /** The application as a test context starts it: mock servlet environment, mail to GreenMail's port. */
    private static ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of(
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=3025",
                "--homeward.base-url=http://localhost:8080",
                "--homeward.tenants.import=false",
                "--spring.jmx.enabled=false"));
        if (!mysqlProfile()) {
            // command-line arguments outrank application-default.properties (the in-memory H2 of the tests)
            args.add("--spring.datasource.url=jdbc:h2:file:" + databaseDirectory.resolve("homeward").toAbsolutePath()
                    + ";MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        }
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .contextFactory(type -> new GenericWebApplicationContext(new MockServletContext()))
                .run(args.toArray(String[]::new));
    }

    private static boolean mysqlProfile() {
        String profiles = System.getProperty("spring.profiles.active", System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", ""));
        return Arrays.stream(profiles.split(",")).map(p -> p.strip().toLowerCase(Locale.ROOT)).anyMatch("mysql"::equals);
    }
}
