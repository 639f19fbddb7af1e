package app.homeward;

import app.homeward.client.ui.ClientView;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.portal.ui.DoHomeworkView;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.nodefeature.VirtualChildrenList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every element of an open page is a Vaadin state node held in the session until the page closes, about
 * 0.5 kB each with its features (bench/session-memory, BENCHMARKS.md): the count of a page's nodes is its
 * session memory. These budgets hold the two pages the benchmark measures where the changes of issue 15 put
 * them (a therapist's client page with a PHQ-9 history: 443 nodes before, 285 with the charts' tables as markup,
 * 220 with its facts and figures as markup too (base.ui.Markup); a client's PHQ-9 homework page:
 * 231 before, 191 with the first changes, 111 now that a worksheet's choice is one node, not three:
 * ChoiceField), with a little room, so a change that builds much more than it shows is noticed.
 */
class ViewStateNodeBudgetTest extends ViewTest {

    @Autowired app.homeward.client.ClientService clientService;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_client_page_and_a_phq9_homework_page_stay_within_their_state_node_budgets() {
        AdherenceFixture fixture = new AdherenceFixture(clientService, homework, todayService, entryService, jdbc, clock);
        TestClinics.TestAccount therapist = testClinics.account(testClinics.clinic(), Role.THERAPIST);
        UUID client = fixture.activeClient(therapist, "Nora Nodes");
        fixture.assignPastWeek(therapist, client, 8);
        fixture.sendOldestAt(client, "not-at-all");
        fixture.sendOldestAt(client, "more-than-half");
        therapist.signIn();
        ZoneId zone = ZoneId.of("Europe/London");
        homework.assign(client, "phq-9", new AssignmentPlan("Weekly PHQ-9", "Numbers rather than guesses.", null, null,
                null, Schedule.once(today(zone), LocalTime.of(23, 45), zone), null, null, null, 8, false, false, 1, null));

        navigate("app/clients/" + client, ClientView.class);
        assertThat(nodes(UI.getCurrent().getElement())).as("state nodes of the client page").isBetween(100, 230);

        TestUsers.signInAs(fixture.clientUser(client));
        UUID due = todayService.today().dueNow().getFirst().occurrenceId();
        navigate("my/homework/" + due, DoHomeworkView.class);
        assertThat(nodes(UI.getCurrent().getElement())).as("state nodes of a PHQ-9 homework page").isBetween(100, 120);
    }

    /** The element and everything under it, virtual children (overlays, the router's layout) included. */
    private static int nodes(Element element) {
        int count = 1;
        for (int i = 0; i < element.getChildCount(); i++) {
            count += nodes(element.getChild(i));
        }
        if (element.getNode().hasFeature(VirtualChildrenList.class)) {
            VirtualChildrenList virtual = element.getNode().getFeature(VirtualChildrenList.class);
            for (int i = 0; i < virtual.size(); i++) {
                count += nodes(Element.get(virtual.get(i)));
            }
        }
        return count;
    }
}
