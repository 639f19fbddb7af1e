package app.homeward.homework.portal.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.base.Messages;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.reminder.ReminderFixture;
import app.homeward.safety.ClinicSafety;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After answers that raise a safety alert the client is told exactly what happens — an email to the therapist,
 * read when they next look; the portal is not watched around the clock — and where to turn now, in their
 * language: the clinic's own crisis line, or a neutral default that says the clinic has not added one. The
 * same words stay on Today until a clinician acknowledges the alert (issue 13).
 */
class CrisisViewsTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Autowired ReminderFixture fixture;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired HomeworkPlans homework;
    @Autowired SafetyAlerts safetyAlerts;
    @Autowired ClinicSafety safety;

    @Test
    void a_spanish_client_reads_what_happens_and_where_to_turn_and_today_keeps_it_until_acknowledged() {
        World world = fixture.world(greenMail, MADRID, "es");
        UUID occurrence = alertingDraft(world);

        navigate("my/homework/" + occurrence, DoHomeworkView.class);
        UI.getCurrent().setLocale(Messages.SPANISH);
        test(find(Button.class).id("submit-homework")).click();

        ConfirmDialog dialog = find(ConfirmDialog.class).id("crisis-message");
        assertThat(dialog.isOpened()).isTrue();
        String said = dialog.getElement().getTextRecursively();
        assertThat(said).contains("Estamos avisando ahora a tu terapeuta por correo")
                .contains("Nadie vigila este portal a todas horas")
                .contains("Tu clínica todavía no ha añadido aquí su propia línea de crisis")
                .doesNotContain("Your therapist");

        navigate(TodayView.class);
        Div banner = find(Div.class).id("crisis-banner");
        assertThat(banner.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(banner.getElement().getTextRecursively()).contains("Nadie vigila este portal a todas horas");

        world.therapist().signIn();
        safetyAlerts.acknowledge(safetyAlerts.openAlerts().getFirst().id(), "Llamé; está a salvo.");
        TestUsers.signInAs(world.client());
        navigate(TodayView.class);
        assertThat(find(Div.class).withId("crisis-banner").exists()).as("gone once acknowledged").isFalse();
    }

    @Test
    void the_clinics_own_crisis_line_is_what_the_client_reads() {
        World world = fixture.world(greenMail, MADRID, "en");
        TestAccount admin = testClinics.account(world.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        safety.changeCrisisLines(Map.of(Messages.ENGLISH, "Call Birch Lane's line on 0800 000 000 (9-5), or 112 at any time.",
                Messages.SPANISH, "Llama a la línea de Birch Lane, 0800 000 000 (de 9 a 17), o al 112 a cualquier hora."));
        alertingDraft(world);
        TestUsers.signInAs(world.client());
        var occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        entryService.submit(occurrence, AdherenceFixture.phq9("several-days"), entryService.open(occurrence).lock());

        navigate(TodayView.class);

        Div banner = find(Div.class).id("crisis-banner");
        assertThat(banner.getElement().getTextRecursively())
                .contains("Your therapist has been emailed and will see it when they next check")
                .contains("This portal is not watched around the clock")
                .contains("Call Birch Lane's line on 0800 000 000 (9-5), or 112 at any time.")
                .doesNotContain("has not added its own crisis line");
    }

    @Test
    void a_spanish_client_reads_the_clinics_spanish_line_in_the_dialog_and_on_today() {
        World world = fixture.world(greenMail, MADRID, "es");
        TestAccount admin = testClinics.account(world.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        safety.changeCrisisLines(Map.of(Messages.ENGLISH, "Call Birch Lane's line on 0800 000 000.",
                Messages.SPANISH, "Llama a la línea de Birch Lane, 0800 000 000, o al 112."));
        UUID occurrence = alertingDraft(world);

        navigate("my/homework/" + occurrence, DoHomeworkView.class);
        UI.getCurrent().setLocale(Messages.SPANISH);
        test(find(Button.class).id("submit-homework")).click();

        String said = find(ConfirmDialog.class).id("crisis-message").getElement().getTextRecursively();
        assertThat(said).contains("Llama a la línea de Birch Lane, 0800 000 000, o al 112.")
                .doesNotContain("Call Birch Lane").doesNotContain("todavía no ha añadido");
        navigate(TodayView.class);
        assertThat(find(Div.class).id("crisis-banner").getElement().getTextRecursively())
                .contains("Llama a la línea de Birch Lane");
    }

    @Test
    void with_only_an_english_line_a_spanish_client_reads_that_rather_than_no_number_at_all() {
        World world = fixture.world(greenMail, MADRID, "es");
        TestAccount admin = testClinics.account(world.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        safety.changeCrisisLines(Map.of(Messages.ENGLISH, "Call Birch Lane's line on 0800 000 000.",
                Messages.SPANISH, "   "));
        alertingDraft(world);
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        entryService.submit(occurrence, AdherenceFixture.phq9("several-days"), entryService.open(occurrence).lock());

        navigate(TodayView.class);
        UI.getCurrent().setLocale(Messages.SPANISH);
        navigate(TodayView.class);

        assertThat(find(Div.class).id("crisis-banner").getElement().getTextRecursively())
                .contains("Nadie vigila este portal a todas horas")
                .contains("Call Birch Lane's line on 0800 000 000.");
    }

    @Test
    void the_phq9s_closing_safety_note_names_the_clinics_line_in_the_clients_language_or_says_there_is_none() {
        World world = fixture.world(greenMail, MADRID, "es");
        UUID occurrence = alertingDraft(world);
        navigate("my/homework/" + occurrence, DoHomeworkView.class);
        UI.getCurrent().setLocale(Messages.SPANISH);
        navigate("my/homework/" + occurrence, DoHomeworkView.class);
        assertThat(crisisLineInTheForm()).isEqualTo("Llama al número de emergencias de donde vives o a una línea de "
                + "crisis. (Tu clínica todavía no ha añadido aquí su propia línea de crisis.)");

        testClinics.account(world.clinic(), Role.CLINIC_ADMIN).signIn();
        safety.changeCrisisLines(Map.of(Messages.ENGLISH, "Call Birch Lane's line on 0800 000 000.",
                Messages.SPANISH, "Llama a la línea de Birch Lane, 0800 000 000, o al 112."));
        TestUsers.signInAs(world.client());
        navigate("my/homework/" + occurrence, DoHomeworkView.class);

        assertThat(crisisLineInTheForm()).isEqualTo("Llama a la línea de Birch Lane, 0800 000 000, o al 112.");
    }

    @Test
    void an_alert_rule_with_its_own_message_tells_the_client_that_instead_of_the_crisis_text_and_leaves_no_banner() {
        World world = fixture.world(greenMail, MADRID, "en");
        world.therapist().signIn();
        homework.assign(world.clientId(), "audit", new AssignmentPlan("Drinking check-in",
                "Numbers instead of guesses.", "", "", "", Schedule.once(today(MADRID),
                LocalTime.of(20, 0), MADRID), Set.of(), "", "", 8, false, false, 1, null));
        TestUsers.signInAs(world.client());
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        // every AUDIT item at its highest: 8 × 4 + 4 + 4 = 40, at or above the rule's 20
        Map<String, Object> heavy = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            heavy.put("item" + i, i == 1 ? "four-or-more-a-week" : i == 2 ? "ten-or-more" : "daily");
        }
        heavy.put("item9", "last-year");
        heavy.put("item10", "last-year");
        entryService.saveDraft(occurrence, heavy, null);

        navigate("my/homework/" + occurrence, DoHomeworkView.class);
        test(find(Button.class).id("submit-homework")).click();

        assertThat(find(ConfirmDialog.class).withId("crisis-message").exists()).isFalse();
        String said = find(ConfirmDialog.class).id("alert-note").getElement().getTextRecursively();
        assertThat(said).contains("We have let your therapist know").doesNotContain("not watched around the clock");
        navigate(TodayView.class);
        assertThat(find(Div.class).withId("crisis-banner").exists()).as("no crisis banner for a non-crisis rule").isFalse();
        world.therapist().signIn();
        assertThat(safetyAlerts.openAlerts()).as("the therapist still sees the alert").hasSize(1);
    }

    private String crisisLineInTheForm() {
        return find(Paragraph.class).all().stream()
                .filter(p -> p.hasClassName("worksheet-crisis-line")).map(p -> p.getText())
                .reduce((a, b) -> a + " | " + b).orElse("(none)");
    }

    /** A PHQ-9 due today with item 9 answered: saved as a draft, so the page opens with the answers in place. */
    private UUID alertingDraft(World world) {
        fixture.assignPhq9Once(world, today(MADRID));
        TestUsers.signInAs(world.client());
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        entryService.saveDraft(occurrence, AdherenceFixture.phq9("several-days"), null);
        return occurrence;
    }
}
