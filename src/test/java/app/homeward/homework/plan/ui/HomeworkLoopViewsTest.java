package app.homeward.homework.plan.ui;

import app.homeward.Mails;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.client.ClientStatus;
import app.homeward.client.ui.BeforeSessionView;
import app.homeward.client.ui.CaseloadView;
import app.homeward.client.ui.ClientDetailsDialog;
import app.homeward.client.ui.ClientView;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.ChangeReason;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Reflection;
import app.homeward.homework.adherence.CaseloadRow;
import app.homeward.homework.plan.AssignmentSummary;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.ui.DoHomeworkView;
import app.homeward.homework.portal.ui.ProgressView;
import app.homeward.homework.portal.ui.TodayView;
import app.homeward.homework.review.EntryDetail;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.ui.EntryReviewView;
import app.homeward.homework.review.ui.ReviewQueueView;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.security.ui.AcceptInvitationView;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.browserless.internal.MockPage;
import app.homeward.worksheet.ui.Choices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole homework loop as the therapist and the client live it, through the views only: the
 * therapist adds and invites a client, the invitation arrives by real SMTP, the client accepts and
 * lands in the portal, the therapist plans homework in session (the confidence gate makes the task
 * smaller), the client fills it in with autosave, sends it, reflects and asks for a change, the
 * therapist reviews it with feedback, the client reads the feedback, and before the next session the
 * therapist carries the unfinished plan over after asking what got in the way.
 * <p>
 * Service calls appear only in assertions (what was stored), never to drive the loop.
 */
class HomeworkLoopViewsTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final String RATIONALE = "Naming the mood each day shows us what lifts it and what pulls it down.";
    static final String FEEDBACK = "You did half of it in a hard week, and that counts. Thank you.";

    @Autowired HomeworkPlans homework;

    @Autowired ReviewService reviews;

    @Test
    void a_client_is_invited_does_the_homework_planned_in_session_and_it_is_reviewed_and_carried_over() {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        // daytime for the client: a daily plan at 01:00 has today's occurrence due (the before-session view
        // looks back up to now) and tomorrow's still ahead
        ZoneId zone = ZoneId.of("Europe/Berlin");
        clock.moveTo(ZonedDateTime.of(today(zone), LocalTime.of(10, 0), zone).toInstant());
        String email = TestClinics.randomEmail();
        String name = "Mara Ellis " + TestClinics.random(4);

        // ---- the therapist adds the client, who gets the invitation by email
        therapist.signIn();
        CaseloadView caseload = navigate(CaseloadView.class);
        test(caseload.add).click();
        ClientDetailsDialog details = find(ClientDetailsDialog.class).single();
        test(details.name).setValue(name);
        test(details.email).setValue(email);
        test(details.timeZone).selectItem(zone.getId());
        test(details.save).click();

        assertThat(notificationTexts()).contains("Invitation sent to " + email + ".");
        CaseloadRow row = rows(caseload.grid).stream().filter(r -> r.client().email().equals(email)).findFirst().orElseThrow();
        assertThat(row.client().status()).isEqualTo(ClientStatus.INVITED);
        UUID clientId = row.client().id();
        MimeMessage invitation = Mails.awaitTo(greenMail, email, 1).getFirst();
        assertThat(Mails.subject(invitation)).contains(clinic.name());
        String token = Mails.token(Mails.text(invitation), clinic.slug(), "invite");

        // ---- the client accepts with a password of their own and lands in the portal
        signOutOfThisBrowser();
        navigate("c/" + clinic.slug() + "/invite/" + token, AcceptInvitationView.class);
        assertThat(find(TextField.class).id("name").getValue()).isEqualTo(name);
        test(find(PasswordField.class).id("password")).setValue("quiet harbour lights " + TestClinics.random(4));
        test(find(Button.class).id("accept-invitation")).click();

        HomewardUser client = CurrentUser.get().orElseThrow();
        assertThat(client.role()).isEqualTo(Role.CLIENT);
        assertThat(client.clinicId()).isEqualTo(clinic.id());
        assertThat(((MockPage) UI.getCurrent().getPage()).getLastExternalNavigationURL()).isEqualTo("my");
        navigate(TodayView.class);
        assertThat(find(H1.class).id("home-title").getText()).isEqualTo("Hi, " + name);
        assertThat(find(Div.class).withClassName("empty-state").single().getElement().getTextRecursively())
                .startsWith("Nothing to do right now.");

        // ---- in session: the therapist plans the homework; low confidence makes the task smaller
        signOutOfThisBrowser();
        therapist.signIn();
        ClientView clientPage = navigate("app/clients/" + clientId, ClientView.class);
        assertThat(clientPage.header.getElement().getTextRecursively()).contains("Active");
        test(clientPage.assign).click();
        AssignDialog dialog = find(AssignDialog.class).single();
        test(dialog.worksheet).selectItem("Mood log · Built-in");
        assertThat(dialog.title.getValue()).isEqualTo("Mood log");
        test(dialog.rationale).setValue(RATIONALE);
        test(dialog.what).setValue("Rate the mood and tick the feelings, every evening");
        test(dialog.when).setValue("After brushing teeth");
        test(dialog.where).setValue("In bed, on the phone");
        test(dialog.kind).selectItem("Every day");
        test(dialog.endMode).selectItem("A number of times");
        test(dialog.times).setValue(7);
        // early in the day, so that today's occurrence is already due when the therapist looks back
        test(dialog.time).setValue(LocalTime.of(1, 0));
        test(dialog.obstacles).selectItems("Forgetting", "Low mood or energy");
        test(dialog.backupPlan).setValue("If I forget, I do it with my morning coffee");
        assertThat(dialog.suggestion.isVisible()).isFalse();

        test(dialog.confidence).selectItem("5");

        assertThat(dialog.suggestion.isVisible()).as("confidence below the clinic's threshold of 7").isTrue();
        assertThat(dialog.suggestionText.getText())
                .isEqualTo("Confidence below 7: consider making the task smaller, easier or shorter, then ask again.");
        test(dialog.times).setValue(3);
        test(dialog.what).setValue("Only rate the mood, every evening");
        test(dialog.planChanged).click();
        test(dialog.confidence).selectItem("8");
        test(dialog.assign).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("“Mood log” assigned to " + name + ".");
        AssignmentSummary assigned = homework.assignments(clientId).getFirst();
        AssignmentPlan kept = homework.plan(assigned.id());
        assertThat(kept.confidence()).isEqualTo(8);
        assertThat(kept.confidencePrompted()).as("the suggestion was shown").isTrue();
        assertThat(kept.planChanged()).as("and the plan was changed").isTrue();
        assertThat(kept.what()).isEqualTo("Only rate the mood, every evening");
        assertThat(kept.obstacles()).containsExactlyInAnyOrder(Obstacle.FORGETTING, Obstacle.LOW_MOOD);
        assertThat(assigned.total()).isEqualTo(3);

        // ---- the client does today's homework on their phone: autosave, send, reflect
        signOutOfThisBrowser();
        TestUsers.signInAs(client);
        navigate(TodayView.class);
        String todayText = getCurrentViewText();
        assertThat(todayText).contains("For today").contains("Mood log").contains(RATIONALE)
                .contains("If I forget, I do it with my morning coffee");
        assertThat(todayText.indexOf(RATIONALE)).as("the rationale comes first, then the plan")
                .isLessThan(todayText.indexOf("Only rate the mood"));
        test(find(Button.class).withText("Start").single()).click();

        DoHomeworkView doing = (DoHomeworkView) getCurrentView();
        assertThat(doing.saveStatus.getText()).isEqualTo("Your answers are saved as you go.");
        LocalDate today = today(zone);
        assertThat(field(DatePicker.class, doing.form, "date").getValue()).as("a new mood log starts on today")
                .isEqualTo(today);
        Choices.choose(radios(doing.form, "mood"), "3");
        assertThat(doing.saveStatus.getText()).as("saved as soon as something changed").startsWith("Saved at ");
        Choices.choose(radios(doing.form, "mood"), "4");
        test(field(TextArea.class, doing.form, "happened")).setValue("A long day at work");
        assertThat(doing.saveStatus.getText()).startsWith("Saved at ");
        assertThat(doing.saveStatus.hasClassName("save-status--problem")).isFalse();

        test(doing.submit).click();

        assertThat(notificationTexts()).contains("Sent. Thank you for doing this.");
        Div reflection = find(Div.class).id("reflection");
        test(scale(reflection, "How much of it did you do?")).selectItem("50 %");
        test(scale(reflection, "How hard was it? (0 = very easy, 10 = very hard)")).selectItem("6");
        test(scale(reflection, "How helpful was it? (0 = not at all, 10 = very)")).selectItem("8");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Obstacle> met = find(CheckboxGroup.class, reflection).single();
        test(met).selectItems("Forgetting");
        test(find(TextArea.class, reflection).single()).setValue("I remembered only in the morning.");
        test(find(Button.class).id("save-reflection")).click();

        assertThat(notificationTexts()).contains("Thank you. Your therapist will see this too.");
        assertThat(getCurrentView()).isInstanceOf(TodayView.class);
        assertThat(find(Button.class).withText("See what you sent").exists()).isTrue();

        // ... and asks for a change from the same card
        test(find(Button.class).withText("Ask for a change").all().getFirst()).click();
        Dialog ask = find(Dialog.class).withCondition(Dialog::isOpened).single();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ChangeReason> reason = find(RadioButtonGroup.class, ask).single();
        test(reason).selectItem("It is too hard right now");
        test(find(TextArea.class, ask).single()).setValue("Evenings are when I am most tired");
        test(find(Button.class, ask).withText("Send to my therapist").single()).click();

        assertThat(notificationTexts()).contains("Sent. Your therapist will see it.");
        assertThat(ask.isOpened()).isFalse();

        // ---- the therapist finds it in the review queue and gives feedback
        signOutOfThisBrowser();
        therapist.signIn();
        ReviewQueueView queue = navigate(ReviewQueueView.class);
        assertThat(rows(queue.grid)).singleElement().satisfies(item -> {
            assertThat(item.clientId()).isEqualTo(clientId);
            assertThat(item.clientName()).isEqualTo(name);
            assertThat(item.title()).isEqualTo("Mood log");
            assertThat(item.percentDone()).isEqualTo(50);
        });
        test(find(RouterLink.class, test(queue.grid).getCellComponent(0, "homework")).single()).click();

        EntryReviewView review = (EntryReviewView) getCurrentView();
        assertThat(field(TextArea.class, review.form, "happened").getValue()).isEqualTo("A long day at work");
        assertThat(review.detail.answers()).containsEntry("mood", 4).containsEntry("date", today(zone).toString());
        assertThat(find(Div.class).id("entry-reflection").getElement().getTextRecursively())
                .contains("50 %").contains("6 out of 10").contains("8 out of 10").contains("Forgetting")
                .contains("I remembered only in the morning.");
        test(review.feedback).setValue(FEEDBACK);
        test(review.markReviewed).click();

        assertThat(notificationTexts()).contains("Marked reviewed. " + name + " can now see your feedback.");
        assertThat(rows(((ReviewQueueView) getCurrentView()).grid)).isEmpty();
        EntryDetail reviewed = reviews.entry(review.detail.entryId());
        assertThat(reviewed.reviewedAt()).isNotNull();
        assertThat(reviewed.reflection()).isEqualTo(new Reflection(50, 6, 8, Set.of(Obstacle.FORGETTING),
                "I remembered only in the morning."));

        // ---- the client sees the feedback in their progress and on the entry
        signOutOfThisBrowser();
        TestUsers.signInAs(client);
        navigate(ProgressView.class);
        assertThat(getCurrentViewText()).contains("1 piece of homework sent").contains("50 % done");
        assertThat(find(Span.class).withClassName("badge").withText("Feedback").exists()).isTrue();
        test(find(RouterLink.class).withText("Mood log").single()).click();

        assertThat(getCurrentView()).isInstanceOf(DoHomeworkView.class);
        assertThat(find(Div.class).id("therapist-feedback").getElement().getTextRecursively()).contains(FEEDBACK);

        // ---- before the next session: what happened, and the unfinished plan carried over
        signOutOfThisBrowser();
        therapist.signIn();
        navigate("app/clients/" + clientId + "/before-session", BeforeSessionView.class);
        String before = getCurrentViewText();
        assertThat(before).contains("Before the session with " + name)
                .contains("Done 0 · partly 1 · missed 0 · still open 0")
                .contains("Did 50 % · difficulty 6/10 · helpful 8/10")
                .contains("I remembered only in the morning.")
                .contains("Forgetting · 1")
                .contains("Mood log: It is too hard right now — Evenings are when I am most tired");

        assertThat(find(RouterLink.class).id("before-back").getText()).isEqualTo("Back to " + name);
        // the partly done day is talked through first; what got in the way is where the carry-over starts
        assertThat(before).contains("Missed and partly done").contains("Mood log · ").contains(" · partly done");
        test(find(Button.class).withText("Mark as talked through").single()).click();
        Dialog talked = find(Dialog.class).withCondition(Dialog::isOpened).single();
        test(find(TextField.class, talked).single()).setValue("Evenings are busy");
        test(find(Button.class).id("missed-discussed-save")).click();
        assertThat(notificationTexts()).contains("Marked as talked through.");
        assertThat(getCurrentViewText()).contains("Talked through: Evenings are busy");

        test(find(Button.class).withAriaLabel("Carry over: Mood log").single()).click();
        Dialog carry = find(Dialog.class).withCondition(Dialog::isOpened).single();
        assertThat(find(TextField.class, carry).single().getValue()).as("starts from the note").isEqualTo("Evenings are busy");
        assertThat(carry.getHeaderTitle()).isEqualTo("Carry over “Mood log”");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Obstacle> inTheWay = find(CheckboxGroup.class, carry).single();
        assertThat(inTheWay.getLabel()).isEqualTo("What got in the way?");
        test(inTheWay).selectItems("No time", "Forgetting");
        test(find(TextField.class, carry).single()).setValue("Phone reminder at 21:00");
        test(find(Button.class).id("carry-over-confirm")).click();

        assertThat(notificationTexts()).contains("“Mood log” carried over into a new plan from today.");
        List<AssignmentSummary> plans = homework.assignments(clientId);
        assertThat(plans).extracting(AssignmentSummary::status)
                .containsExactlyInAnyOrder(AssignmentStatus.ACTIVE, AssignmentStatus.ENDED);
        AssignmentSummary carried = plans.stream().filter(p -> p.status() == AssignmentStatus.ACTIVE).findFirst().orElseThrow();
        assertThat(carried.id()).isNotEqualTo(assigned.id());
        AssignmentPlan next = homework.plan(carried.id());
        assertThat(next.obstacles()).containsExactlyInAnyOrder(Obstacle.FORGETTING, Obstacle.LOW_MOOD, Obstacle.NO_TIME);
        assertThat(next.backupPlan()).contains("If I forget, I do it with my morning coffee").contains("Phone reminder at 21:00");
        assertThat(next.schedule().start()).isEqualTo(today(zone));
        assertThat(getCurrentViewText()).as("the page shows the new plan").contains("Before the session with " + name);
    }

    // ------------------------------------------------------------------ helpers

    private String getCurrentViewText() {
        return ((Component) getCurrentView()).getElement().getTextRecursively();
    }

    private <T extends Component> T field(Class<T> type, Component form, String key) {
        return find(type, form).withAttribute("data-field", key).single();
    }

    /** A worksheet's choice field (a rating here); the reflection's scales below are Vaadin's radio groups. */
    private Component radios(Component form, String key) {
        return find(Choices.FIELD, form).withAttribute("data-field", key).single();
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Integer> scale(Component in, String label) {
        return find(RadioButtonGroup.class, in).withCondition(g -> label.equals(g.getLabel())).single();
    }

    private <T> List<T> rows(Grid<T> grid) {
        GridTester<Grid<T>, T> tester = test(grid);
        return IntStream.range(0, tester.size()).mapToObj(tester::getRow).toList();
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
