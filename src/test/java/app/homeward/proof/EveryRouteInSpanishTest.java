package app.homeward.proof;

import app.homeward.ShownText;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.review.ReviewService;
import app.homeward.reminder.ReminderFixture;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.worksheet.WorksheetService;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route opened in Spanish shows no English from the message bundle (issue 14, "a test walks every
 * route in both languages"). Each route of {@link RouteMatrixTest#EXPECTED} is opened by the first person
 * who may open it (public pages with {@code ?lang=es}, as our Spanish emails link them; signed-in pages with
 * the session in Spanish, as sign-in sets it), and the page's text, labels, placeholders, helper texts,
 * titles and ARIA names are searched for every English bundle text that has a different Spanish
 * translation. A hit means a text was looked up in the wrong language (a fixed locale, a static helper
 * without the viewer's locale), which a Spanish client would read as English. The English run of the same
 * pages is {@link RouteMatrixTest}, whose every case opens the page in English.
 */
class EveryRouteInSpanishTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    static final Locale SPANISH = Locale.forLanguageTag("es");

    @Autowired ReminderFixture reminders;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired ReviewService reviews;
    @Autowired WorksheetService worksheets;

    @TestFactory
    List<DynamicTest> no_english_bundle_text_on_any_page_opened_in_spanish() throws IOException {
        Map<String, String> english = englishOnly();
        assertThat(english).as("English texts with another Spanish translation").hasSizeGreaterThan(500);

        World world = reminders.world(greenMail, ZONE, "es");
        TestAccount admin = testClinics.account(world.clinic(), Role.CLINIC_ADMIN);
        reminders.assignDaily(world, today(ZONE), LocalTime.of(0, 1), 3);
        TestUsers.signInAs(world.client());
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        entryService.submit(occurrence, ReminderFixture.thoughtRecord(), null);
        world.therapist().signIn();
        UUID entry = reviews.entriesOf(world.clientId()).getFirst().entryId();
        UUID worksheet = worksheets.create("Hoja " + TestClinics.random(4));
        signOutOfThisBrowser();
        Map<String, String> ids = Map.of("{slug}", world.clinic().slug(), "{clinic}", world.clinic().id().toString(),
                "{token}", "no-such-token-" + TestClinics.random(8), "{client}", world.clientId().toString(),
                "{entry}", entry.toString(), "{occurrence}", occurrence.toString(), "{worksheet}", worksheet.toString());

        List<DynamicTest> cases = new ArrayList<>();
        RouteMatrixTest.EXPECTED.forEach((route, row) -> {
            String outcomes = row.outcomes();
            // the first who may open it: nobody (a public page), the client, the therapist, the admin, the operator
            int who = List.of(0, 1, 3, 5, 6).stream().filter(i -> outcomes.charAt(i) == 'A').findFirst().orElse(-1);
            if (who < 0) {
                return; // development tools: open to nobody here
            }
            String path = row.path();
            for (var id : ids.entrySet()) {
                path = path.replace(id.getKey(), id.getValue());
            }
            String url = path;
            cases.add(DynamicTest.dynamicTest(route.getSimpleName() + " in Spanish", () -> {
                signOutOfThisBrowser();
                switch (who) {
                    case 1 -> TestUsers.signInAs(world.client());
                    case 3 -> world.therapist().signIn();
                    case 5 -> admin.signIn();
                    case 6 -> TestUsers.signInAs(TestUsers.operator());
                    default -> { }
                }
                VaadinSession.getCurrent().setLocale(SPANISH);
                UI.getCurrent().setLocale(SPANISH);
                if (who == 0) {
                    UI.getCurrent().navigate(url, QueryParameters.of("lang", "es"));
                } else {
                    UI.getCurrent().navigate(url);
                }
                assertThat(getCurrentView().getClass()).as("/" + url).isEqualTo(route);

                List<String> shown = ShownText.ofPage(getCurrentView());
                Map<String, String> found = new TreeMap<>();
                for (String text : shown) {
                    english.forEach((key, value) -> {
                        if (text.contains(value)) {
                            found.put(key, value);
                        }
                    });
                }
                assertThat(found).as("English bundle texts on /" + url + " in Spanish").isEmpty();
            }));
        });
        return cases;
    }

    /**
     * English bundle texts that a Spanish page must never show: those whose Spanish differs, long enough to
     * be a phrase rather than a word Spanish shares (at least 12 characters and two words), without arguments.
     */
    static Map<String, String> englishOnly() throws IOException {
        Properties en = load("/i18n/messages.properties");
        Properties es = load("/i18n/messages_es.properties");
        Map<String, String> texts = new TreeMap<>();
        for (String key : en.stringPropertyNames()) {
            String value = en.getProperty(key).strip();
            String spanish = es.getProperty(key);
            if (spanish != null && !spanish.strip().equals(value) && !value.contains("{") && value.length() >= 12
                    && value.contains(" ")) {
                texts.put(key, value);
            }
        }
        return texts;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EveryRouteInSpanishTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
