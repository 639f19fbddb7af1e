package app.homeward.homework.ui;

import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.ClientStatus;
import app.homeward.client.GoalStatus;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.AssignmentSummary;
import app.homeward.homework.HomeworkService;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Schedule;
import app.homeward.portal.ui.MissingObjectView;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.WorksheetService;
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

/** /app/clients/{id}: one client's page, assigning homework in session, and what one may not see. */
class ClientViewTest extends ViewTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired ClientService clients;
    @Autowired HomeworkService homework;
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
    void the_page_shows_who_the_client_is_and_what_to_do_next() {
        assertThat(find(H1.class).single().getText()).isEqualTo("Ana Holt");
        assertThat(view.header.getElement().getTextRecursively()).contains("Invited").contains(therapist.displayName())
                .contains("Europe/Berlin").contains("Not set");
        assertThat(view.resend.isVisible()).as("the client has not joined yet").isTrue();
        assertThat(view.reassign.isVisible()).as("only admins reassign").isFalse();
        assertThat(emptyText(view.plan)).startsWith("No homework yet. Use \"Assign homework\"");
        assertThat(emptyText(view.alerts)).startsWith("No open safety alerts.");
        assertThat(emptyText(view.changeRequests)).startsWith("No open requests.");
        assertThat(emptyText(view.goals)).startsWith("No goals yet.");
        assertThat(emptyText(view.entries)).startsWith("Nothing sent yet.");
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
        assertThat(dialog.start.getValue()).isEqualTo(LocalDate.now(BERLIN));
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
        String day = DateTimeFormatter.ofPattern("MMM d", Locale.US).format(LocalDate.now(BERLIN));
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
        assertThat(kept.schedule()).isEqualTo(Schedule.once(LocalDate.now(BERLIN), LocalTime.of(18, 0), BERLIN));
        assertThat(summary.total()).isEqualTo(1);
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
        String start = DateTimeFormatter.ofPattern("MMM d", Locale.US).format(LocalDate.now(BERLIN));
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

        com.vaadin.flow.component.UI.getCurrent().setLocale(app.homeward.base.Messages.SPANISH);

        assertThat(ScheduleText.describe(daily, view, today)).isEqualTo("Cada día a las 20:00 del 25 nov al 1 dic");
        assertThat(ScheduleText.describe(Schedule.once(LocalDate.of(2026, 11, 27), LocalTime.of(18, 0), BERLIN), view, today))
                .isEqualTo("Una vez, el 27 nov a las 18:00");
    }

    @Test
    void ending_a_plan_asks_first() {
        homework.assign(clientId, "mood-log", new AssignmentPlan("Mood log", "To see patterns", null, null, null,
                Schedule.once(LocalDate.now(BERLIN).plusDays(3), LocalTime.of(20, 0), BERLIN), null, null, null, 8,
                false, false, 1, null));
        view = navigate("app/clients/" + clientId, ClientView.class);
        Div card = find(Div.class, view.plan).withClassName("plan-card").single();

        test(find(Button.class, card).withText("End").single()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("End Mood log?");
        test(confirm).confirm();

        assertThat(notificationTexts()).contains("Mood log has ended.");
        card = find(Div.class, view.plan).withClassName("plan-card").single();
        assertThat(card.getElement().getTextRecursively()).contains("Ended");
        assertThat(find(Button.class, card).withText("End").exists()).isFalse();
    }

    @Test
    void goals_are_added_and_marked_achieved() {
        test(view.newGoal).setValue("Sleep before midnight on weekdays");
        test(view.addGoal).click();

        assertThat(notificationTexts()).contains("Goal added.");
        assertThat(clients.goals(clientId)).singleElement().satisfies(g -> assertThat(g.text()).isEqualTo("Sleep before midnight on weekdays"));
        test(find(Button.class, view.goals).withAriaLabel("Achieved: Sleep before midnight on weekdays").single()).click();

        assertThat(clients.goals(clientId).getFirst().status()).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(view.goals.getElement().getTextRecursively()).contains("Achieved").contains("Reopen");
    }

    @Test
    void archiving_asks_first_and_leaves_a_read_only_page_that_can_be_restored() {
        test(view.archive).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Archive Ana Holt?");
        test(confirm).confirm();

        assertThat(notificationTexts()).contains("Ana Holt is archived.");
        assertThat(clients.profile(clientId).status()).isEqualTo(ClientStatus.ARCHIVED);
        assertThat(view.assign.isVisible()).isFalse();
        assertThat(view.edit.isVisible()).isFalse();
        assertThat(view.restore.isVisible()).isTrue();
        assertThat(find(Paragraph.class).id("archived-note").getText()).startsWith("This client is archived");

        test(view.restore).click();

        assertThat(clients.profile(clientId).status()).isEqualTo(ClientStatus.INVITED);
        assertThat(view.assign.isVisible()).isTrue();
    }

    @Test
    void editing_details_saves_them_and_a_bad_zone_is_explained_at_its_field() {
        test(view.edit).click();
        ClientDetailsDialog dialog = find(ClientDetailsDialog.class).single();
        assertThat(dialog.name.getValue()).isEqualTo("Ana Holt");
        assertThat(dialog.email.isAttached()).as("the email is where the invitation went: not edited here").isFalse();

        dialog.timeZone.clear();
        test(dialog.save).click();
        assertThat(dialog.timeZone.isInvalid()).isTrue();
        assertThat(dialog.timeZone.getErrorMessage()).isEqualTo("Please choose a time zone from the list.");

        test(dialog.name).setValue("Ana María Holt");
        test(dialog.timeZone).selectItem("America/Mexico_City");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("Details saved.");
        assertThat(find(H1.class).single().getText()).isEqualTo("Ana María Holt");
        ClientProfile saved = clients.profile(clientId);
        assertThat(saved.timeZone()).isEqualTo(ZoneId.of("America/Mexico_City"));
    }

    @Test
    void an_admin_reassigns_the_client_to_a_colleague() {
        TestAccount colleague = testClinics.account(clinic, Role.THERAPIST);
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();
        view = navigate("app/clients/" + clientId, ClientView.class);
        assertThat(view.reassign.isVisible()).isTrue();

        test(view.reassign).click();
        var dialog = find(com.vaadin.flow.component.dialog.Dialog.class).id("reassign-dialog");
        @SuppressWarnings("unchecked")
        var select = (com.vaadin.flow.component.select.Select<app.homeward.security.AccountService.StaffMember>)
                find(com.vaadin.flow.component.select.Select.class, dialog).id("reassign-therapist");
        test(select).selectItem(colleague.displayName() + " (Therapist)");
        test(find(Button.class).id("reassign-save")).click();

        assertThat(notificationTexts()).contains("Ana Holt is now in " + colleague.displayName() + "'s caseload.");
        assertThat(clients.profile(clientId).therapistId()).isEqualTo(colleague.id());
    }

    @Test
    void a_client_of_another_therapist_is_not_found() {
        TestAccount colleague = testClinics.account(clinic, Role.THERAPIST);
        colleague.signIn();
        UUID theirs = clients.add(new NewClient("Bo Other", TestClinics.randomEmail(), "Europe/Madrid", "en", null, false)).id();
        therapist.signIn();

        navigate("app/clients/" + theirs, MissingObjectView.class);

        assertThat(find(ClientView.class).exists()).isFalse();
        assertThat(find(H1.class).single().getText()).isEqualTo("Page not found");
    }

    @Test
    void a_client_of_another_clinic_and_a_malformed_id_are_not_found() {
        ClinicBranding otherClinic = testClinics.clinic();
        TestAccount stranger = testClinics.account(otherClinic, Role.THERAPIST);
        stranger.signIn();
        UUID theirs = clients.add(new NewClient("Cy Far", TestClinics.randomEmail(), "Europe/Madrid", "en", null, false)).id();
        therapist.signIn();

        navigate("app/clients/" + theirs, MissingObjectView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("Page not found");

        navigate("app/clients/not-a-uuid", MissingObjectView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("Page not found");
    }

    private String emptyText(Div section) {
        return find(Paragraph.class, section).withClassName("empty-state").single().getText();
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
