package app.homeward.homework.plan.ui;

import app.homeward.Mails;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.client.ui.ClientView;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.AssignmentSummary.StepState;
import app.homeward.homework.plan.AssignmentSummary;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.ui.TodayView;
import app.homeward.security.HomewardUser;
import app.homeward.security.InvitationService;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assign dialog's three kinds of homework (one worksheet, a step ladder, the client's choice),
 * changing a plan from the client page, a ladder as one card with "Unlock next step", and the
 * client choosing on their Today page, which also says which time zone its times are in.
 */
class LadderAndChoiceViewsTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired InvitationService invitations;

    ClinicBranding clinic;
    TestAccount therapist;
    String email;
    UUID clientId;
    ClientView view;

    @BeforeEach
    void aTherapistOpensTheirClient() {
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        email = TestClinics.randomEmail();
        clientId = clients.add(new NewClient("Ana Holt", email, LONDON.getId(), "en", null, false)).id();
        view = navigate("app/clients/" + clientId, ClientView.class);
    }

    @Test
    void a_step_ladder_is_built_in_the_dialog_with_steps_added_moved_and_removed() {
        test(view.assign).click();
        AssignDialog dialog = find(AssignDialog.class).single();
        assertThat(dialog.mode.getValue()).isEqualTo(AssignDialog.Mode.ONE);
        assertThat(dialog.stepsSection.isVisible()).isFalse();

        test(dialog.mode).selectItem("A step ladder: the next step opens when the one before is done");
        test(dialog.worksheet).selectItem("Exposure practice record · Built-in");

        assertThat(dialog.stepsSection.isVisible()).isTrue();
        assertThat(dialog.ladderNote.isVisible()).isTrue();
        assertThat(dialog.title.getLabel()).isEqualTo("Name of the ladder");
        assertThat(dialog.title.getValue()).as("the client sees the steps' texts, not the worksheet's title").isEmpty();
        assertThat(dialog.assign.getText()).isEqualTo("Assign the ladder");
        assertThat(dialog.stepFields).hasSize(2);
        assertThat(find(Button.class, dialog.steps).withAriaLabel("Remove step 1").single().isEnabled())
                .as("a ladder has at least two steps").isFalse();

        test(dialog.stepFields.get(0)).setValue("Ride one floor alone");
        test(dialog.stepFields.get(1)).setValue("Stand by the lift");
        test(dialog.addStep).click();
        assertThat(dialog.stepFields).hasSize(3);
        assertThat(dialog.stepFields.get(2).getLabel()).isEqualTo("Step 3");
        test(dialog.stepFields.get(2)).setValue("Ride one floor with a friend");
        test(find(Button.class, dialog.steps).withAriaLabel("Move step 2 up").single()).click();
        test(find(Button.class, dialog.steps).withAriaLabel("Move step 3 up").single()).click();
        test(dialog.addStep).click();
        test(find(Button.class, dialog.steps).withAriaLabel("Remove step 4").single()).click();
        assertThat(dialog.stepFields).extracting(TextField::getValue)
                .containsExactly("Stand by the lift", "Ride one floor with a friend", "Ride one floor alone");

        test(dialog.endMode).selectItem("A number of times");
        test(dialog.times).setValue(2);
        test(dialog.confidence).selectItem("7");
        test(dialog.assign).click();
        assertThat(dialog.isOpened()).as("the ladder needs a name").isTrue();
        assertThat(dialog.title.isInvalid()).isTrue();

        test(dialog.title).setValue("Lifts");
        test(dialog.stepFields.get(1)).setValue("   ");
        test(dialog.assign).click();
        assertThat(dialog.stepFields.get(1).isInvalid()).isTrue();
        assertThat(dialog.stepFields.get(1).getErrorMessage()).isEqualTo("Please fill this in.");

        test(dialog.stepFields.get(1)).setValue("Ride one floor with a friend");
        test(dialog.assign).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("Step ladder “Lifts” assigned to Ana Holt.");
        Div card = find(Div.class, view.plan).withClassName("ladder-card").single();
        assertThat(find(H3.class, card).single().getText()).isEqualTo("Lifts");
        assertThat(find(ListItem.class, card).all()).extracting(li -> li.getElement().getTextRecursively())
                .containsExactly("Stand by the lift Now", "Ride one floor with a friend Waiting", "Ride one floor alone Waiting");
        assertThat(card.getElement().getTextRecursively()).contains("Step ladder, 3 steps");
        assertThat(homework.assignments(clientId)).extracting(AssignmentSummary::total).containsOnly(2, 0);

        test(find(Button.class, card).withText("Unlock next step").single()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Open “Ride one floor with a friend” now?");
        test(confirm).confirm();

        assertThat(notificationTexts()).contains("“Ride one floor with a friend” is open from today.");
        card = find(Div.class, view.plan).withClassName("ladder-card").single();
        assertThat(find(ListItem.class, card).all()).extracting(li -> li.getElement().getTextRecursively())
                .containsExactly("Stand by the lift Done", "Ride one floor with a friend Now", "Ride one floor alone Waiting");
    }

    @Test
    void ending_a_ladder_asks_first_and_ends_every_step() {
        homework.assignLadder(clientId, "exposure-practice", plan("Crowds"), List.of("Quiet shop", "Busy shop"));
        view = navigate("app/clients/" + clientId, ClientView.class);
        Div card = find(Div.class, view.plan).withClassName("ladder-card").single();

        test(find(Button.class, card).withText("End ladder").single()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("End the ladder Crowds?");
        test(confirm).confirm();

        assertThat(notificationTexts()).contains("Crowds has ended.");
        assertThat(homework.assignments(clientId)).extracting(AssignmentSummary::status).containsOnly(AssignmentStatus.ENDED);
        card = find(Div.class, view.plan).withClassName("ladder-card").single();
        assertThat(find(ListItem.class, card).all()).extracting(li -> li.getElement().getTextRecursively())
                .containsExactly("Quiet shop Ended", "Busy shop Not reached");
        assertThat(find(Button.class, card).withText("Unlock next step").exists()).isFalse();
    }

    @Test
    void a_choice_is_offered_in_the_dialog_and_shows_as_waiting_for_the_client() {
        test(view.assign).click();
        AssignDialog dialog = find(AssignDialog.class).single();
        test(dialog.mode).selectItem("Let the client choose between two or three worksheets");
        assertThat(dialog.worksheet.getLabel()).isEqualTo("First option");
        assertThat(dialog.secondWorksheet.isVisible()).isTrue();
        assertThat(dialog.thirdWorksheet.isVisible()).isTrue();
        test(dialog.worksheet).selectItem("Mood log · Built-in");
        assertThat(dialog.title.isVisible()).as("the chosen worksheet's title is used").isFalse();
        assertThat(dialog.rationale.getValue()).as("each option brings its own reason").isEmpty();
        test(dialog.secondWorksheet).selectItem("Mood log · Built-in");
        test(dialog.confidence).selectItem("8");
        test(dialog.assign).click();

        assertThat(dialog.secondWorksheet.isInvalid()).isTrue();
        assertThat(dialog.secondWorksheet.getErrorMessage()).isEqualTo("Please offer different worksheets.");

        test(dialog.secondWorksheet).selectItem("Thought record · Built-in");
        test(dialog.thirdWorksheet).selectItem("Relaxation practice log · Built-in");
        test(dialog.assign).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("A choice of 3 worksheets is waiting for Ana Holt.");
        Div card = find(Div.class, view.plan).withClassName("choice-card").single();
        assertThat(card.getElement().getTextRecursively()).contains("Waiting for Ana Holt to choose")
                .contains("Mood log").contains("Thought record").contains("Relaxation practice log");

        test(find(Button.class, card).withText("Withdraw").single()).click();
        test(find(ConfirmDialog.class).single()).confirm();

        assertThat(notificationTexts()).contains("The choice is withdrawn.");
        assertThat(homework.assignments(clientId)).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(AssignmentStatus.ENDED));
    }

    @Test
    void changing_a_plan_from_the_client_page_prefills_the_dialog_and_applies_from_now_on() {
        UUID assignment = homework.assign(clientId, "mood-log", plan("Mood log"));
        view = navigate("app/clients/" + clientId, ClientView.class);
        Div card = find(Div.class, view.plan).withClassName("plan-card").single();

        test(find(Button.class, card).withAriaLabel("Change plan: Mood log").single()).click();

        AssignDialog dialog = find(AssignDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Change the plan");
        assertThat(dialog.changeNote.getText()).isEqualTo("Changes apply from now on; past homework stays as it was.");
        assertThat(dialog.fixedWorksheet.getText()).isEqualTo("Worksheet: Mood log");
        assertThat(dialog.worksheet.isVisible()).isFalse();
        assertThat(dialog.mode.isVisible()).isFalse();
        assertThat(dialog.assign.getText()).isEqualTo("Save changes");
        assertThat(dialog.title.getValue()).isEqualTo("Mood log");
        assertThat(dialog.where.getValue()).isEqualTo("At the station");
        assertThat(dialog.endMode.getValue()).isEqualTo(AssignDialog.EndMode.TIMES);
        assertThat(dialog.times.getValue()).isEqualTo(3);
        assertThat(dialog.confidence.getValue()).isEqualTo(7);
        assertThat(dialog.obstacles.getValue()).containsExactly(Obstacle.AVOIDANCE);

        test(dialog.where).setValue("At home, on the sofa");
        test(dialog.time).setValue(LocalTime.of(21, 0));
        test(dialog.assign).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("The plan for “Mood log” is saved.");
        AssignmentPlan saved = homework.plan(assignment);
        assertThat(saved.where()).isEqualTo("At home, on the sofa");
        assertThat(saved.schedule().timeOfDay()).isEqualTo(LocalTime.of(21, 0));
        card = find(Div.class, view.plan).withClassName("plan-card").single();
        assertThat(find(Paragraph.class, card).withClassName("plan-schedule").single().getText()).contains("9:00 PM");
    }

    @Test
    void the_client_chooses_on_the_today_page_which_says_what_time_zone_its_times_are_in() {
        homework.offerChoice(clientId, List.of("mood-log", "thought-record"), new AssignmentPlan("", "",
                "Once, after dinner", null, null, Schedule.once(today(LONDON), LocalTime.of(23, 59), LONDON),
                Set.of(), "", "", 8, false, false, 1, null));
        HomewardUser client = accept();
        TestUsers.signInAs(client);

        TodayView today = navigate("my", TodayView.class);

        assertThat(today.zoneNote.getText()).isEqualTo("Times are in your time zone: London Time (Europe/London).");
        assertThat(today.choices.getElement().getTextRecursively()).contains("Choose your homework")
                .contains("Mood log").contains("Thought record");
        assertThat(find(Paragraph.class, today.choices).withClassName("choice-why").all())
                .allSatisfy(p -> assertThat(p.getText()).isNotBlank().endsWith("."));
        Button pick = find(Button.class, today.choices).withAriaLabel("I'll do this one: Thought record").single();
        assertThat(pick.getText()).isEqualTo("I'll do this one");

        test(pick).click();

        assertThat(notificationTexts()).contains("Good choice. “Thought record” is on your list from today.");
        assertThat(today.choices.getChildren()).isEmpty();
        Div card = find(Div.class, today).withClassName("homework-card").single();
        assertThat(find(H3.class, card).single().getText()).isEqualTo("Thought record");

        therapist.signIn();
        view = navigate("app/clients/" + clientId, ClientView.class);
        Div planCard = find(Div.class, view.plan).withClassName("plan-card").single();
        assertThat(planCard.getElement().getTextRecursively()).contains("Chosen by the client");
    }

    @Test
    void a_ladder_step_card_tells_the_client_which_step_it_is_and_when_the_next_opens() {
        homework.assignLadder(clientId, "mood-log", plan("Lifts"), List.of("Stand by the lift", "Ride one floor"));
        HomewardUser client = accept();
        TestUsers.signInAs(client);

        TodayView today = navigate("my", TodayView.class);

        Div card = find(Div.class, today).withClassName("homework-card").all().getFirst();
        assertThat(find(H3.class, card).single().getText()).isEqualTo("Stand by the lift");
        assertThat(find(Span.class, card).withClassName("homework-step").single().getText()).isEqualTo("Step 1 of 2");
        assertThat(find(Paragraph.class, card).withClassName("homework-next-step").single().getText())
                .isEqualTo("The next step opens when you finish this one.");
        therapist.signIn();
        assertThat(homework.assignments(clientId)).extracting(s -> s.ladder().state())
                .containsExactlyInAnyOrder(StepState.NOW, StepState.WAITING);
    }

    private AssignmentPlan plan(String title) {
        return new AssignmentPlan(title, "Facing it step by step teaches your body that it is safe.", "Stay a while",
                "After work", "At the station", new Schedule(Schedule.Kind.DAILY, today(LONDON), null, 3,
                LocalTime.of(23, 59), null, null, LONDON), Set.of(Obstacle.AVOIDANCE), "", "", 7, false, false, 2, null);
    }

    private HomewardUser accept() {
        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).as("invitation to " + email).isNotEmpty();
        String token = Mails.token(Mails.text(mails.getLast()), clinic.slug(), "invite");
        signOutOfThisBrowser();
        TestUsers.signOut();
        return invitations.accept(clinic.slug(), token, "Ana Holt", "a-long-passphrase-" + TestClinics.random(8));
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
