package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.security.AccountService;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.TenantContext;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A safety alert always reaches a person (issue 13), on GreenMail and a moved clock: the client's therapist at
 * once, every active admin instead when the therapist's account is not active, and every active admin again,
 * once, when nobody acknowledged the alert within the clinic's escalation time (4 hours unless changed, "never"
 * allowed). Another clinic's admins hear nothing. No email says who or what.
 */
class AlertRoutingTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate DAY = LocalDate.of(2026, 11, 18);

    @Autowired ReminderFixture fixture;
    @Autowired ReminderDelivery delivery;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired HomeworkPlans homework;
    @Autowired SafetyAlerts safetyAlerts;
    @Autowired AccountService accounts;
    @Autowired AlertEscalation escalation;

    World world;
    TestAccount admin;
    TestAccount secondAdmin;
    TestAccount formerAdmin;

    @BeforeEach
    void aClinicWithATherapistAClientAndAdmins() {
        clock.moveTo(ZonedDateTime.of(DAY, LocalTime.of(9, 0), LONDON).toInstant());
        world = fixture.world(greenMail, LONDON, "en");
        admin = testClinics.account(world.clinic(), Role.CLINIC_ADMIN);
        secondAdmin = testClinics.account(world.clinic(), Role.CLINIC_ADMIN);
        formerAdmin = testClinics.account(world.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        accounts.deactivate(formerAdmin.id());
        TestUsers.signOut();
        fixture.assignPhq9Once(world, DAY);
        TestUsers.signOut();
    }

    @Test
    void an_alert_for_a_client_of_a_deactivated_therapist_reaches_every_active_admin_at_once() throws Exception {
        admin.signIn();
        accounts.deactivate(world.therapist().id());
        TestUsers.signOut();

        raiseAlert();
        deliver(); // the therapist's notice finds the account inactive and gives way to one per admin, due now
        deliver(); // the clinic's task runs again at once (it is told the next due time): the admins' notices go

        for (TestAccount told : List.of(admin, secondAdmin)) {
            MimeMessage mail = Mails.awaitTo(greenMail, told.email(), 1).getLast();
            assertNothingClinical(mail, "needs your attention");
        }
        assertThat(attentionMailsTo(world.therapist())).isEmpty();
        assertThat(attentionMailsTo(formerAdmin)).isEmpty();
        assertThat(fixture.staffRemindersOf(world, world.therapist().id())).singleElement().satisfies(r -> {
            assertThat(r.getState()).isEqualTo(ReminderState.CANCELLED);
            assertThat(r.getLastError()).isEqualTo("sent-to-admins");
        });
        admin.signIn();
        assertThat(safetyAlerts.openAlerts()).as("the alerts page says who was emailed").allSatisfy(alert ->
                assertThat(alert.told()).extracting(AlertSummary.Told::name, AlertSummary.Told::stillOpen)
                        .containsExactlyInAnyOrder(tuple(admin.displayName(), false), tuple(secondAdmin.displayName(), false)));
        TestUsers.signOut();
    }

    @Test
    void an_alert_nobody_acknowledges_goes_to_every_active_admin_once_after_four_hours() throws Exception {
        raiseAlert();
        deliver();
        assertThat(Mails.awaitTo(greenMail, world.therapist().email(), 1)).isNotEmpty();
        assertThat(attentionMailsTo(admin)).as("the therapist was told; the admins not yet").isEmpty();

        clock.moveBy(Duration.ofHours(4).minusMinutes(1));
        deliver();
        assertThat(stillOpenMailsTo(admin)).isEmpty();

        clock.moveBy(Duration.ofMinutes(2));
        deliver();
        deliver();
        for (TestAccount told : List.of(admin, secondAdmin)) {
            Mails.awaitTo(greenMail, told.email(), 1);
            assertThat(stillOpenMailsTo(told)).as(told.email()).hasSize(1);
            assertNothingClinical(stillOpenMailsTo(told).getFirst(), "still open");
        }
        assertThat(stillOpenMailsTo(formerAdmin)).isEmpty();
        assertThat(stillOpenMailsTo(world.therapist())).isEmpty();
        admin.signIn();
        assertThat(safetyAlerts.openAlerts().getFirst().told()).extracting(AlertSummary.Told::name, AlertSummary.Told::stillOpen)
                .containsExactlyInAnyOrder(tuple(world.therapist().displayName(), false),
                        tuple(admin.displayName(), true), tuple(secondAdmin.displayName(), true));
        TestUsers.signOut();

        clock.moveBy(Duration.ofHours(8));
        deliver();
        assertThat(stillOpenMailsTo(admin)).as("once").hasSize(1);
    }

    @Test
    void an_alert_acknowledged_in_time_does_not_go_to_the_admins() {
        raiseAlert();
        deliver();
        world.therapist().signIn();
        safetyAlerts.acknowledge(safetyAlerts.openAlerts().getFirst().id(), "Called the client; safe, plan agreed.");
        TestUsers.signOut();

        clock.moveBy(Duration.ofHours(5));
        deliver();

        assertThat(stillOpenMailsTo(admin)).isEmpty();
        assertThat(escalationRows()).singleElement().satisfies(r -> {
            assertThat(r.getState()).isEqualTo(ReminderState.CANCELLED);
            assertThat(r.getLastError()).isEqualTo("acknowledged");
        });
    }

    @Test
    void a_clinic_chooses_its_escalation_time_or_never() {
        admin.signIn();
        assertThat(escalation.hours()).as("the default").isEqualTo(4);
        escalation.change(1);
        assertThat(escalation.hours()).isEqualTo(1);
        assertThatThrownBy(() -> escalation.change(3)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> escalation.change(null)).isInstanceOf(DomainException.class);
        escalation.change(0);
        assertThat(escalation.hours()).isZero();
        TestUsers.signOut();

        raiseAlert();
        deliver();
        clock.moveBy(Duration.ofHours(30));
        deliver();

        assertThat(escalationRows()).as("never: no escalation is planned").isEmpty();
        assertThat(stillOpenMailsTo(admin)).isEmpty();
    }

    @Test
    void only_an_admin_changes_the_escalation_time_and_only_for_their_own_clinic() {
        world.therapist().signIn();
        assertThatThrownBy(() -> escalation.change(8)).isInstanceOf(AuthorizationDeniedException.class);
        TestUsers.signOut();

        World other = fixture.world(greenMail, LONDON, "en");
        TestAccount otherAdmin = testClinics.account(other.clinic(), Role.CLINIC_ADMIN);
        otherAdmin.signIn();
        escalation.change(0);
        TestUsers.signOut();

        Instant before = clock.instant();
        raiseAlert();
        assertThat(escalationRows()).as("clinic A keeps its 4 hours").singleElement()
                .satisfies(r -> assertThat(r.getDueAt()).isBetween(before.plus(Duration.ofHours(4)).minusMillis(1),
                        clock.instant().plus(Duration.ofHours(4))));
        clock.moveBy(Duration.ofHours(5));
        deliver();
        deliver();
        Mails.awaitTo(greenMail, admin.email(), 1);
        assertThat(stillOpenMailsTo(admin)).hasSize(1);
        assertThat(attentionMailsTo(otherAdmin)).isEmpty();
        assertThat(stillOpenMailsTo(otherAdmin)).as("another clinic's admins hear nothing").isEmpty();
    }

    private void raiseAlert() {
        TestUsers.signInAs(world.client());
        var submitted = entryService.submit(todayService.today().dueNow().getFirst().occurrenceId(),
                AdherenceFixture.phq9("several-days"), null);
        TestUsers.signOut();
        assertThat(submitted.alerted()).isTrue();
    }

    private void deliver() {
        delivery.deliverDue(world.clinic().id());
    }

    private List<Reminder> escalationRows() {
        return TenantContext.callAs(world.clinic().id(), () -> fixture.remindersOfKind(ReminderKind.ESCALATION));
    }

    private static List<MimeMessage> attentionMailsTo(TestAccount account) {
        return Mails.to(greenMail, account.email()).stream()
                .filter(m -> Mails.subject(m).contains("needs your attention")).toList();
    }

    private static List<MimeMessage> stillOpenMailsTo(TestAccount account) {
        return Mails.to(greenMail, account.email()).stream()
                .filter(m -> Mails.subject(m).contains("still open")).toList();
    }

    private void assertNothingClinical(MimeMessage mail, String says) throws Exception {
        String everything = Mails.subject(mail) + "\n" + Mails.text(mail) + "\n" + Mails.html(mail);
        assertThat(everything).contains(says).contains("http://localhost:8080/app/alerts");
        assertThat(Mails.everythingBut(mail, world.clinic().slug(), world.clinic().name(), admin.displayName(),
                secondAdmin.displayName(), world.therapist().displayName()))
                .doesNotContain("phq", "item 9", "secret mood", "several days",
                        world.name().toLowerCase(Locale.ROOT), world.email());
    }
}
