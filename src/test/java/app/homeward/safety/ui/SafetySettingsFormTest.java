package app.homeward.safety.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.base.Messages;
import app.homeward.clinic.ui.ClinicSettingsView;
import app.homeward.portal.ui.StaffHomeView;
import app.homeward.safety.ClientScores;
import app.homeward.safety.ClinicSafety;
import app.homeward.security.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings page's safety part: a crisis text per language, a plain note on who reads which when only one is
 * written, and the choice of what clients see of their scores; the admin's home asks for a crisis line until
 * there is one.
 */
class SafetySettingsFormTest extends ViewTest {

    @Autowired ClinicSafety safety;

    TestAccount admin;

    @BeforeEach
    void anAdminIsSignedIn() {
        admin = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
    }

    @Test
    void the_admins_home_asks_for_a_crisis_line_until_the_clinic_has_one() {
        navigate(StaffHomeView.class);
        Div prompt = find(Div.class).id("crisis-line-prompt");
        assertThat(prompt.getElement().getTextRecursively()).contains("Add your crisis line before you invite clients");

        navigate(ClinicSettingsView.class);
        SafetySettingsForm form = find(SafetySettingsForm.class).single();
        assertThat(find(Paragraph.class).id("crisis-fallback-note").getText())
                .contains("clients read a neutral text");
        test(form.crisis.get(Messages.ENGLISH)).setValue("Call 0800 000 000 (9-5), or 999 in an emergency.");
        assertThat(find(Paragraph.class).id("crisis-fallback-note").getText())
                .isEqualTo("Clients who read Spanish will see your English text until you write one for them.");
        test(form.saveCrisis).click();

        assertThat(test(find(Notification.class).single()).getText()).isEqualTo("Crisis lines saved");
        assertThat(safety.crisisText(Messages.SPANISH)).contains("Call 0800 000 000 (9-5), or 999 in an emergency.");
        navigate(StaffHomeView.class);
        assertThat(find(Div.class).withId("crisis-line-prompt").exists()).isFalse();
    }

    @Test
    void a_crisis_text_too_long_is_explained_on_its_own_field_and_nothing_is_saved() {
        navigate(ClinicSettingsView.class);
        SafetySettingsForm form = find(SafetySettingsForm.class).single();
        // the browser stops at the maximum length; a request that bypasses it still meets the server's check
        form.crisis.get(Messages.SPANISH).setMaxLength(5000);
        test(form.crisis.get(Messages.SPANISH)).setValue("Llama ".repeat(200));
        test(form.saveCrisis).click();

        assertThat(form.crisis.get(Messages.SPANISH).isInvalid()).isTrue();
        assertThat(form.crisis.get(Messages.SPANISH).getErrorMessage()).isEqualTo("Please keep this to 1,000 characters or fewer.");
        assertThat(safety.hasCrisisLine()).isFalse();
    }

    @Test
    void the_admin_chooses_what_clients_see_of_their_scores() {
        navigate(ClinicSettingsView.class);
        SafetySettingsForm form = find(SafetySettingsForm.class).single();
        assertThat(form.scores.getValue()).isEqualTo(ClientScores.MEANING);

        test(form.scores).selectItem("Nothing: only that they filled it in, and when");
        test(form.saveScores).click();

        assertThat(test(find(Notification.class).single()).getText()).isEqualTo("Score display saved");
        assertThat(safety.clientScores()).isEqualTo(ClientScores.NOTHING);
    }
}
