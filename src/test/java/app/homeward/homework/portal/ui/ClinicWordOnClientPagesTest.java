package app.homeward.homework.portal.ui;

import app.homeward.ShownText;
import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.base.HomeworkWord;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.HomeworkSettingsService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.portal.EntryService;
import app.homeward.privacy.ui.ClientDataView;
import app.homeward.reminder.ReminderFixture;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.reminder.ui.ReminderSettingsView;
import app.homeward.reminder.ui.UnsubscribeView;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.SessionSignIn;
import app.homeward.security.TestUsers;
import app.homeward.security.ui.AcceptInvitationView;
import app.homeward.security.ui.ClientAccountView;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clinic that says "practice" (decision 0046): its client, signed in as a real sign-in does it, reads
 * "practice" and never "homework" on every page of the portal, in English and in Spanish ("práctica", never
 * "tarea"); a client of another clinic in the same application keeps reading "homework", and none of the
 * practice clinic's texts. The public pages a client reaches from its emails (the invitation, unsubscribe) say
 * the word too.
 */
class ClinicWordOnClientPagesTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    static final Pattern HOMEWORK = Pattern.compile("homework", Pattern.CASE_INSENSITIVE);
    static final Pattern TAREA = Pattern.compile("tarea", Pattern.CASE_INSENSITIVE);

    @Autowired ReminderFixture reminders;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired HomeworkSettingsService homeworkSettings;
    @Autowired SessionSignIn sessionSignIn;
    @Autowired ClientService clients;

    @Test
    void an_english_client_of_a_practice_clinic_never_reads_homework() {
        World world = practiceClinic("en");
        Map<String, String> pages = clientPages(world);

        pages.forEach((page, text) -> assertThat(HOMEWORK.matcher(text).find())
                .as("\"homework\" on " + page + ": " + text).isFalse());
        assertThat(pages.get("my/reminders")).contains("For each practice");
        assertThat(String.join(" ", pages.values())).contains("Practice card (PDF)");
    }

    @Test
    void a_spanish_client_of_a_practice_clinic_never_reads_tarea() {
        World world = practiceClinic("es");
        Map<String, String> pages = clientPages(world);

        pages.forEach((page, text) -> {
            assertThat(TAREA.matcher(text).find()).as("\"tarea\" on " + page + ": " + text).isFalse();
            assertThat(HOMEWORK.matcher(text).find()).as("\"homework\" on " + page + ": " + text).isFalse();
        });
        assertThat(pages.get("my/reminders")).contains("Para cada práctica").contains("Recordarme esta práctica");
        assertThat(String.join(" ", pages.values())).contains("Tarjeta de la práctica (PDF)");
    }

    @Test
    void a_client_of_another_clinic_keeps_homework_and_never_reads_the_first_clinics_word() throws IOException {
        practiceClinic("en");
        World other = reminders.world(greenMail, ZONE, "en");
        reminders.assignDaily(other, today(ZONE), LocalTime.of(0, 1), 3);

        Map<String, String> pages = clientPages(other);

        String all = String.join(" ", pages.values());
        assertThat(pages.get("my/reminders")).contains("For each homework");
        assertThat(all).contains("Homework card (PDF)");
        for (String practiceText : overlayOnly("practice")) {
            assertThat(all).as("the practice clinic's text").doesNotContain(practiceText);
        }
        assertThat(UI.getCurrent().getLocale().getExtension('x')).isNull();
    }

    @Test
    void the_invitation_and_unsubscribe_pages_of_a_practice_clinic_say_practice() {
        World world = practiceClinic("es");
        world.therapist().signIn();
        String email = TestClinics.randomEmail();
        clients.add(new NewClient("Noa Qx" + TestClinics.random(4), email, ZONE.getId(), "es", null, false));
        String token = Mails.token(Mails.text(Mails.awaitTo(greenMail, email, 1).getFirst()), world.clinic().slug(),
                "invite");
        signOutOfThisBrowser();

        UI.getCurrent().navigate("c/" + world.clinic().slug() + "/invite/" + token, QueryParameters.of("lang", "es"));
        assertThat(getCurrentView()).isInstanceOf(AcceptInvitationView.class);
        String invitation = textOf(AcceptInvitationView.class, null);
        assertThat(invitation).contains("Tu portal de prácticas");
        assertThat(TAREA.matcher(invitation).find()).as(invitation).isFalse();

        UI.getCurrent().navigate("unsubscribe/" + world.clinic().id() + "/" + reminders.unsubscribeToken(world),
                QueryParameters.of("lang", "en"));
        String unsubscribe = textOf(UnsubscribeView.class, null);
        assertThat(unsubscribe).contains("You will get no more practice reminders by email.");
        assertThat(HOMEWORK.matcher(unsubscribe).find()).as(unsubscribe).isFalse();
    }

    /** A new clinic that chose "practice", with a client in the language given who has work due and work sent. */
    private World practiceClinic(String language) {
        World world = reminders.world(greenMail, ZONE, language);
        TestAccount admin = testClinics.account(world.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        homeworkSettings.change(7, 24, HomeworkWord.PRACTICE);
        reminders.assignDaily(world, today(ZONE), LocalTime.of(0, 1), 3);
        TestUsers.signInAs(world.client());
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        entryService.submit(occurrence, ReminderFixture.thoughtRecord(), null);
        signOutOfThisBrowser();
        return world;
    }

    /**
     * Signs the client in as a real sign-in does (the session's locale, with their clinic's word on it) and
     * opens each page of the portal: the text people read or hear on each, by route.
     */
    private Map<String, String> clientPages(World world) {
        signOutOfThisBrowser();
        HomewardUser client = world.client();
        TestUsers.signInThroughSession(sessionSignIn, client);
        UUID open = todayService.today().dueNow().stream().findFirst()
                .or(() -> todayService.today().overdue().stream().findFirst())
                .or(() -> todayService.today().comingUp().stream().findFirst())
                .map(card -> card.occurrenceId()).orElseThrow();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("my", textOf(TodayView.class, "my"));
        pages.put("my/homework", textOf(DoHomeworkView.class, "my/homework/" + open));
        pages.put("my/progress", textOf(ProgressView.class, "my/progress"));
        pages.put("my/reminders", textOf(ReminderSettingsView.class, "my/reminders"));
        pages.put("my/account", textOf(ClientAccountView.class, "my/account"));
        pages.put("my/data", textOf(ClientDataView.class, "my/data"));
        return pages;
    }

    /** The text of the page at the address (or, without one, of the page already open). */
    private String textOf(Class<?> view, String url) {
        if (url != null) {
            UI.getCurrent().navigate(url);
        }
        assertThat(getCurrentView().getClass()).as("/" + url).isEqualTo(view);
        List<String> shown = ShownText.ofPage(getCurrentView());
        return String.join(" | ", shown);
    }

    /** The English texts of a word's overlay that the base bundle does not have (without arguments). */
    private static List<String> overlayOnly(String code) throws IOException {
        Properties base = load("/i18n/messages.properties");
        Properties overlay = load("/i18n/terms/" + code + ".properties");
        return overlay.stringPropertyNames().stream()
                .filter(k -> !overlay.getProperty(k).equals(base.getProperty(k)))
                .map(overlay::getProperty).filter(v -> !v.contains("{")).toList();
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ClinicWordOnClientPagesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
