package app.homeward.homework.plan.ui;

import app.homeward.base.Messages;
import app.homeward.client.ui.ClientView;

import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.AssignmentSummary;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.WorksheetService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Assigning homework in session from the client's page (/app/clients/{id}), and a schedule in words. */
class AssignDialogTest extends ViewTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired WorksheetService worksheets;

    ClinicBranding clinic;
    TestAccount therapist;
    UUID clientId;
    ClientView view;

    @BeforeEach
    void aTherapistOpensTheirClient() {
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        clientId = clients.add(new NewClient("Ana Holt", TestClinics.randomEmail(), BERLIN.getId(), "en", null, false)).id();
        view = navigate("app/clients/" + clientId, ClientView.class);
    }


    @Test
    void assigning_with_low_confidence_suggests_a_smaller_task_and_the_plan_appears_with_its_schedule_in_words() {
        test(view.assign).click();
        AssignDialog dialog = find(AssignDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.plan.isVisible()).as("the plan starts once a worksheet is chosen").isFalse();
        assertThat(dialog.assign.isEnabled()).isFalse();

        test(dialog.worksheet).selectItem("Thought record · Built-in");

        assertThat(dialog.plan.isVisible()).isTrue();
        assertThat(dialog.title.getValue()).isEqualTo("Thought record");
        assertThat(dialog.rationale.getValue()).isEqualTo(worksheets.builtIn("thought-record", null).document().rationale())
                .isNotBlank();
        assertThat(dialog.difficulty.getValue()).isEqualTo(2);
        assertThat(dialog.zoneNote.getText()).isEqualTo("Times are in Europe/Berlin, the client's time zone.");
        assertThat(dialog.start.getValue()).isEqualTo(today(BERLIN));
        assertThat(dialog.time.getValue()).isEqualTo(LocalTime.of(19, 0));

        test(dialog.title).setValue("Catch one thought");
        test(dialog.rationale).setValue("Writing it down helps me see the thought is not a fact.");
        test(dialog.what).setValue("One row after a stressful moment");
        test(dialog.when).setValue("After dinner");
        test(dialog.where).setValue("Kitchen table");
        test(dialog.kind).selectItem("Once");
        assertThat(dialog.start.getLabel()).isEqualTo("Date");
        assertThat(dialog.endMode.isVisible()).isFalse();
        assertThat(dialog.end.isVisible()).isFalse();
        assertThat(dialog.weekdays.isVisible()).isFalse();
        assertThat(dialog.everyDays.isVisible()).isFalse();
        test(dialog.time).setValue(LocalTime.of(18, 0));
        test(dialog.obstacles).selectItems("Forgetting", "Other");
        assertThat(dialog.obstacleOther.isVisible()).isTrue();
        test(dialog.obstacleOther).setValue("Visitors at the weekend");
        test(dialog.backupPlan).setValue("If I forget, I do it before bed");
        assertThat(dialog.suggestion.isVisible()).isFalse();

        test(dialog.confidence).selectItem("4");

        assertThat(dialog.suggestion.isVisible()).isTrue();
        assertThat(dialog.suggestionText.getText())
                .isEqualTo("Confidence below 7: consider making the task smaller, easier or shorter, then ask again.");
        test(dialog.what).setValue("Half a row after a stressful moment");
        test(dialog.planChanged).click();
        test(dialog.confidence).selectItem("8");
        assertThat(dialog.suggestionText.isVisible()).as("confidence is fine now").isFalse();
        assertThat(dialog.planChanged.isVisible()).as("what changed can still be recorded").isTrue();

        test(dialog.assign).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("“Catch one thought” assigned to Ana Holt.");
        Div card = find(Div.class, view.plan).withClassName("plan-card").single();
        assertThat(find(H3.class, card).single().getText()).isEqualTo("Catch one thought");
        String day = DateTimeFormatter.ofPattern("MMM d", Locale.US).format(today(BERLIN));
        assertThat(find(Paragraph.class, card).withClassName("plan-schedule").single().getText())
                .isEqualTo("Once on " + day + " at 6:00 PM");
        assertThat(find(Paragraph.class, card).withClassName("plan-why").single().getText())
                .isEqualTo("Why this helps: Writing it down helps me see the thought is not a fact.");
        assertThat(find(Paragraph.class, card).withClassName("client-card-meta").single().getText())
                .isEqualTo("Confidence 8/10 · Medium");

        AssignmentSummary summary = homework.assignments(clientId).getFirst();
        AssignmentPlan kept = homework.plan(summary.id());
        assertThat(kept.confidence()).isEqualTo(8);
        assertThat(kept.confidencePrompted()).as("the suggestion was shown").isTrue();
        assertThat(kept.planChanged()).isTrue();
        assertThat(kept.obstacles()).containsExactlyInAnyOrder(Obstacle.FORGETTING, Obstacle.OTHER);
        assertThat(kept.obstacleOther()).isEqualTo("Visitors at the weekend");
        assertThat(kept.what()).isEqualTo("Half a row after a stressful moment");
        assertThat(kept.schedule()).isEqualTo(Schedule.once(today(BERLIN), LocalTime.of(18, 0), BERLIN));
        assertThat(summary.total()).isEqualTo(1);
    }

    @Test
    void a_spanish_client_is_offered_the_spanish_built_ins_first_and_the_plan_is_prefilled_in_spanish() {
        UUID lucia = clients.add(new NewClient("Lucía Ortega", TestClinics.randomEmail(), BERLIN.getId(), "es", null, false)).id();
        view = navigate("app/clients/" + lucia, ClientView.class);
        test(view.assign).click();
        AssignDialog dialog = find(AssignDialog.class).single();

        List<String> offered = test(dialog.worksheet).getSuggestionItems().stream().map(e -> e.language()).toList();
        int firstEnglish = offered.indexOf("en");
        assertThat(offered.subList(0, firstEnglish)).as("Spanish first").isNotEmpty().containsOnly("es");
        assertThat(offered.subList(firstEnglish, offered.size())).doesNotContain("es");

        test(dialog.worksheet).selectItem("Registro de pensamientos · Built-in");
        assertThat(dialog.title.getValue()).isEqualTo("Registro de pensamientos");
        assertThat(dialog.rationale.getValue())
                .isEqualTo(worksheets.builtIn(worksheets.inLanguage("thought-record", "es"), null).document().rationale());
    }

    @Test
    void what_the_service_refuses_is_shown_at_the_field_and_the_dialog_stays_open() {
        test(view.assign).click();
        AssignDialog dialog = find(AssignDialog.class).single();
        test(dialog.worksheet).selectItem("Mood log · Built-in");

        test(dialog.rationale).setValue("   ");
        test(dialog.assign).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.rationale.isInvalid()).isTrue();
        assertThat(dialog.rationale.getErrorMessage()).isEqualTo("Please fill this in.");

        test(dialog.rationale).setValue("Seeing the pattern helps us plan.");
        test(dialog.assign).click();

        assertThat(dialog.rationale.isInvalid()).isFalse();
        assertThat(dialog.confidence.isInvalid()).as("confidence is asked, never assumed").isTrue();
        assertThat(dialog.confidence.getErrorMessage()).isEqualTo("Please choose a value from 0 to 10.");

        test(dialog.confidence).selectItem("9");
        test(dialog.kind).selectItem("On chosen days of the week");
        test(dialog.assign).click();

        assertThat(dialog.weekdays.isInvalid()).isTrue();
        assertThat(dialog.weekdays.getErrorMessage()).isEqualTo("Please choose at least one day of the week.");
        assertThat(dialog.suggestion.isVisible()).as("confidence was never low").isFalse();
        assertThat(homework.assignments(clientId)).isEmpty();
    }

    @Test
    void a_weekday_plan_for_a_number_of_times_is_described_in_words() {
        test(view.assign).click();
        AssignDialog dialog = find(AssignDialog.class).single();
        test(dialog.worksheet).selectItem("Relaxation practice log · Built-in");
        test(dialog.kind).selectItem("On chosen days of the week");
        test(dialog.weekdays).selectItems("Monday", "Wednesday", "Friday");
        test(dialog.endMode).selectItem("A number of times");
        assertThat(dialog.end.isVisible()).isFalse();
        assertThat(dialog.times.isVisible()).isTrue();
        test(dialog.times).setValue(6);
        test(dialog.confidence).selectItem("7");

        test(dialog.assign).click();

        assertThat(dialog.isOpened()).isFalse();
        AssignmentSummary summary = homework.assignments(clientId).getFirst();
        assertThat(summary.schedule().weekdays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(summary.total()).isEqualTo(6);
        assertThat(homework.plan(summary.id()).confidencePrompted()).as("7 is not below the threshold of 7").isFalse();
        String start = DateTimeFormatter.ofPattern("MMM d", Locale.US).format(today(BERLIN));
        Div card = find(Div.class, view.plan).withClassName("plan-card").single();
        assertThat(find(Paragraph.class, card).withClassName("plan-schedule").single().getText())
                .isEqualTo("Mon, Wed, Fri at 7:00 PM from " + start + ", 6 times");
    }

    @Test
    void schedules_read_as_a_therapist_would_say_them_in_both_languages() {
        LocalDate today = LocalDate.of(2026, 11, 20);
        LocalTime eight = LocalTime.of(20, 0);
        Schedule daily = new Schedule(Schedule.Kind.DAILY, LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 1), null,
                eight, null, null, BERLIN);
        Schedule everyThree = new Schedule(Schedule.Kind.EVERY_N_DAYS, LocalDate.of(2026, 11, 25), null, 4, eight,
                null, 3, BERLIN);
        Schedule nextYear = new Schedule(Schedule.Kind.DAILY, LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2), 3,
                eight, null, null, BERLIN);

        assertThat(ScheduleText.describe(daily, view, today)).isEqualTo("Daily at 8:00 PM from Nov 25 to Dec 1");
        assertThat(ScheduleText.describe(everyThree, view, today)).isEqualTo("Every 3 days at 8:00 PM from Nov 25, 4 times");
        assertThat(ScheduleText.describe(nextYear, view, today))
                .isEqualTo("Daily at 8:00 PM from Dec 30 to Jan 2, 2027, at most 3 times");

        UI.getCurrent().setLocale(Messages.SPANISH);

        assertThat(ScheduleText.describe(daily, view, today)).isEqualTo("Cada día a las 20:00 del 25 nov al 1 dic");
        assertThat(ScheduleText.describe(Schedule.once(LocalDate.of(2026, 11, 27), LocalTime.of(18, 0), BERLIN), view, today))
                .isEqualTo("Una vez, el 27 nov a las 18:00");
    }

    private String emptyText(Div section) {
        return find(Paragraph.class, section).withClassName("empty-state").single().getText();
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
