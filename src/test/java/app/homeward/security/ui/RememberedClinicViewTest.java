package app.homeward.security.ui;

import app.homeward.ViewTest;
import app.homeward.clinic.ui.ClinicPageView;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.browserless.mocks.MockRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-out person comes back to their clinic's sign-in page, not to Homeward's finder or front page
 * (issue 14): the browser remembers the clinic it signed in to.
 */
class RememberedClinicViewTest extends ViewTest {

    @Test
    void a_signed_out_client_opening_their_portal_lands_on_their_clinics_sign_in_page() {
        ClinicBranding clinic = testClinics.clinic();
        browserRemembers(clinic.slug());

        UI.getCurrent().navigate("my");

        assertThat(getCurrentView()).isInstanceOf(ClinicPageView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("c/" + clinic.slug());
    }

    @Test
    void opening_the_clinic_finder_offers_the_remembered_clinic_and_still_lets_one_look_for_another() {
        ClinicBranding clinic = testClinics.clinic();
        browserRemembers(clinic.slug());

        ClinicFinderView finder = navigate("login", ClinicFinderView.class);

        assertThat(finder.remembered.isVisible()).isTrue();
        assertThat(finder.remembered.getText()).isEqualTo("Sign in to " + clinic.name());
        assertThat(finder.remembered.getHref()).isEqualTo("c/" + clinic.slug());
    }

    @Test
    void without_a_remembered_clinic_a_signed_out_person_gets_the_finder() {
        UI.getCurrent().navigate("my");

        assertThat(getCurrentView()).isInstanceOf(ClinicFinderView.class);
        assertThat(((ClinicFinderView) getCurrentView()).remembered.isVisible()).isFalse();
    }

    @Test
    void an_unknown_remembered_clinic_is_ignored() {
        browserRemembers("no-such-clinic-here");

        UI.getCurrent().navigate("my");

        assertThat(getCurrentView()).isInstanceOf(ClinicFinderView.class);
    }

    private static void browserRemembers(String slug) {
        ServletRequest request = ((VaadinServletRequest) VaadinRequest.getCurrent()).getHttpServletRequest();
        while (request instanceof ServletRequestWrapper wrapper) {
            request = wrapper.getRequest();
        }
        ((MockRequest) request).addCookie(new Cookie("homeward-clinic", slug));
    }
}
