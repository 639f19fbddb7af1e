package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.HomeworkWord;
import app.homeward.homework.HomeworkSettingsService;
import app.homeward.homework.portal.TodayService;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic's word for homework in its clients' emails (decision 0046), on a real SMTP server: the invitation
 * and the planned reminder of a "practice" clinic say practice (English) and práctica (Spanish) and never
 * homework or tarea; "remind now" too; and a client of another clinic, whose reminders go out in the same run of
 * the same application, keeps reading homework.
 */
class ClinicWordInEmailsTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final LocalDate DAY = LocalDate.of(2027, 5, 10);

    @Autowired ReminderFixture fixture;
    @Autowired ReminderDelivery delivery;
    @Autowired ReminderService reminderService;
    @Autowired TodayService todayService;
    @Autowired HomeworkSettingsService homeworkSettings;

    @BeforeEach
    void atNoon() {
        clock.moveTo(ZonedDateTime.of(DAY, LocalTime.NOON, ZONE).toInstant());
    }

    @Test
    void a_practice_clinics_client_is_invited_to_and_reminded_of_practice_in_english() throws Exception {
        World world = practiceClient("en");

        MimeMessage invitation = Mails.to(greenMail, world.email()).getFirst();
        assertThat(Mails.text(invitation)).contains("invites you to your practice portal on Homeward")
                .doesNotContainIgnoringCase("homework");

        MimeMessage reminder = plannedReminder(world);
        assertThat(Mails.subject(reminder)).isEqualTo("Practice waiting in your portal · " + world.clinic().name());
        assertThat(Mails.text(reminder)).contains("You have practice waiting in your portal.")
                .contains("Open my practice").doesNotContainIgnoringCase("homework");
        assertThat(Mails.html(reminder)).contains("uses Homeward for your practice").doesNotContainIgnoringCase("homework");
    }

    @Test
    void a_practice_clinics_spanish_client_reads_practica_and_never_tarea() throws Exception {
        World world = practiceClient("es");

        MimeMessage invitation = Mails.to(greenMail, world.email()).getFirst();
        assertThat(Mails.text(invitation)).contains("te invita a tu portal de prácticas").doesNotContainIgnoringCase("tarea");

        MimeMessage reminder = plannedReminder(world);
        assertThat(Mails.subject(reminder)).isEqualTo("Tienes prácticas en tu portal · " + world.clinic().name());
        assertThat(Mails.text(reminder)).contains("Tienes prácticas esperándote en tu portal.")
                .doesNotContainIgnoringCase("tarea");
        assertThat(Mails.html(reminder)).doesNotContainIgnoringCase("tarea");
    }

    @Test
    void remind_now_says_the_clinics_word() throws Exception {
        World world = practiceClient("en");
        fixture.assignDaily(world, DAY, LocalTime.of(11, 0), 1);
        TestUsers.signInAs(world.client());
        UUID open = todayService.today().overdue().stream().findFirst()
                .or(() -> todayService.today().dueNow().stream().findFirst()).orElseThrow().occurrenceId();
        world.therapist().signIn();
        reminderService.remindNow(open);
        TestUsers.signOut();
        delivery.deliverDue(world.clinic().id());

        MimeMessage reminder = Mails.awaitTo(greenMail, world.email(), 2).getLast();
        assertThat(Mails.subject(reminder)).startsWith("Practice waiting in your portal");
        assertThat(Mails.text(reminder)).doesNotContainIgnoringCase("homework");
    }

    @Test
    void a_client_of_another_clinic_keeps_homework_in_the_same_delivery_run() throws Exception {
        World practice = practiceClient("en");
        World other = fixture.world(greenMail, ZONE, "es");
        fixture.assignDaily(other, DAY, LocalTime.of(19, 0), 1);

        MimeMessage practiceReminder = plannedReminder(practice);
        delivery.deliverDue(other.clinic().id());
        MimeMessage otherInvitation = Mails.to(greenMail, other.email()).getFirst();
        MimeMessage otherReminder = Mails.awaitTo(greenMail, other.email(), 2).getLast();

        assertThat(Mails.subject(practiceReminder)).startsWith("Practice");
        assertThat(Mails.text(otherInvitation)).contains("tu portal de tareas").doesNotContain("práctica");
        assertThat(Mails.subject(otherReminder)).isEqualTo("Tienes tareas en tu portal · " + other.clinic().name());
        assertThat(Mails.text(otherReminder)).contains("Tienes tareas esperándote en tu portal.")
                .doesNotContain("práctica");
    }

    /** A client who joined a clinic that chose "practice" before inviting them. */
    private World practiceClient(String language) {
        ClinicBranding clinic = fixture.clinics.clinic();
        TestAccount admin = fixture.clinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();
        homeworkSettings.change(7, 24, HomeworkWord.PRACTICE);
        TestUsers.signOut();
        TestAccount therapist = fixture.clinics.account(clinic, Role.THERAPIST);
        return fixture.join(greenMail, clinic, therapist, ZONE, language);
    }

    /** A plan due at 19:00, and its reminder delivered then: the client's second email. */
    private MimeMessage plannedReminder(World world) {
        fixture.assignDaily(world, DAY, LocalTime.of(19, 0), 1);
        Reminder planned = fixture.pending(world).stream().filter(r -> r.getKind() == ReminderKind.PLANNED)
                .findFirst().orElseThrow();
        clock.moveTo(planned.getDueAt().plusSeconds(5));
        delivery.deliverDue(world.clinic().id());
        List<MimeMessage> mails = Mails.awaitTo(greenMail, world.email(), 2);
        return mails.getLast();
    }
}
