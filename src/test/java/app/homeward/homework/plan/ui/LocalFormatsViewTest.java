package app.homeward.homework.plan.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.client.ui.ClientView;
import app.homeward.security.Role;
import app.homeward.security.SessionSignIn;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates and times follow the viewer's region (issue 14, decision 0031): a UK browser sees 04/12/2026 and
 * 19:00 in the assign dialog's pickers and "at 18:00" in the plan, a US browser "6:00 PM"; without a
 * browser region the clinic's country decides.
 */
class LocalFormatsViewTest extends ViewTest {

    static final Locale EN_GB = Locale.forLanguageTag("en-GB");
    static final Locale EN_US = Locale.forLanguageTag("en-US");

    @Autowired ClientService clients;
    @Autowired SessionSignIn sessionSignIn;
    @Autowired ClinicDirectory clinicDirectory;

    @Test
    void a_uk_browser_sees_day_first_dates_and_a_24_hour_clock_in_the_assign_dialog_and_the_plan() {
        ClinicBranding clinic = testClinics.clinic();
        ClientView view = signInAndOpenAClient(clinic, "en-GB,en;q=0.9");

        assertThat(UI.getCurrent().getLocale()).isEqualTo(EN_GB);
        assertThat(VaadinSession.getCurrent().getLocale()).isEqualTo(EN_GB);
        AssignDialog dialog = assignOnce(view, LocalTime.of(18, 0));
        // the pickers format on the page with this locale: 04/12/2026 and 19:00 for en-GB
        assertThat(dialog.start.getLocale()).isEqualTo(EN_GB);
        assertThat(dialog.time.getLocale()).isEqualTo(EN_GB);
        test(dialog.assign).click();

        String day = DateTimeFormatter.ofPattern("d MMM", EN_GB).format(today(ZoneId.of("Europe/Berlin")));
        assertThat(planSchedule(view)).isEqualTo("Once on " + day + " at 18:00");
    }

    @Test
    void a_us_browser_sees_month_first_dates_and_a_12_hour_clock_even_in_a_spanish_clinic() {
        ClinicBranding clinic = testClinics.clinic();
        ClientView view = signInAndOpenAClient(clinic, "en-US,en;q=0.9");

        AssignDialog dialog = assignOnce(view, LocalTime.of(18, 0));
        assertThat(dialog.start.getLocale()).isEqualTo(EN_US);
        assertThat(dialog.time.getLocale()).isEqualTo(EN_US);
        test(dialog.assign).click();

        String day = DateTimeFormatter.ofPattern("MMM d", EN_US).format(today(ZoneId.of("Europe/Berlin")));
        assertThat(planSchedule(view)).isEqualTo("Once on " + day + " at 6:00 PM");
    }

    @Test
    void without_a_region_from_the_browser_the_clinics_country_decides() {
        ClinicBranding london = clinicDirectory.create(UUID.randomUUID(), TestClinics.randomSlug(), "London clinic",
                ZoneId.of("Europe/London"), "en", ClinicStatus.ACTIVE);
        signInAndOpenAClient(london, "en");

        assertThat(UI.getCurrent().getLocale()).isEqualTo(EN_GB);
    }

    @Test
    void a_clinics_chosen_country_wins_over_its_time_zone() {
        ClinicBranding madrid = testClinics.clinic();
        ClinicBranding american = clinicDirectory.changeSettings(madrid.id(), madrid.name(),
                madrid.accentColor(), madrid.timeZone(), madrid.defaultLanguage(), "US");
        assertThat(american.country()).isEqualTo("US");
        signInAndOpenAClient(american, "en");

        assertThat(UI.getCurrent().getLocale()).isEqualTo(EN_US);
    }

    /**
     * Signs in as a browser that sends {@code acceptLanguage} would, then opens a client. The sign-in runs in a
     * request of its own that carries the header (the browserless environment may have no current request
     * after a navigation, or one left by an earlier test), on this test's own page and session.
     */
    private ClientView signInAndOpenAClient(ClinicBranding clinic, String acceptLanguage) {
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        TestUsers.signInAs(therapist.principal());
        UUID clientId = clients.add(new NewClient("Ana Holt", TestClinics.randomEmail(), "Europe/Berlin", "en", null, false)).id();
        navigate("app/clients/" + clientId, ClientView.class);
        VaadinRequest before = VaadinRequest.getCurrent();
        MockHttpServletRequest http = new MockHttpServletRequest();
        http.addHeader("Accept-Language", acceptLanguage);
        makeCurrent(new VaadinServletRequest(http,
                (VaadinServletService) VaadinService.getCurrent()));
        try {
            TestUsers.signInThroughSession(sessionSignIn, therapist.principal());
        } finally {
            makeCurrent(before);
        }
        return navigate("app/clients/" + clientId, ClientView.class);
    }

    private AssignDialog assignOnce(ClientView view, LocalTime at) {
        test(view.assign).click();
        AssignDialog dialog = find(AssignDialog.class).single();
        test(dialog.worksheet).selectItem("Thought record · Built-in");
        test(dialog.kind).selectItem("Once");
        test(dialog.time).setValue(at);
        test(dialog.confidence).selectItem("8");
        return dialog;
    }

    private String planSchedule(ClientView view) {
        Div card = find(Div.class, view.plan).withClassName("plan-card").single();
        return find(Paragraph.class, card).withClassName("plan-schedule").single().getText();
    }
}
