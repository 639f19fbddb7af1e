package app.homeward.homework.portal;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
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
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's Today card says which of their goals a homework serves (issue 14); never another's goal. */
class GoalOnTodayCardTest extends IntegrationTest {

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;

    ZoneId zone = ZoneId.of("Europe/Lisbon");

    record Active(UUID id, HomewardUser user) {
    }

    private Active activeClient(ClinicBranding clinic, String name) {
        ClientProfile profile = clients.add(new NewClient(name, TestClinics.randomEmail(), zone.getId(), "en", null, false));
        return new Active(profile.id(), testClinics.joined(clinic, profile));
    }

    @Test
    void the_card_names_the_goal_and_a_plan_without_one_names_none() {
        clock.moveTo(ZonedDateTime.of(today(zone), LocalTime.of(9, 0), zone).toInstant());
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        Active ines = activeClient(clinic, "Ines Lobo");
        UUID inesId = ines.id();
        UUID sleep = clients.addGoal(inesId, "Sleep through the night").id();
        homework.assign(inesId, "sleep-diary", new AssignmentPlan("Sleep diary", "To see what helps sleep.", null, null,
                null, Schedule.once(today(zone), LocalTime.of(21, 0), zone), null, null, null, 8, false, false, 1, sleep));
        homework.assign(inesId, "mood-log", new AssignmentPlan("Mood log", "To see what lifts the mood.", null, null,
                null, Schedule.once(today(zone), LocalTime.of(22, 0), zone), null, null, null, 8, false, false, 1, null));

        TestUsers.signInAs(ines.user());
        assertThat(todayService.today().dueNow()).extracting(HomeworkCard::title, HomeworkCard::goal).containsExactlyInAnyOrder(
                Tuple.tuple("Sleep diary", "Sleep through the night"),
                Tuple.tuple("Mood log", ""));

        // another client of the same clinic asking for Ines's goal by its id gets nothing
        therapist.signIn();
        Active other = activeClient(clinic, "Oscar Pardo");
        TestUsers.signInAs(other.user());
        assertThat(clients.myGoalTexts(List.of(sleep))).isEmpty();
    }
}
