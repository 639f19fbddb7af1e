package app.homeward.staff;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientService;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.reminder.ReminderFixture;
import app.homeward.security.AccountService;
import app.homeward.security.AccountStatus;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deactivating a therapist who still has clients hands the clients, with their open safety alerts, to a colleague
 * the admin names, in one step; without one it is refused with a message that says why. Clinic B cannot touch
 * clinic A's staff or name clinic A's people as successors.
 */
class TeamServiceTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired TeamService team;
    @Autowired ReminderFixture fixture;
    @Autowired ClientService clients;
    @Autowired AccountService accounts;
    @Autowired HomeworkPlans homework;
    @Autowired SafetyAlerts safetyAlerts;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;

    World world;
    TestAccount admin;
    TestAccount colleague;

    @BeforeEach
    void aTherapistWithAClientWhoseAnswersRaisedAnAlert() {
        world = fixture.world(greenMail, ZoneId.of("Europe/London"), "en");
        admin = testClinics.account(world.clinic(), Role.CLINIC_ADMIN);
        colleague = testClinics.account(world.clinic(), Role.THERAPIST);
        fixture.assignPhq9Once(world, today(ZoneId.of("Europe/London")));
        TestUsers.signInAs(world.client());
        assertThat(entryService.submit(todayService.today().dueNow().getFirst().occurrenceId(),
                AdherenceFixture.phq9("several-days"), null).alerted()).isTrue();
        TestUsers.signOut();
    }

    @Test
    void deactivating_a_therapist_with_clients_needs_a_successor_who_then_has_the_clients_and_their_alerts() {
        admin.signIn();
        assertThat(team.clientsOf(world.therapist().id())).isEqualTo(1);
        assertThatThrownBy(() -> team.deactivate(world.therapist().id(), null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("staff.deactivate.successor-required"));
        assertThat(accounts.staff()).filteredOn(a -> a.id().equals(world.therapist().id()))
                .extracting(a -> a.status()).containsExactly(AccountStatus.ACTIVE);

        team.deactivate(world.therapist().id(), colleague.id());

        assertThat(clients.profile(world.clientId()).therapistId()).isEqualTo(colleague.id());
        assertThat(accounts.staff()).filteredOn(a -> a.id().equals(world.therapist().id()))
                .extracting(a -> a.status()).containsExactly(AccountStatus.DEACTIVATED);
        colleague.signIn();
        assertThat(safetyAlerts.openAlerts()).extracting(AlertSummary::clientId).containsExactly(world.clientId());
    }

    @Test
    void a_staff_member_without_clients_is_deactivated_without_a_successor() {
        admin.signIn();
        assertThat(team.clientsOf(colleague.id())).isZero();
        assertThat(team.deactivate(colleague.id(), null).status()).isEqualTo(AccountStatus.DEACTIVATED);
    }

    @Test
    void the_successor_must_be_an_active_colleague_of_the_same_clinic_and_only_admins_do_this() {
        World other = fixture.world(greenMail, ZoneId.of("Europe/London"), "en");
        TestAccount otherAdmin = testClinics.account(other.clinic(), Role.CLINIC_ADMIN);

        admin.signIn();
        assertThatThrownBy(() -> team.deactivate(world.therapist().id(), other.therapist().id()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> team.deactivate(world.therapist().id(), world.therapist().id()))
                .isInstanceOf(DomainException.class);
        otherAdmin.signIn();
        assertThat(team.clientsOf(world.therapist().id())).as("clinic B sees none of clinic A's clients").isZero();
        assertThatThrownBy(() -> team.deactivate(world.therapist().id(), other.therapist().id()))
                .isInstanceOf(NotFoundException.class);
        colleague.signIn();
        assertThatThrownBy(() -> team.deactivate(world.therapist().id(), colleague.id()))
                .isInstanceOf(AuthorizationDeniedException.class);
        TestUsers.signOut();

        admin.signIn();
        assertThat(clients.profile(world.clientId()).therapistId()).as("nothing moved").isEqualTo(world.therapist().id());
    }
}
