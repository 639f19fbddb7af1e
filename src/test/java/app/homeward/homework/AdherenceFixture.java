package app.homeward.homework;

import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.TestTime;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients with homework in the past for adherence tests, through the real services: a client who
 * has joined (linked to an account id as accepting the invitation would), daily PHQ-9s due at noon
 * on the 6th to the 3rd day before today (all past the 24-hour grace period: missed unless done),
 * and the client sending some of them.
 */
public final class AdherenceFixture {

    public static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    public static final String TITLE = "Mood check-in";

    private final ClientService clients;
    private final HomeworkPlans homework;
    private final TodayService todayService;
    private final EntryService entryService;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<UUID, HomewardUser> clientUsers = new HashMap<>();

    public AdherenceFixture(ClientService clients, HomeworkPlans homework, TodayService todayService,
                            EntryService entryService, JdbcTemplate jdbc, Clock clock) {
        this.clock = clock;
        this.clients = clients;
        this.homework = homework;
        this.todayService = todayService;
        this.entryService = entryService;
        this.jdbc = jdbc;
    }

    /** A client of {@code therapist} who has joined; leaves the therapist signed in. */
    public UUID activeClient(TestAccount therapist, String name) {
        therapist.signIn();
        ClientProfile client = clients.add(new NewClient(name, TestClinics.randomEmail(), ZONE.getId(), "en", null, false));
        UUID account = UUID.randomUUID();
        int linked = jdbc.update("update client set account_id = ?, status = 'ACTIVE' where id = ? and clinic_id = ?",
                account.toString(), client.id().toString(), therapist.clinicId().toString());
        assertThat(linked).isEqualTo(1);
        clientUsers.put(client.id(), TestUsers.principal(account, therapist.clinicId(), therapist.clinic().slug(),
                client.email(), client.displayName(), Role.CLIENT, 0));
        return client.id();
    }

    /** Four daily PHQ-9s due in the past week (6 to 3 days ago, at noon), with the client's confidence. */
    public UUID assignPastWeek(TestAccount therapist, UUID clientId, int confidence) {
        therapist.signIn();
        Schedule daily = new Schedule(Schedule.Kind.DAILY, TestTime.today(clock, ZONE).minusDays(6), null, 4, LocalTime.NOON,
                null, null, ZONE);
        return homework.assign(clientId, "phq-9", plan(TITLE, daily, confidence));
    }

    /** A plan that starts tomorrow, so nothing of it is due yet. */
    public UUID assignFromTomorrow(TestAccount therapist, UUID clientId, String title, int confidence) {
        therapist.signIn();
        Schedule daily = new Schedule(Schedule.Kind.DAILY, TestTime.today(clock, ZONE).plusDays(1), null, 3, LocalTime.NOON,
                null, null, ZONE);
        return homework.assign(clientId, "phq-9", plan(title, daily, confidence));
    }

    /**
     * The client sends their oldest overdue PHQ-9 (item 9 as given: above "not-at-all" raises an
     * alert) and, with {@code percent}, reflects (1–99: partly done, 0: not done). Leaves the client signed in.
     */
    public UUID sendOldest(UUID clientId, String item9, Integer percent) {
        TestUsers.signInAs(clientUsers.get(clientId));
        UUID occurrence = todayService.today().overdue().getFirst().occurrenceId();
        entryService.submit(occurrence, HomeworkLoopTest.phq9(item9), null);
        if (percent != null) {
            entryService.reflect(occurrence, new Reflection(percent, 6, 3, Set.of(), ""));
        }
        return occurrence;
    }

    /** The client sends their oldest overdue PHQ-9 with items 1–8 all at {@code level} and item 9 "not at all". */
    public UUID sendOldestAt(UUID clientId, String level) {
        TestUsers.signInAs(clientUsers.get(clientId));
        UUID occurrence = todayService.today().overdue().getFirst().occurrenceId();
        Map<String, Object> answers = new LinkedHashMap<>(HomeworkLoopTest.phq9("not-at-all"));
        for (int i = 1; i <= 8; i++) {
            answers.put("item" + i, level);
        }
        entryService.submit(occurrence, answers, null);
        return occurrence;
    }

    /** The signed-in client of {@code clientId} (after {@link #activeClient}). */
    public HomewardUser clientUser(UUID clientId) {
        return clientUsers.get(clientId);
    }

    /** A complete PHQ-9 with item 9 as given (above "not-at-all" raises a safety alert), for tests in other packages. */
    public static Map<String, Object> phq9(String item9) {
        return HomeworkLoopTest.phq9(item9);
    }

    public static AssignmentPlan plan(String title, Schedule schedule, int confidence) {
        return new AssignmentPlan(title, "Numbers instead of guesses.", "", "", "", schedule, Set.of(), "", "",
                confidence, confidence < 7, false, 1, null);
    }
}
