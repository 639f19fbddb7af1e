package app.homeward.homework.adherence;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.HomeworkCard;
import app.homeward.homework.portal.TodayPage;
import app.homeward.homework.portal.TodayService;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

/**
 * The caseload list, the adherence page and the client's adherence panel count the same homework the
 * same way at any hour, for clients on either side of the date line (the clinic is in Madrid):
 * Kiritimati (UTC+14) lives a calendar day ahead of UTC most of the day, Pago Pago (UTC−11) a day
 * behind; New York changes its clocks. The clock is set to each instant; nothing depends on the hour
 * the suite runs at.
 * <p>
 * The client's plan in every case: a daily task at 00:01 their time on days D−3 to D. They do D−3's
 * (at noon that day) and D's (at 00:20 on D, early in their day); D−2 and D−1 are missed (the grace
 * period is 24 hours). So at any instant on D the numbers are 4 counted, 2 done, 2 missed — except
 * when the client's D is already the next week while the clinic is still on Sunday: the window's
 * weeks are the clinic's, so D counts once the clinic's week has turned (3 counted, 1 done, 2 missed).
 */
class AdherenceAtAnyHourTest extends IntegrationTest {

    static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 18);

    @Autowired ClientService clientService;
    @Autowired HomeworkPlans homework;
    @Autowired CaseloadOverview caseloads;
    @Autowired AdherenceService adherence;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired JdbcTemplate jdbc;

    static Stream<Arguments> instants() {
        // New York leaves daylight saving time on Sunday 1 November 2026 at 02:00 EDT (01:00 EST)
        ZonedDateTime beforeTheChange = ZonedDateTime.ofStrict(LocalDateTime.of(2026, 11, 1, 1, 30),
                ZoneOffset.ofHours(-4), NEW_YORK);
        ZonedDateTime afterTheChange = ZonedDateTime.ofStrict(LocalDateTime.of(2026, 11, 1, 1, 30),
                ZoneOffset.ofHours(-5), NEW_YORK);
        return Stream.of(
                Arguments.of(named("Kiritimati just after midnight (UTC still the day before)",
                        ZonedDateTime.of(WEDNESDAY, LocalTime.of(0, 30), KIRITIMATI)), 4, 2, 2),
                Arguments.of(named("Kiritimati just before midnight",
                        ZonedDateTime.of(WEDNESDAY, LocalTime.of(23, 30), KIRITIMATI)), 4, 2, 2),
                Arguments.of(named("Kiritimati on Monday while the clinic is still on Sunday",
                        ZonedDateTime.of(LocalDate.of(2026, 11, 23), LocalTime.of(0, 30), KIRITIMATI)), 3, 1, 2),
                Arguments.of(named("Pago Pago just after midnight",
                        ZonedDateTime.of(WEDNESDAY, LocalTime.of(0, 30), PAGO_PAGO)), 4, 2, 2),
                Arguments.of(named("Pago Pago on Sunday night while the clinic is already on Monday",
                        ZonedDateTime.of(LocalDate.of(2026, 11, 22), LocalTime.of(23, 30), PAGO_PAGO)), 4, 2, 2),
                Arguments.of(named("New York at 01:30 before the clocks go back", beforeTheChange), 4, 2, 2),
                Arguments.of(named("New York at 01:30 after the clocks went back", afterTheChange), 4, 2, 2));
    }

    @ParameterizedTest
    @MethodSource("instants")
    void the_caseload_and_the_adherence_pages_show_the_same_numbers_at_any_hour(ZonedDateTime at, int counted,
                                                                                 int done, int missed) {
        ZoneId zone = at.getZone();
        LocalDate day = at.toLocalDate();
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        clock.moveTo(day.minusDays(3).atTime(LocalTime.NOON).atZone(zone).toInstant());
        therapist.signIn();
        ClientProfile client = clientService.add(new NewClient("Tess Date-Line", TestClinics.randomEmail(), zone.getId(),
                "en", null, false));
        HomewardUser clientUser = joined(client, therapist);
        homework.assign(client.id(), "mood-log", AdherenceFixture.plan("Mood log",
                new Schedule(Schedule.Kind.DAILY, day.minusDays(3), null, 4, LocalTime.of(0, 1), null, null, zone), 8));
        TestUsers.signInAs(clientUser);
        send(day.minusDays(3));
        clock.moveTo(day.atTime(0, 20).atZone(zone).toInstant());
        send(day);

        clock.moveTo(at.toInstant());
        therapist.signIn();
        AdherenceStats inTheCaseload = caseloads.caseload(null, false, false, 0, 50).stream()
                .filter(row -> row.client().id().equals(client.id())).findFirst().orElseThrow().lastFourWeeks();
        AdherenceStats onTheClientsPanel = adherence.client(client.id(), AdherenceWindow.CASELOAD_WEEKS).stats();
        AdherenceStats onTheAdherencePage = adherence.caseload(AdherenceWindow.CASELOAD_WEEKS).clients().stream()
                .filter(row -> row.clientId().equals(client.id())).findFirst().orElseThrow().stats();

        assertThat(inTheCaseload).isEqualTo(onTheClientsPanel).isEqualTo(onTheAdherencePage);
        assertThat(inTheCaseload.counted()).as("counted").isEqualTo(counted);
        assertThat(inTheCaseload.done()).as("done").isEqualTo(done);
        assertThat(inTheCaseload.missed()).as("missed").isEqualTo(missed);
    }

    /** The client does the task of that day (their calendar), as it stands on Today. */
    private void send(LocalDate day) {
        TodayPage today = todayService.today();
        HomeworkCard card = Stream.of(today.dueNow(), today.overdue()).flatMap(List::stream)
                .filter(c -> c.due().toLocalDate().equals(day)).findFirst().orElseThrow();
        entryService.submit(card.occurrenceId(), Map.of("date", day.toString(), "mood", 6), null);
    }

    /** Linked to an account id as accepting the invitation would (the invitation flow has tests of its own). */
    private HomewardUser joined(ClientProfile client, TestAccount therapist) {
        UUID account = UUID.randomUUID();
        int linked = jdbc.update("update client set account_id = ?, status = 'ACTIVE' where id = ? and clinic_id = ?",
                account.toString(), client.id().toString(), therapist.clinicId().toString());
        assertThat(linked).isEqualTo(1);
        return TestUsers.principal(account, therapist.clinicId(), therapist.clinic().slug(), client.email(),
                client.displayName(), Role.CLIENT, 0);
    }
}
