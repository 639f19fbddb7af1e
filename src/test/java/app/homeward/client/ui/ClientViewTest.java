package app.homeward.client.ui;

import app.homeward.ShownText;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.base.Messages;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.ClientStatus;
import app.homeward.client.GoalStatus;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.portal.ui.MissingObjectView;
import app.homeward.security.AccountService;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.WorksheetService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
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
    void the_page_shows_who_the_client_is_and_what_to_do_next() {
        assertThat(find(H1.class).single().getText()).isEqualTo("Ana Holt");
        assertThat(ShownText.of(view.header)).contains("Invited").contains(therapist.displayName())
                .contains("Europe/Berlin").contains("Not set");
        assertThat(shown(view.resend)).as("the client has not joined yet").isTrue();
        assertThat(shown(view.reassign)).as("only admins reassign").isFalse();
        assertThat(emptyText(view.plan)).startsWith("No homework yet. Use \"Assign homework\"");
        assertThat(emptyText(view.alerts)).startsWith("No open safety alerts.");
        assertThat(emptyText(view.changeRequests)).startsWith("No open requests.");
        assertThat(emptyText(view.goals)).startsWith("No goals yet.");
        assertThat(emptyText(view.entries)).startsWith("Nothing sent yet.");
    }

    @Test
    void ending_a_plan_asks_first() {
        homework.assign(clientId, "mood-log", new AssignmentPlan("Mood log", "To see patterns", null, null, null,
                Schedule.once(today(BERLIN).plusDays(3), LocalTime.of(20, 0), BERLIN), null, null, null, 8,
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
    void the_plan_is_grouped_by_the_goal_each_homework_serves() {
        UUID sleep = clients.addGoal(clientId, "Sleep through the night").id();
        clients.addGoal(clientId, "Walk twice a week");
        homework.assign(clientId, "mood-log", new AssignmentPlan("Mood log", "To see patterns", null, null, null,
                Schedule.once(today(BERLIN).plusDays(3), LocalTime.of(20, 0), BERLIN), null, null, null, 8,
                false, false, 1, null));
        homework.assign(clientId, "sleep-diary", new AssignmentPlan("Sleep diary", "To see what helps sleep", null, null,
                null, Schedule.once(today(BERLIN).plusDays(3), LocalTime.of(9, 0), BERLIN), null, null, null, 8,
                false, false, 1, sleep));

        view = navigate("app/clients/" + clientId, ClientView.class);

        // headings and cards in page order: the goal with a plan first, then what serves no goal;
        // a goal with no homework gets no heading
        List<String> order = view.plan.getChildren()
                .map(c -> c instanceof H3 h ? "# " + h.getText() : ((Div) c).getElement().getChildren()
                        .filter(e -> "h3".equals(e.getTag())).findFirst().map(e -> e.getText()).orElse("?"))
                .toList();
        assertThat(order).containsExactly("# Towards: Sleep through the night", "Sleep diary", "# Not linked to a goal",
                "Mood log");
    }

    /**
     * WCAG 2.5.3 (label in name): a button named after what it acts on still begins its accessible name
     * with the words on it, so "click Change plan" works by voice, in either language.
     */
    @Test
    void every_named_button_begins_its_name_with_the_words_on_it_in_english_and_spanish() {
        homework.assign(clientId, "mood-log", new AssignmentPlan("Mood log", "To see patterns", null, null, null,
                Schedule.once(today(BERLIN).plusDays(3), LocalTime.of(20, 0), BERLIN), null, null, null, 8,
                false, false, 1, null));
        test(view.newGoal).setValue("Walk twice a week");
        test(view.addGoal).click();
        for (Locale locale : List.of(Locale.ENGLISH, Messages.SPANISH)) {
            UI.getCurrent().setLocale(locale);
            navigate("app/clients/" + clientId, ClientView.class);

            List<Button> named = find(Button.class).all().stream()
                    .filter(b -> b.getAriaLabel().isPresent() && !b.getText().isBlank()).toList();
            assertThat(named).as("the plan's and the goal's buttons").hasSizeGreaterThanOrEqualTo(3);
            assertThat(named).allSatisfy(b -> assertThat(b.getAriaLabel().orElseThrow())
                    .as(locale + ": the name of \"" + b.getText() + "\"").startsWith(b.getText())
                    .containsAnyOf("Mood log", "Walk twice a week"));
        }
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
        assertThat(shown(view.assign)).isFalse();
        assertThat(shown(view.edit)).isFalse();
        assertThat(shown(view.archive)).isFalse();
        assertThat(shown(view.restore)).isTrue();
        assertThat(find(Paragraph.class).id("archived-note").getText()).startsWith("This client is archived");

        test(view.restore).click();

        assertThat(clients.profile(clientId).status()).isEqualTo(ClientStatus.INVITED);
        assertThat(shown(view.assign)).isTrue();
        assertThat(shown(view.restore)).isFalse();
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
        assertThat(shown(view.reassign)).isTrue();

        test(view.reassign).click();
        var dialog = find(Dialog.class).id("reassign-dialog");
        @SuppressWarnings("unchecked")
        var select = (Select<AccountService.StaffMember>)
                find(Select.class, dialog).id("reassign-therapist");
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

    /** On the page and visible: the view builds only the actions that apply (a field is null otherwise). */
    private static boolean shown(Component component) {
        return component != null && component.isAttached() && component.isVisible();
    }
}
