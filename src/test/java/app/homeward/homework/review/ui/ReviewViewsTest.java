package app.homeward.homework.review.ui;

import app.homeward.Mails;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.client.ui.ClientView;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Reflection;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.EntryDetail;
import app.homeward.homework.review.ReviewItem;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.portal.ui.MissingObjectView;
import app.homeward.security.HomewardUser;
import app.homeward.security.InvitationService;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.ui.WorksheetForm;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.RouterLink;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review queue, reviewing one entry with feedback, and safety alerts, with an entry the client
 * really sent: added by the therapist, invitation accepted, PHQ-9 filled in through the portal.
 */
class ReviewViewsTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired SafetyAlerts safetyAlerts;
    @Autowired ReviewService reviews;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired InvitationService invitations;

    ClinicBranding clinic;
    TestAccount therapist;
    String clientName;
    UUID clientId;
    UUID entryId;

    @BeforeEach
    void aClientSentAPhq9WithASelfHarmAnswer() {
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        String email = TestClinics.randomEmail();
        clientName = "Rui Vale " + TestClinics.random(4);
        clientId = clients.add(new NewClient(clientName, email, ZONE.getId(), "en", null, false)).id();
        homework.assign(clientId, "phq-9", new AssignmentPlan("Mood check-in", "So we can both see how your mood changes.",
                null, null, null, Schedule.once(today(ZONE), LocalTime.of(23, 59), ZONE), null, null, null, 8,
                false, false, 1, null));

        HomewardUser client = accept(email);
        TestUsers.signInAs(client);
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        entryService.submit(occurrence, phq9("several-days"), null);
        entryService.reflect(occurrence, new Reflection(80, 6, 8, Set.of(Obstacle.FORGETTING, Obstacle.LOW_MOOD), "A hard week."));

        therapist.signIn();
        entryId = reviews.reviewQueue().stream().filter(i -> i.clientId().equals(clientId)).findFirst().orElseThrow().entryId();
    }

    @Test
    void the_queue_lists_the_entry_marked_as_needing_attention_and_opens_it() {
        ReviewQueueView queue = navigate(ReviewQueueView.class);

        List<ReviewItem> rows = rows(queue.grid);
        assertThat(rows).singleElement().satisfies(item -> {
            assertThat(item.entryId()).isEqualTo(entryId);
            assertThat(item.clientName()).isEqualTo(clientName);
            assertThat(item.title()).isEqualTo("Mood check-in");
            assertThat(item.alerts()).isEqualTo(1);
        });
        GridTester<Grid<ReviewItem>, ReviewItem> grid = test(queue.grid);
        assertThat(grid.getCellText(0, 3)).isEqualTo("Score 1 · Minimal");
        assertThat(grid.getCellText(0, 4)).isEqualTo("80 %");
        assertThat(grid.getCellComponent(0, "attention").getElement().getTextRecursively()).isEqualTo("Needs attention");

        test(find(RouterLink.class, grid.getCellComponent(0, "homework")).single()).click();

        EntryReviewView entry = (EntryReviewView) getCurrentView();
        assertThat(find(H1.class).single().getText()).isEqualTo("Mood check-in");
        assertThat(find(RouterLink.class).id("entry-client").getText()).isEqualTo(clientName);
        assertThat(entry.form.getElement().getTextRecursively()).contains("Score: 1").contains("Minimal")
                .contains("Alert: Item 9");
        assertThat(find(WorksheetForm.class).single()).isSameAs(entry.form);
        String reflection = find(Div.class).id("entry-reflection").getElement().getTextRecursively();
        assertThat(reflection).contains("80 %").contains("6 out of 10").contains("8 out of 10")
                .contains("Forgetting").contains("Low mood or energy").contains("A hard week.");
    }

    @Test
    void praise_phrases_come_in_the_clients_language_and_the_label_says_so() {
        ClientProfile profile = clients.profile(clientId);
        clients.update(clientId, profile.displayName(), profile.timeZone().getId(), "es", profile.nextSession(),
                profile.simplified());
        EntryReviewView view = navigate("app/entries/" + entryId, EntryReviewView.class);

        assertThat(find(Span.class, view.praise).id("praise-label").getText())
                .isEqualTo("Add a phrase in the client's language (Español):");
        test(find(Button.class, view.praise).withText("Seguiste adelante aunque era difícil.").single()).click();
        assertThat(view.feedback.getValue()).isEqualTo("Seguiste adelante aunque era difícil.");
    }

    @Test
    void marking_reviewed_with_praise_and_a_comment_on_one_answer_empties_the_queue_and_can_be_updated() {
        EntryReviewView view = navigate("app/entries/" + entryId, EntryReviewView.class);
        assertThat(view.markReviewed.getText()).isEqualTo("Mark reviewed");
        assertThat(view.answerComments.keySet()).as("one comment box per answerable question")
                .contains("item1", "item9", "difficulty").doesNotContain("intro", "support");

        test(view.feedback).setValue("Thank you for filling this in.");
        test(find(Button.class, view.praise).withText("You kept going even when it was hard.").single()).click();
        test(view.answerDetails).openDetails();
        test(view.answerComments.get("item9")).setValue("Let's talk about this first next time.");
        test(view.markReviewed).click();

        assertThat(getCurrentView()).isInstanceOf(ReviewQueueView.class);
        assertThat(notificationTexts()).contains("Marked reviewed. " + clientName + " can now see your feedback.");
        ReviewQueueView queue = (ReviewQueueView) getCurrentView();
        assertThat(rows(queue.grid)).isEmpty();
        assertThat(queue.emptyState.getText()).startsWith("Nothing to review.");
        EntryDetail saved = reviews.entry(entryId);
        assertThat(saved.feedback()).isEqualTo("Thank you for filling this in. You kept going even when it was hard.");
        assertThat(saved.answerFeedback()).containsExactly(Map.entry("item9", "Let's talk about this first next time."));
        assertThat(saved.reviewedAt()).isNotNull();

        view = navigate("app/entries/" + entryId, EntryReviewView.class);

        assertThat(view.markReviewed.getText()).isEqualTo("Update feedback");
        assertThat(view.feedback.getValue()).isEqualTo(saved.feedback());
        assertThat(view.answerComments.get("item9").getValue()).isEqualTo("Let's talk about this first next time.");
        assertThat(view.answerDetails.isOpened()).isTrue();
        assertThat(find(Paragraph.class).id("reviewed-note").getText()).startsWith("You reviewed this on ");

        test(view.feedback).setValue("Updated.");
        test(view.markReviewed).click();

        assertThat(reviews.entry(entryId).feedback()).isEqualTo("Updated.");
    }

    @Test
    void the_client_page_lists_the_entry_and_the_open_alert() {
        ClientView view = navigate("app/clients/" + clientId, ClientView.class);

        assertThat(view.alerts.getElement().getTextRecursively()).contains("Item 9").contains("(answer 1)");
        assertThat(find(RouterLink.class, view.entries).single().getHref()).isEqualTo("app/entries/" + entryId);
        assertThat(view.entries.getElement().getTextRecursively()).contains("Mood check-in").contains("Needs attention");
    }

    @Test
    void an_alert_is_acknowledged_only_with_a_note_and_then_leaves_the_list() {
        AlertsView view = navigate(AlertsView.class);
        List<AlertSummary> open = rows(view.grid);
        assertThat(open).singleElement().satisfies(a -> {
            assertThat(a.clientName()).isEqualTo(clientName);
            assertThat(a.label()).startsWith("Item 9");
            assertThat(a.value()).isEqualTo(1);
            assertThat(a.entryId()).isEqualTo(entryId);
        });
        GridTester<Grid<AlertSummary>, AlertSummary> grid = test(view.grid);
        assertThat(find(RouterLink.class, grid.getCellComponent(0, "entry")).single().getHref()).isEqualTo("app/entries/" + entryId);

        test(find(Button.class, grid.getCellComponent(0, "actions")).single()).click();
        AlertAcknowledgeDialog dialog = find(AlertAcknowledgeDialog.class).single();
        test(dialog.acknowledge).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.note.isInvalid()).isTrue();
        assertThat(dialog.note.getErrorMessage()).isEqualTo("Please fill this in.");

        test(dialog.note).setValue("Called the client; we went through the safety plan.");
        test(dialog.acknowledge).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("Alert for " + clientName + " acknowledged.");
        assertThat(rows(view.grid)).isEmpty();
        assertThat(view.emptyState.getText()).startsWith("No open alerts.");
        assertThat(safetyAlerts.alertsOf(clientId)).singleElement().satisfies(a -> {
            assertThat(a.acknowledgedAt()).isNotNull();
            assertThat(a.note()).isEqualTo("Called the client; we went through the safety plan.");
        });
    }

    @Test
    void another_therapist_sees_neither_the_entry_nor_the_alert() {
        TestAccount colleague = testClinics.account(clinic, Role.THERAPIST);
        colleague.signIn();

        ReviewQueueView queue = navigate(ReviewQueueView.class);
        assertThat(rows(queue.grid)).isEmpty();
        AlertsView alerts = navigate(AlertsView.class);
        assertThat(rows(alerts.grid)).isEmpty();
        assertThat(alerts.emptyState.getText()).startsWith("No open alerts.");

        navigate("app/entries/" + entryId, MissingObjectView.class);

        assertThat(find(EntryReviewView.class).exists()).isFalse();
        assertThat(find(H1.class).single().getText()).isEqualTo("Page not found");
    }

    private HomewardUser accept(String email) {
        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).as("invitation to " + email).isNotEmpty();
        String token = Mails.token(Mails.text(mails.getLast()), clinic.slug(), "invite");
        TestUsers.signOut();
        return invitations.accept(clinic.slug(), token, clientName, "a-long-passphrase-" + TestClinics.random(8));
    }

    static Map<String, Object> phq9(String item9) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            answers.put("item" + i, "not-at-all");
        }
        answers.put("item9", item9);
        return answers;
    }

    private <T> List<T> rows(Grid<T> grid) {
        GridTester<Grid<T>, T> tester = test(grid);
        return IntStream.range(0, tester.size()).mapToObj(tester::getRow).toList();
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
