package app.homeward.portal.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.ChangeReason;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.html.Div;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.IntNode;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff home says first what waits for this person (issue 14): open safety alerts, entries to review
 * and change requests, counted over their caseload (the clinic, for an admin), each a link to where it is
 * dealt with; nothing of another therapist's caseload or another clinic.
 */
class StaffHomeViewTest extends ViewTest {

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;

    ZoneId zone = ZoneId.of("Europe/Madrid");
    ClinicBranding clinic;
    TestAccount therapist;

    @BeforeEach
    void aTherapistWhoseClientSentAPhq9WithItem9AndAskedForAChange() {
        clock.moveTo(ZonedDateTime.of(today(zone), LocalTime.of(9, 0), zone).toInstant());
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        ClientProfile profile = clients.add(new NewClient("Nora Vidal", TestClinics.randomEmail(), zone.getId(), "en", null, false));
        HomewardUser client = testClinics.joined(clinic, profile);
        UUID plan = homework.assign(profile.id(), "phq-9", new AssignmentPlan("Mood questions", "To see how the weeks go.",
                null, null, null, Schedule.once(today(zone), LocalTime.of(23, 45), zone), null, null, null, 8,
                false, false, 1, null));

        TestUsers.signInAs(client);
        UUID occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        Map<String, Object> answers = new HashMap<>();
        for (int item = 1; item <= 8; item++) {
            answers.put("item" + item, "not-at-all");
        }
        answers.put("item9", "several-days");
        entryService.submit(occurrence, answers, null);
        entryService.requestChange(plan, ChangeReason.UNSURE_IT_HELPS, "");
    }

    @Test
    void the_therapist_sees_the_alert_the_entry_and_the_change_request_as_links() {
        therapist.signIn();

        navigate(StaffHomeView.class);

        Div waiting = find(Div.class).id("home-waiting");
        assertThat(find(Anchor.class, waiting).all()).extracting(Anchor::getText, Anchor::getHref)
                .containsExactly(
                        Tuple.tuple("1 open safety alert", "app/alerts"),
                        Tuple.tuple("1 entry to review", "app/review"),
                        Tuple.tuple("1 change request from a client", "app/clients"));
    }

    @Test
    void an_admin_sees_the_clinics_totals() {
        testClinics.account(clinic, Role.CLINIC_ADMIN).signIn();
        navigate(StaffHomeView.class);
        assertThat(find(Div.class).id("home-waiting").getElement().getTextRecursively())
                .contains("1 open safety alert", "1 entry to review", "1 change request from a client");
    }

    @Test
    void a_colleague_without_clients_sees_nothing_waiting() {
        testClinics.account(clinic, Role.THERAPIST).signIn();
        navigate(StaffHomeView.class);
        assertThat(find(Div.class).id("home-waiting").getElement().getTextRecursively())
                .isEqualTo("Nothing is waiting for you: no entries to review, no open alerts, no change requests.");
    }

    @Test
    void an_admin_of_another_clinic_counts_nothing_of_this_one() {
        testClinics.account(testClinics.clinic("Elsewhere"), Role.CLINIC_ADMIN).signIn();

        navigate(StaffHomeView.class);
        browserAnswers();

        assertThat(find(Div.class).id("home-waiting").getElement().getTextRecursively()).startsWith("Nothing is waiting for you");
        assertThat(find(SideNavItem.class).all()).as("no counts in the navigation either")
                .allSatisfy(item -> assertThat(item.getSuffixComponent()).isNull());
        assertThat(find(Anchor.class).withId("navbar-waiting").exists()).as("nothing waits: no link in the header").isFalse();
    }

    @Test
    void the_navigation_counts_what_waits_beside_review_alerts_and_clients_once_the_page_is_shown() {
        therapist.signIn();
        navigate(StaffHomeView.class);
        assertThat(navCount("To review")).as("not read with the page itself").isNull();

        browserAnswers();

        assertThat(navCount("To review")).isEqualTo("1 1 entry to review");
        assertThat(navCount("Safety alerts")).isEqualTo("1 1 open safety alert");
        assertThat(navCount("Clients")).isEqualTo("1 1 change request from a client");
        assertThat(navCount("Worksheets")).isNull();
        Anchor onPhone = find(Anchor.class).id("navbar-waiting");
        assertThat(onPhone.isVisible()).as("the header's link for phones, where the navigation is folded away").isTrue();
        assertThat(onPhone.getElement().getTextRecursively()).isEqualTo("33 things wait for you: see your home page");
        assertThat(onPhone.getHref()).isEqualTo("app");
    }

    /** The visible number, then the words a screen reader hears; null when the item has no count. */
    private String navCount(String label) {
        Component suffix = find(SideNavItem.class).all().stream().filter(i -> label.equals(i.getLabel())).findFirst()
                .orElseThrow(() -> new AssertionError("no navigation item " + label)).getSuffixComponent();
        return suffix == null ? null : suffix.getChildren().map(c -> c.getElement().getText()).collect(Collectors.joining(" "));
    }

    /** What the browser does after it shows the page: it answers the layout's script, and the counts are read. */
    private static void browserAnswers() {
        List<PendingJavaScriptInvocation> pending = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        pending.stream().filter(PendingJavaScriptInvocation::isSubscribed).forEach(js -> js.complete(IntNode.valueOf(0)));
    }
}
