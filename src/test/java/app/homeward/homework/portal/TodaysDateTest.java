package app.homeward.homework.portal;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.WorksheetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new mood log starts with the client's today as its date (issue 14): today where the client lives, not where
 * the clinic or the server is; a saved draft keeps the date the client chose.
 */
class TodaysDateTest extends IntegrationTest {

    /** Kiritimati is UTC+14: at 11:00 UTC on 18 November it is already the 19th there, still the 18th in Madrid. */
    static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired WorksheetService worksheets;

    @Test
    void a_new_mood_log_starts_with_the_clients_today_and_a_draft_keeps_its_own_date() {
        clock.moveTo(Instant.parse("2026-11-18T11:00:00Z"));
        ClinicBranding clinic = testClinics.clinic();
        testClinics.account(clinic, Role.THERAPIST).signIn();
        ClientProfile profile = clients.add(new NewClient("Tia Moana", TestClinics.randomEmail(), KIRITIMATI.getId(), "en",
                null, false));
        HomewardUser client = testClinics.joined(clinic, profile);
        homework.assign(profile.id(), "mood-log", new AssignmentPlan("Mood log", "To see what lifts the mood.", null, null,
                null, Schedule.once(today(KIRITIMATI), LocalTime.of(22, 0), KIRITIMATI), null, null, null, 8, false,
                false, 1, null));

        TestUsers.signInAs(client);
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        assertThat(entryService.open(occurrence).answers()).isEqualTo(Map.of("date", "2026-11-19"));

        entryService.saveDraft(occurrence, Map.of("date", "2026-11-17", "mood", 4), null);
        assertThat(entryService.open(occurrence).answers()).containsEntry("date", "2026-11-17");
    }

    @Test
    void only_dates_meant_for_the_day_of_the_entry_start_filled_in() {
        testClinics.account(testClinics.clinic(), Role.THERAPIST).signIn();
        LocalDate day = LocalDate.of(2026, 11, 18);
        assertThat(EntryService.startingAnswers(worksheets.builtIn("exposure-practice", null).document(), day))
                .isEqualTo(Map.of("date", "2026-11-18"));
        assertThat(EntryService.startingAnswers(worksheets.builtIn("values-and-goals", null).document(), day))
                .as("a date to plan for stays empty").isEmpty();
        assertThat(EntryService.startingAnswers(worksheets.builtIn("sleep-diary", null).document(), day))
                .as("a table's dates are the client's to fill in").isEmpty();
    }
}
