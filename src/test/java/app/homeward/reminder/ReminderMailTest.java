package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.TestTime;
import app.homeward.client.ClientDirectory.ClientContact;
import app.homeward.client.ClientStatus;
import app.homeward.mail.ClinicSender;
import app.homeward.mail.OutgoingMail;
import app.homeward.reminder.ReminderMail.StaffNotice;
import app.homeward.reminder.ReminderMail.ToClient;
import app.homeward.reminder.ReminderMail.ToStaff;
import app.homeward.security.AccountDirectory.Contact;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composer alone: each reminder email in the right language, with the clinic's branding, its links
 * and headers, and nothing about the homework or the person beyond the greeting. Delivery tests cover
 * the same emails end to end; these pin down who decides what goes in.
 */
class ReminderMailTest extends IntegrationTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant NOW = TestTime.START;

    @Autowired ReminderMail composer;

    final ClinicBranding clinic = new ClinicBranding(UUID.randomUUID(), "sunrise-" + UUID.randomUUID().toString().substring(0, 8),
            "Sunrise Therapy", "#123abc", false, 0, BERLIN, "en", ClinicStatus.ACTIVE, NOW, null);
    final ReminderRules rules = new ReminderRules(clinic, true, LocalTime.of(22, 0), LocalTime.of(7, 0), 24, 24, 48, true);
    final ClinicSender sender = ClinicSender.ownName(clinic.id());

    @Test
    void a_clients_reminder_speaks_the_clients_language_links_to_the_clinic_page_and_names_no_homework() {
        Reminder reminder = Reminder.forClient(ReminderKind.DUE_SOON, UUID.randomUUID(), UUID.randomUUID(),
                NOW, NOW);
        ClientContact client = client("es");

        OutgoingMail mail = composer.compose(new ToClient(reminder, client, account(null)), rules, sender);

        assertThat(mail.message().to()).isEqualTo("robin@example.test");
        assertThat(mail.message().subject()).startsWith("Tienes tareas en tu portal")
                .doesNotContain("Robin").doesNotContain("robin@example.test");
        assertThat(mail.message().text()).contains("Tu tarea vence pronto").contains("/c/" + clinic.slug())
                .contains("?lang=es")
                .doesNotContain(reminder.getOccurrenceId().toString());
        assertThat(mail.message().html()).contains("#123abc").contains("Sunrise Therapy");
        assertThat(mail.messageId()).isEqualTo("<reminder-" + reminder.getId() + "@localhost>");
        assertThat(mail.headers()).containsEntry("Auto-Submitted", "auto-generated")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .hasEntrySatisfying("List-Unsubscribe", value -> assertThat(value)
                        .startsWith("<http://localhost:8080/unsubscribe/one-click/" + clinic.id() + "/"));
        assertThat(reminder.getUnsubscribeHash()).as("the row keeps the secret's hash").isNotNull()
                .satisfies(hash -> assertThat(mail.message().text()).doesNotContain(hash));
    }

    @Test
    void without_a_language_of_the_clients_own_the_account_then_the_clinic_decides() {
        Reminder first = Reminder.forClient(ReminderKind.DUE_SOON, UUID.randomUUID(), null, NOW, NOW);
        Reminder second = Reminder.forClient(ReminderKind.DUE_SOON, UUID.randomUUID(), null, NOW, NOW);

        OutgoingMail byAccount = composer.compose(new ToClient(first, client(null), account("es")), rules, sender);
        OutgoingMail byClinic = composer.compose(new ToClient(second, client(null), account(null)), rules, sender);

        assertThat(byAccount.message().text()).contains("?lang=es");
        assertThat(byClinic.message().subject()).startsWith("Homework waiting in your portal");
        assertThat(byClinic.message().text()).contains("?lang=en");
    }

    @Test
    void a_digest_counts_and_links_into_the_app_in_the_staff_members_language_and_names_no_client() {
        Reminder digest = Reminder.forStaff(ReminderKind.DIGEST, UUID.randomUUID(), NOW, NOW);
        Contact therapist = new Contact("sam@example.test", "Sam Therapist", "es");

        OutgoingMail mail = composer.compose(new ToStaff(digest, therapist, StaffNotice.digest(3, 1)), rules, sender);

        assertThat(mail.message().subject()).startsWith("Tu resumen diario de Homeward");
        assertThat(mail.message().text()).contains("http://localhost:8080/app/review")
                .contains("3 entregas nuevas").contains("una petición de cambio");
        assertThat(mail.headers()).containsOnlyKeys("Auto-Submitted");
        assertThat(digest.getUnsubscribeHash()).as("staff emails have no unsubscribe secret").isNull();
    }

    @Test
    void an_accent_colour_that_is_not_a_plain_hex_colour_never_reaches_the_html() {
        ClinicBranding hostile = new ClinicBranding(clinic.id(), clinic.slug(), clinic.name(),
                "red;background:url(https://evil.test/x)", false, 0, BERLIN, "en", ClinicStatus.ACTIVE,
                clinic.createdAt(), null);
        ReminderRules hostileRules = new ReminderRules(hostile, true, null, null, 24, 24, 48, false);
        Reminder alert = Reminder.forStaff(ReminderKind.ALERT, UUID.randomUUID(), NOW, NOW);

        OutgoingMail mail = composer.compose(new ToStaff(alert, new Contact("sam@example.test", "Sam", null),
                StaffNotice.ATTENTION), hostileRules, sender);

        assertThat(mail.message().html()).doesNotContain("evil.test").contains("#2f6f73");
        assertThat(mail.message().text()).contains("http://localhost:8080/app/alerts");
    }

    private ClientContact client(String language) {
        return new ClientContact(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Robin", "robin@example.test",
                language, BERLIN, false, ClientStatus.ACTIVE);
    }

    private static Contact account(String language) {
        return new Contact("robin@example.test", "Robin", language);
    }
}
