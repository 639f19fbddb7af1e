package app.homeward.homework.practice.ui;

import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The practice page: a therapist's own figures with what each habit means; admins also see the clinic's totals. */
class PracticeViewTest extends ViewTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;

    ClinicBranding clinic;
    TestAccount therapist;

    @BeforeEach
    void aTherapistWithOnePlan() {
        clock.moveTo(Instant.parse("2026-11-18T10:00:00Z"));
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        var client = clients.add(new NewClient("Ana Ruiz", TestClinics.randomEmail(), MADRID.getId(), "en", null, false));
        homework.assign(client.id(), "mood-log", new AssignmentPlan("Mood log", "Our reason, in our words.", null, null,
                null, Schedule.once(today(MADRID), LocalTime.of(21, 0), MADRID), Set.of(Obstacle.FORGETTING), null,
                "An alarm", 8, false, false, 1, null));
    }

    private String text(String id) {
        return find(Div.class).id(id).getElement().getTextRecursively();
    }

    @Test
    void a_therapist_sees_their_own_figures_month_by_month_and_no_clinic_totals() {
        navigate(PracticeView.class);

        assertThat(find(Paragraph.class).id("own-own-words-total").getText()).isEqualTo("1 of 1 plan (100 %)");
        assertThat(find(Paragraph.class).id("own-low-confidence-total").getText()).isEqualTo("No plan has had low confidence yet.");
        assertThat(text("own-obstacles")).contains("Obstacles and a backup plan", "Nov 2026: 1 of 1 plan (100 %)",
                "Oct 2026: –", "Jun 2026: –");
        assertThat(text("practice-own")).contains("Only you see these figures.");
        assertThat(find(Div.class).withId("practice-clinic").exists()).isFalse();
    }

    @Test
    void an_admin_sees_the_clinic_together_below_their_own() {
        testClinics.account(clinic, Role.CLINIC_ADMIN).signIn();
        navigate(PracticeView.class);

        assertThat(find(Div.class).withId("practice-empty").exists()).as("the admin assigned nothing").isTrue();
        assertThat(find(Paragraph.class).id("clinic-own-words-total").getText()).isEqualTo("1 of 1 plan (100 %)");
        assertThat(text("practice-clinic")).contains("No one's figures are shown on their own.");
    }
}
