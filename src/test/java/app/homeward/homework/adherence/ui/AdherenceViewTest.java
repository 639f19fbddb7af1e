package app.homeward.homework.adherence.ui;

import app.homeward.ShownText;
import app.homeward.homework.ui.Charts;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.client.ClientService;
import app.homeward.client.ui.BeforeSessionView;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.adherence.AdherenceReport;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.dom.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /app/adherence for a therapist and an admin, and the client's adherence panel on the
 * before-session view: who needs attention (with the reason and a link), figures, charts each with
 * its table, and the empty state.
 */
class AdherenceViewTest extends ViewTest {

    @Autowired ClientService clientService;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired JdbcTemplate jdbc;

    ClinicBranding clinic;
    TestAccount therapist;
    TestAccount colleague;
    TestAccount admin;
    UUID ana;
    UUID ben;

    @BeforeEach
    void aCaseloadWithHomeworkInThePastWeek() {
        AdherenceFixture fixture = new AdherenceFixture(clientService, homework, todayService, entryService, jdbc, clock);
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        colleague = testClinics.account(clinic, Role.THERAPIST);
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        ana = fixture.activeClient(therapist, "Ana Holt");
        fixture.assignPastWeek(therapist, ana, 8);
        fixture.sendOldest(ana, "several-days", 50);
        ben = fixture.activeClient(colleague, "Ben Ortiz");
        fixture.assignPastWeek(colleague, ben, 8);
        signOutOfThisBrowser();
    }

    @Test
    void a_therapist_sees_who_needs_attention_with_the_reason_and_a_link_then_the_figures_and_charts_with_tables() {
        therapist.signIn();
        AdherenceView view = navigate("app/adherence", AdherenceView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Adherence");
        assertThat(view.scope.isVisible() && view.scope.getParent().isPresent()).as("therapists see only their caseload")
                .isFalse();
        assertThat(view.showing.getText()).isEqualTo("Your caseload, last 8 weeks.");
        String attention = view.attention.getElement().getTextRecursively();
        assertThat(attention).contains("Ana Holt").contains("1 open safety alert").doesNotContain("Ben Ortiz");
        RouterLink link = find(RouterLink.class, view.attention).single();
        assertThat(link.getHref()).isEqualTo("app/clients/" + ana);
        assertThat(view.empty.isVisible()).isFalse();

        String figures = ShownText.of(view.figures);
        assertThat(figures).contains("Completion").contains("25 %").contains("On time").contains("0 %")
                .contains("0 · 1 · 3").contains("How these numbers are worked out");
        assertThat(elements(view.figures, "canvas")).as("the weekly chart").hasSize(1)
                .allSatisfy(canvas -> assertThat(canvas.getAttribute("aria-hidden")).isEqualTo("true"));
        List<Element> tables = elements(view.figures, "table");
        assertThat(tables).as("the chart's numbers as a table").hasSize(1);
        assertThat(Charts.tableText(tables.getFirst())).contains("Done").contains("Partly done").contains("Missed")
                .contains("Homework done, partly done and missed per week");
        assertThat(Charts.tableRows(tables.getFirst())).as("a header and 8 weeks").isEqualTo(9);

        GridTester<Grid<AdherenceReport.ClientRow>, AdherenceReport.ClientRow> grid = test(view.clients);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getRow(0).clientName()).isEqualTo("Ana Holt");
        assertThat(view.clients.getColumnByKey("therapist")).as("all are theirs").isNull();
    }

    @Test
    void changing_the_window_reloads_the_numbers() {
        therapist.signIn();
        AdherenceView view = navigate("app/adherence", AdherenceView.class);

        test(view.window).selectItem("Last 4 weeks");

        assertThat(view.report.weeks()).isEqualTo(4);
        assertThat(view.showing.getText()).isEqualTo("Your caseload, last 4 weeks.");
        assertThat(Charts.tableRows(elements(view.figures, "table").getFirst())).isEqualTo(5);
    }

    @Test
    void an_admin_sees_the_whole_clinic_or_chooses_one_therapist() {
        admin.signIn();
        AdherenceView view = navigate("app/adherence", AdherenceView.class);

        assertThat(view.scope.getValue().label()).isEqualTo("Whole clinic");
        assertThat(view.report.clients()).extracting(AdherenceReport.ClientRow::clientName).containsExactly("Ana Holt", "Ben Ortiz");
        assertThat(view.attention.getElement().getTextRecursively()).contains("Ana Holt").contains("1 open safety alert")
                .contains("Ben Ortiz").contains("Nothing done in the last 7 days (4 missed)")
                .contains("Therapist: " + colleague.displayName());
        assertThat(view.clients.getColumnByKey("therapist")).isNotNull();

        test(view.scope).selectItem(colleague.displayName());

        assertThat(view.showing.getText()).isEqualTo(colleague.displayName() + ", last 8 weeks.");
        assertThat(view.report.clients()).extracting(AdherenceReport.ClientRow::clientName).containsExactly("Ben Ortiz");
        assertThat(view.attention.getElement().getTextRecursively()).doesNotContain("Ana Holt");
    }

    @Test
    void with_no_homework_due_yet_the_page_says_what_to_do_next() {
        TestAccount newcomer = testClinics.account(clinic, Role.THERAPIST);
        newcomer.signIn();
        AdherenceView view = navigate("app/adherence", AdherenceView.class);

        assertThat(view.empty.isVisible()).isTrue();
        assertThat(view.empty.getElement().getTextRecursively())
                .contains("No homework has been due in this window yet — assign homework from a client's page.");
        assertThat(find(RouterLink.class, view.empty).single().getHref()).isEqualTo("app/clients");
        assertThat(view.attention.getElement().getTextRecursively()).contains("No one needs attention right now.");
        assertThat(elements(view.figures, "canvas")).isEmpty();
    }

    @Test
    void the_before_session_view_shows_the_clients_adherence_with_the_measure_beside_completion() {
        therapist.signIn();
        navigate("app/clients/" + ana + "/before-session", BeforeSessionView.class);

        ClientAdherencePanel panel = find(ClientAdherencePanel.class).single();

        assertThat(panel.reasons()).extracting(AdherenceReport.Reason::kind).containsExactly(AdherenceReport.Kind.OPEN_ALERTS);
        String text = ShownText.of(panel);
        assertThat(text).contains("Needs attention:").contains("1 open safety alert").contains("25 %")
                .contains(AdherenceFixture.TITLE + ": scores and homework completion");
        assertThat(elements(panel, "canvas")).as("weekly bars and the measure's lines").hasSize(2);
        assertThat(panel.scaleOf(AdherenceFixture.TITLE)).as("the measure is drawn on the PHQ-9's 0–27 scale with its bands")
                .satisfies(scale -> {
                    assertThat(scale.max()).isEqualTo(27);
                    assertThat(scale.scoring().bands()).hasSize(5);
                });
        List<Element> tables = elements(panel, "table");
        assertThat(tables).hasSize(2);
        assertThat(Charts.tableText(tables.getLast())).contains(AdherenceFixture.TITLE + " score")
                .contains("Homework completion (%)");

        test(panel.window).selectItem("Last 12 weeks");

        assertThat(Charts.tableRows(elements(panel, "table").getFirst())).isEqualTo(13);
    }

    private static List<Element> elements(Component root, String tag) {
        return elements(root.getElement(), tag);
    }

    private static List<Element> elements(Element root, String tag) {
        List<Element> found = new ArrayList<>();
        root.getChildren().filter(child -> !child.isTextNode()).forEach(child -> {
            if (tag.equals(child.getTag())) {
                found.add(child);
            }
            found.addAll(elements(child, tag));
        });
        return found;
    }
}
