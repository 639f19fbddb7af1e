package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.base.DomainException;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.HomeworkDownloads;
import app.homeward.homework.portal.TodayService;
import app.homeward.mail.MailIdentities;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.security.AccountService;
import app.homeward.security.ClinicLinks;
import app.homeward.security.PasswordResetService;
import app.homeward.security.RateLimits;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The discreet sender: with it on, no email of any kind (invitation, password reset, reminder, daily
 * digest, safety-alert notice, "your clinic links") and no calendar file names the clinic, in the From
 * display name, the subject, the text or the HTML; they show the neutral name instead. Off, they are as
 * before. Only the clinic's admin changes it, for their own clinic only.
 */
class DiscreetSenderTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2027, 3, 24);
    static final String NEUTRAL = "Riverside notices";

    @Autowired ReminderFixture fixture;
    @Autowired ReminderDelivery delivery;
    @Autowired MailIdentities identities;
    @Autowired PasswordResetService resets;
    @Autowired ClinicLinks clinicLinks;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired HomeworkDownloads downloads;
    @Autowired AccountService accountService;
    @Autowired RateLimits limits;

    ClinicBranding clinic;
    TestAccount admin;
    TestAccount therapist;

    @BeforeEach
    void aClinicWithARevealingName() {
        clock.moveTo(ZonedDateTime.of(DAY, LocalTime.NOON, BERLIN).toInstant());
        limits.reset();
        clinic = testClinics.clinic("Harbour Eating Disorder Clinic " + TestClinics.random(4));
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        therapist = testClinics.account(clinic, Role.THERAPIST);
    }

    @Test
    void with_the_discreet_sender_no_email_and_no_calendar_file_names_the_clinic() throws Exception {
        admin.signIn();
        identities.update(true, NEUTRAL);
        TestUsers.signOut();

        // invitation (the client joins through it), reminder, safety-alert notice, digest
        World world = fixture.join(greenMail, clinic, therapist, BERLIN, "en");
        UUID daily = fixture.assignDaily(world, DAY, LocalTime.of(19, 0), 2);
        fixture.assignPhq9Once(world, DAY);
        therapist.signIn();
        accountService.changeMyDigest(LocalTime.of(18, 0), "Europe/Berlin");
        TestUsers.signInAs(world.client());
        var phq9 = todayService.today().dueNow().stream().filter(o -> !o.assignmentId().equals(daily)).findFirst().orElseThrow();
        assertThat(entryService.submit(phq9.occurrenceId(), AdherenceFixture.phq9("several-days"), null)
                .alerted()).isTrue();
        String ics = downloads.calendar(daily);
        TestUsers.signOut();
        delivery.deliverDue(clinic.id()); // the alert notice, and plans the digest
        clock.moveTo(ZonedDateTime.of(DAY, LocalTime.of(19, 0, 5), BERLIN).toInstant());
        delivery.deliverDue(clinic.id()); // the digest (18:00) and the reminder (19:00)
        // password reset, and "email me my clinic links"
        resets.requestReset(clinic.slug(), world.email(), TestClinics.randomIp());
        clinicLinks.emailLinks(world.email(), TestClinics.randomIp());

        List<MimeMessage> client = Mails.awaitTo(greenMail, world.email(), 4);
        List<MimeMessage> staff = Mails.awaitTo(greenMail, therapist.email(), 2);
        assertThat(client).extracting(Mails::subject).hasSize(4)
                .anyMatch(s -> s.startsWith("You're invited to " + NEUTRAL))
                .anyMatch(s -> s.equals("Homework waiting in your portal · " + NEUTRAL))
                .anyMatch(s -> s.equals("Reset your password for " + NEUTRAL))
                .anyMatch(s -> s.equals("Your clinic links on Homeward"));
        assertThat(staff).extracting(Mails::subject)
                .containsExactlyInAnyOrder("A client needs your attention at " + NEUTRAL,
                        "Your daily Homeward digest · " + NEUTRAL);
        for (MimeMessage mail : concat(client, staff)) {
            String subject = Mails.subject(mail);
            assertThat(everything(mail)).as(subject).doesNotContainIgnoringCase(clinic.name())
                    .doesNotContainIgnoringCase("Eating Disorder");
            if (!subject.startsWith("Your clinic links")) {
                assertThat(fromName(mail)).as(subject).isEqualTo(NEUTRAL);
            }
        }
        MimeMessage links = client.stream().filter(m -> Mails.subject(m).startsWith("Your clinic links")).findFirst().orElseThrow();
        assertThat(Mails.text(links)).contains(NEUTRAL + ": http://localhost:8080/c/" + clinic.slug());
        assertThat(ics).contains("SUMMARY:Homework · " + NEUTRAL).doesNotContainIgnoringCase("Eating Disorder");
    }

    @Test
    void without_a_name_of_its_own_the_clinic_is_appointments_or_citas_in_each_persons_language() throws Exception {
        admin.signIn();
        identities.update(true, "");
        TestUsers.signOut();

        World world = fixture.join(greenMail, clinic, therapist, BERLIN, "es");
        UUID daily = fixture.assignDaily(world, DAY, LocalTime.of(19, 0), 1);
        TestUsers.signInAs(world.client());
        String ics = downloads.calendar(daily);
        TestUsers.signOut();
        clock.moveTo(ZonedDateTime.of(DAY, LocalTime.of(19, 0, 5), BERLIN).toInstant());
        delivery.deliverDue(clinic.id());

        List<MimeMessage> mails = Mails.awaitTo(greenMail, world.email(), 2);
        MimeMessage reminder = mails.getLast();
        assertThat(Mails.subject(reminder)).isEqualTo("Tienes tareas en tu portal · Citas");
        assertThat(fromName(reminder)).isEqualTo("Citas");
        assertThat(everything(reminder)).doesNotContainIgnoringCase(clinic.name());
        assertThat(ics).contains("SUMMARY:Tarea · Citas").doesNotContainIgnoringCase(clinic.name());
        admin.signIn();
        assertThat(identities.settings(Locale.ENGLISH).defaultName()).isEqualTo("Appointments");
    }

    @Test
    void with_the_discreet_sender_off_emails_name_the_clinic_as_before() throws Exception {
        admin.signIn();
        identities.update(true, NEUTRAL);
        identities.update(false, NEUTRAL);
        TestUsers.signOut();
        TestAccount client = testClinics.account(clinic, Role.CLIENT);

        resets.requestReset(clinic.slug(), client.email(), TestClinics.randomIp());

        MimeMessage mail = Mails.awaitTo(greenMail, client.email(), 1).getFirst();
        assertThat(Mails.subject(mail)).isEqualTo("Reset your password for " + clinic.name());
        assertThat(fromName(mail)).isEqualTo("Homeward");
        assertThat(everything(mail)).doesNotContain(NEUTRAL);
    }

    @Test
    void the_neutral_name_must_be_plain_and_must_not_give_the_clinic_away() {
        admin.signIn();

        assertThatThrownBy(() -> identities.update(true, "Appointments <care@" + clinic.slug() + ".example>"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("neutralName");
                    assertThat(e.messageKey()).isEqualTo("settings.mail.neutral-characters");
                });
        assertThatThrownBy(() -> identities.update(true, "Notes from " + clinic.name().toUpperCase(Locale.ROOT)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("settings.mail.neutral-is-clinic"));
        assertThatThrownBy(() -> identities.update(true, "x".repeat(61)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("validation.too-long"));
        identities.update(true, "  Riverside\u202E notices \n");
        assertThat(identities.settings(Locale.ENGLISH).neutralName()).isEqualTo("Riverside notices");
    }

    @Test
    void only_the_clinic_admin_changes_it_and_only_for_their_own_clinic() {
        therapist.signIn();
        assertThatThrownBy(() -> identities.update(true, NEUTRAL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> identities.settings(Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);

        ClinicBranding other = testClinics.clinic();
        TestAccount otherAdmin = testClinics.account(other, Role.CLINIC_ADMIN);
        admin.signIn();
        identities.update(true, NEUTRAL);
        otherAdmin.signIn();
        assertThat(identities.settings(Locale.ENGLISH).discreet()).as("clinic B does not see A's setting").isFalse();
        identities.update(true, "Other notices");
        admin.signIn();
        assertThat(identities.settings(Locale.ENGLISH).neutralName()).as("B's change left A's alone").isEqualTo(NEUTRAL);
        TestUsers.signOut();
        assertThat(identities.sender(clinic.id()).neutralName()).isEqualTo(NEUTRAL);
        assertThat(identities.sender(other.id()).neutralName()).isEqualTo("Other notices");
    }

    private static String fromName(MimeMessage mail) throws MessagingException {
        return ((InternetAddress) mail.getFrom()[0]).getPersonal();
    }

    private static String everything(MimeMessage mail) {
        try {
            return mail.getHeader("From", ",") + "\n" + Mails.subject(mail) + "\n" + Mails.text(mail) + "\n" + Mails.html(mail);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> concat(List<MimeMessage> a, List<MimeMessage> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
