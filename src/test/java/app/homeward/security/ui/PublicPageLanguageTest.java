package app.homeward.security.ui;

import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.clinic.ui.ClinicPageView;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.browserless.mocks.MockRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public pages speak the language of the link that opened them, else the browser's, else the clinic's
 * default, with a language switch; a client's invitation invites them to their homework portal, not to a
 * team (issue 14).
 */
class PublicPageLanguageTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired ClientService clients;

    @Test
    void a_spanish_clients_invitation_email_and_the_page_it_opens_are_spanish_and_speak_of_their_homework_portal() {
        ClinicBranding clinic = testClinics.clinic("Sauce " + TestClinics.random(5));
        String email = invite(clinic, "es");

        MimeMessage mail = Mails.awaitTo(greenMail, email, 1).getFirst();
        String text = Mails.text(mail);
        assertThat(text).contains(clinic.name() + " te invita a tu portal de tareas en Homeward")
                .doesNotContain("equipo").doesNotContain("Client").doesNotContain("Cliente");
        assertThat(text).contains("/c/" + clinic.slug() + "/invite/").contains("?lang=es");

        String token = Mails.token(text, clinic.slug(), "invite");
        UI.getCurrent().navigate("c/" + clinic.slug() + "/invite/" + token, QueryParameters.of("lang", "es"));

        assertThat(getCurrentView()).isInstanceOf(AcceptInvitationView.class);
        assertThat(find(H1.class).withText("Tu portal de tareas").exists()).isTrue();
        assertThat(find(Paragraph.class).id("invite-intro").getText())
                .isEqualTo(clinic.name() + " te invita a tu portal de tareas (" + email + "). Elige una contraseña para terminar.");
    }

    @Test
    void an_english_clients_invitation_invites_them_to_their_homework_portal_not_as_a_client() {
        ClinicBranding clinic = testClinics.clinic("Willow " + TestClinics.random(5));
        String email = invite(clinic, "en");

        String text = Mails.text(Mails.awaitTo(greenMail, email, 1).getFirst());
        assertThat(text).contains(clinic.name() + " invites you to your homework portal on Homeward")
                .doesNotContain("join them");
        UI.getCurrent().navigate("c/" + clinic.slug() + "/invite/" + Mails.token(text, clinic.slug(), "invite"), QueryParameters.of("lang", "en"));

        assertThat(find(H1.class).withText("Your homework portal").exists()).isTrue();
        assertThat(find(Paragraph.class).id("invite-intro").getText())
                .isEqualTo(clinic.name() + " invites you to your homework portal (" + email + "). Choose a password to finish.");
    }

    @Test
    void the_clinic_page_speaks_the_browsers_language_when_the_link_does_not_say() {
        ClinicBranding clinic = testClinics.clinic();
        browserSays("es-ES,es;q=0.9,en;q=0.5");

        navigate("c/" + clinic.slug(), ClinicPageView.class);

        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.forLanguageTag("es-ES"));
        assertThat(find(H1.class).withText("Iniciar sesión").exists()).isTrue();
    }

    @Test
    void without_a_link_or_browser_language_it_is_the_clinics_default_and_the_link_wins_over_the_browser() {
        ClinicBranding clinic = testClinics.clinic();
        navigate("c/" + clinic.slug(), ClinicPageView.class);
        assertThat(find(H1.class).withText("Sign in").exists()).isTrue();

        browserSays("es-ES,es;q=0.9");
        UI.getCurrent().navigate("c/" + clinic.slug(), QueryParameters.of("lang", "en"));
        assertThat(find(H1.class).withText("Sign in").exists()).as("the link said English").isTrue();
    }

    @Test
    void the_page_that_finds_a_clinic_speaks_the_browsers_language_and_offers_the_switch() {
        browserSays("es-MX,es;q=0.9,en;q=0.5");

        navigate("login", ClinicFinderView.class);

        assertThat(find(H1.class).withText("Inicia sesión en tu clínica").exists()).isTrue();
        assertThat(find(Nav.class).id("language-switch").getElement().getTextRecursively()).contains("English");
        UI.getCurrent().navigate("login", QueryParameters.of("lang", "en"));
        assertThat(find(H1.class).withText("Sign in to your clinic").exists()).as("the link said English").isTrue();
    }

    @Test
    void a_language_chosen_on_one_public_page_stays_on_the_next() {
        ClinicBranding clinic = testClinics.clinic();
        UI.getCurrent().navigate("c/" + clinic.slug(), QueryParameters.of("lang", "es"));
        assertThat(find(H1.class).withText("Iniciar sesión").exists()).isTrue();

        navigate("c/" + clinic.slug() + "/forgot", ForgotPasswordView.class);

        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("es");
    }

    @Test
    void the_language_switch_links_to_the_same_page_in_the_other_language() {
        ClinicBranding clinic = testClinics.clinic();
        navigate("c/" + clinic.slug(), ClinicPageView.class);

        Nav languages = find(Nav.class).id("language-switch");
        Anchor spanish = find(Anchor.class, languages).id("language-es");
        assertThat(spanish.getText()).isEqualTo("Español");
        assertThat(spanish.getHref()).isEqualTo("/c/" + clinic.slug() + "?lang=es");
        assertThat(find(Anchor.class, languages).withId("language-en").exists()).as("English is the current one").isFalse();
        assertThat(languages.getElement().getTextRecursively()).contains("English");
    }

    private String invite(ClinicBranding clinic, String language) {
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        String email = TestClinics.randomEmail();
        clients.add(new NewClient("Lucía Ortega", email, "Europe/Madrid", language, null, false));
        TestUsers.signOut();
        signOutOfThisBrowser();
        return email;
    }

    private static void browserSays(String acceptLanguage) {
        ServletRequest request = ((VaadinServletRequest) VaadinRequest.getCurrent()).getHttpServletRequest();
        while (request instanceof ServletRequestWrapper wrapper) {
            request = wrapper.getRequest();
        }
        ((MockRequest) request).getHeaders().put("Accept-Language", List.of(acceptLanguage));
    }
}
