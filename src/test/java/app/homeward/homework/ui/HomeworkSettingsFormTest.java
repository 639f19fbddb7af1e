package app.homeward.homework.ui;

import app.homeward.ViewTest;
import app.homeward.base.HomeworkWord;
import app.homeward.clinic.ui.ClinicSettingsView;
import app.homeward.homework.HomeworkSettingsService;
import app.homeward.security.Role;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings page's homework part, contributed by homework (the clinic module knows nothing of it): shown
 * right after the clinic's own sections, with the clinic's threshold, grace period and word for homework (decision
 * 0046), saved on its own.
 */
class HomeworkSettingsFormTest extends ViewTest {

    @Autowired HomeworkSettingsService settings;

    @BeforeEach
    void anAdminIsSignedIn() {
        testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN).signIn();
    }

    @Test
    void the_homework_rules_come_right_after_the_clinics_own_sections_and_save_on_their_own() {
        navigate(ClinicSettingsView.class);
        HomeworkSettingsForm form = find(HomeworkSettingsForm.class).single();
        assertThat(form.confidence.getValue()).isEqualTo(7);
        assertThat(form.grace.getValue()).isEqualTo(24);
        assertThat(find(H2.class).all()).extracting(H2::getText).startsWith("Your clinic", "Logo", "Homework");

        test(form.confidence).setValue(5);
        test(form.grace).setValue(36);
        test(form.save).click();

        assertThat(test(find(Notification.class).single()).getText()).isEqualTo("Homework settings saved.");
        assertThat(settings.current().confidenceThreshold()).isEqualTo(5);
        assertThat(settings.current().graceHours()).isEqualTo(36);
    }

    @Test
    void a_grace_period_out_of_range_is_explained_on_its_field_and_nothing_is_saved() {
        navigate(ClinicSettingsView.class);
        HomeworkSettingsForm form = find(HomeworkSettingsForm.class).single();

        // the browser stops at the maximum; a request that bypasses it still meets the server's check
        form.grace.setMax(1000);
        test(form.grace).setValue(500);
        test(form.save).click();

        assertThat(form.grace.isInvalid()).isTrue();
        assertThat(form.grace.getErrorMessage()).isEqualTo("Please choose a number from 1 to 168.");
        assertThat(settings.current().graceHours()).isEqualTo(24);
    }

    @Test
    void the_word_clients_read_for_homework_is_chosen_in_the_homework_card_and_saved_with_its_rules() {
        navigate(ClinicSettingsView.class);
        HomeworkSettingsForm form = find(HomeworkSettingsForm.class).single();
        assertThat(form.word.getValue()).isEqualTo(HomeworkWord.HOMEWORK);
        assertThat(form.word.getLabel()).isEqualTo("Word your clients read for homework");

        test(form.word).selectItem("action plan (Spanish: plan de acción)");
        test(form.save).click();

        assertThat(test(find(Notification.class).single()).getText()).isEqualTo("Homework settings saved.");
        assertThat(settings.current().word()).isEqualTo(HomeworkWord.ACTION_PLAN);
        assertThat(settings.current().confidenceThreshold()).isEqualTo(7);
        // the threshold and grace period alone leave the word as it is
        settings.change(6, 24);
        assertThat(settings.current().word()).isEqualTo(HomeworkWord.ACTION_PLAN);
    }
}
