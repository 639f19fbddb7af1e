package app.homeward.security.ui;

import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.clinic.ui.ClinicPageView;
import app.homeward.platform.ui.OperatorSignInView;
import app.homeward.security.SessionEndReason;
import app.homeward.security.SignedOutNotice;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page someone lands on after their session ended says why, once, calmly, in the clinic's language. */
class SignedOutPagesTest extends ViewTest {

    @Autowired ClinicDirectory clinics;

    @Test
    void after_the_idle_limit_the_clinic_page_says_how_long_it_waited_and_only_once() {
        ClinicBranding clinic = testClinics.clinic();
        leave(new SignedOutNotice(SessionEndReason.IDLE, 30, 12));

        navigate("c/" + clinic.slug(), ClinicPageView.class);

        Div alert = find(Div.class).withId("signin-alert").single();
        assertThat(alert.getText()).isEqualTo("You were signed out after 30 minutes without activity. Sign in again to carry on.");
        assertThat(alert.getClassNames()).contains("form-alert--info");
        assertThat(alert.getElement().getAttribute("role")).as("read out by screen readers").isEqualTo("alert");

        navigate("c/" + clinic.slug(), ClinicPageView.class);
        assertThat(find(Div.class).withId("signin-alert").exists()).as("a reload shows a plain page (no visible alert)").isFalse();
    }

    @Test
    void each_reason_has_its_own_words() {
        ClinicBranding clinic = testClinics.clinic();

        assertThat(shown(clinic, new SignedOutNotice(SessionEndReason.IDLE, 10, 8)))
                .isEqualTo("You were signed out after 10 minutes without activity. Sign in again to carry on.");
        assertThat(shown(clinic, new SignedOutNotice(SessionEndReason.ABSOLUTE, 10, 8)))
                .isEqualTo("You were signed out because a session lasts at most 8 hours. Sign in again to carry on.");
        assertThat(shown(clinic, new SignedOutNotice(SessionEndReason.REVOKED, 30, 12)))
                .isEqualTo("You were signed out. Please sign in again.");
        assertThat(shown(clinic, new SignedOutNotice(SessionEndReason.SIGNED_OUT, 30, 12)))
                .isEqualTo("You are signed out.");
    }

    @Test
    void a_spanish_clinic_says_it_in_spanish() {
        ClinicBranding clinic = clinics.create(UUID.randomUUID(), TestClinics.randomSlug(), "Clínica Sol",
                ZoneId.of("Europe/Madrid"), "es", ClinicStatus.ACTIVE);

        assertThat(shown(clinic, new SignedOutNotice(SessionEndReason.IDLE, 1, 12)))
                .isEqualTo("Hemos cerrado tu sesión tras 1 minuto sin actividad. Vuelve a iniciar sesión para continuar.");
    }

    @Test
    void the_operators_sign_in_page_says_it_too() {
        leave(new SignedOutNotice(SessionEndReason.ABSOLUTE, 30, 12));

        navigate(OperatorSignInView.class);

        assertThat(find(Div.class).withId("signin-alert").single().getText())
                .isEqualTo("You were signed out because a session lasts at most 12 hours. Sign in again to carry on.");
    }

    private String shown(ClinicBranding clinic, SignedOutNotice notice) {
        leave(notice);
        navigate("c/" + clinic.slug(), ClinicPageView.class);
        return find(Div.class).withId("signin-alert").single().getText();
    }

    /** What the session guard leaves in the fresh session of a browser whose session it ended. */
    private static void leave(SignedOutNotice notice) {
        VaadinSession.getCurrent().getSession().setAttribute(SignedOutNotice.ATTRIBUTE, notice);
    }
}
