package app.homeward.audit.ui;

import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditPeople.Person;
import app.homeward.audit.AuditRow;
import app.homeward.audit.AuditTrail;
import app.homeward.base.Messages;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.client.ui.ClientView;
import app.homeward.portal.ui.NotFoundView;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.menu.MenuConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /app/audit and the client page's "who opened this record", as a clinic admin uses them: the auditor's
 * question "who looked at Jordan's record in the last 90 days?" is one click from Jordan's page.
 */
class AuditViewTest extends ViewTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    /** The grid's columns: when, who, what, client, about, outcome, detail, from. */
    static final int WHO = 1, WHAT = 2, CLIENT = 3, OUTCOME = 5;

    @Autowired ClientService clients;
    @Autowired AuditTrail trail;

    ClinicBranding clinic;
    TestAccount admin;
    TestAccount therapist;
    UUID jordan;
    UUID riley;
    String jordanName;

    @BeforeEach
    void aClinicWhereATherapistOpenedTwoClients() {
        clinic = testClinics.clinic();
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        jordanName = "Jordan " + TestClinics.random(5);
        jordan = clients.add(new NewClient(jordanName, TestClinics.randomEmail(), ZONE.getId(), "en", null, false)).id();
        riley = clients.add(new NewClient("Riley " + TestClinics.random(5), TestClinics.randomEmail(), ZONE.getId(), "en",
                null, false)).id();
        navigate("app/clients/" + jordan, ClientView.class);
        navigate("app/clients/" + riley, ClientView.class);
        trail.flush();
        signOutOfThisBrowser();
    }

    @Test
    void the_admin_sees_the_clinics_trail_with_names_and_narrows_it_to_one_client() {
        admin.signIn();
        AuditView view = navigate(AuditView.class);

        List<AuditRow> all = rows(view.grid);
        assertThat(all).extracting(r -> r.action().orElseThrow())
                .contains(AuditAction.CLIENT_ADDED, AuditAction.CLIENT_VIEWED, AuditAction.INVITATION_SENT);
        int opened = IntStream.range(0, all.size()).filter(i -> jordan.equals(all.get(i).clientId())
                && all.get(i).action().orElseThrow() == AuditAction.CLIENT_VIEWED).findFirst().orElseThrow();
        assertThat(test(view.grid).getCellText(opened, WHO)).isEqualTo(therapist.displayName() + " (Therapist)");
        assertThat(test(view.grid).getCellText(opened, WHAT)).isEqualTo("Opened the client's record");
        assertThat(test(view.grid).getCellText(opened, CLIENT)).isEqualTo(jordanName);
        assertThat(test(view.grid).getCellText(opened, OUTCOME)).isEqualTo("Done");
        assertThat(view.count.getText()).isEqualTo(all.size() + " records");

        view.client.setValue(new Person(jordan, jordanName));

        assertThat(rows(view.grid)).isNotEmpty().allSatisfy(r -> assertThat(r.clientId()).isEqualTo(jordan));
        view.staff.setValue(view.staff.getListDataView().getItems()
                .filter(p -> p.id().equals(admin.id())).findFirst().orElseThrow());
        assertThat(rows(view.grid)).isEmpty();
        assertThat(view.count.getText()).isEqualTo("No records match these filters.");

        test(view.clear).click();
        assertThat(rows(view.grid)).hasSize(all.size());
    }

    @Test
    void the_client_page_shows_admins_who_opened_the_record_and_one_click_answers_the_last_90_days() {
        admin.signIn();
        ClientView page = navigate("app/clients/" + jordan, ClientView.class);

        RecordAccessPanel panel = find(RecordAccessPanel.class).single();
        assertThat(find(ListItem.class, panel).exists()).as("read when asked, not with the page").isFalse();
        test(panel.show).click();
        assertThat(panel.show.isAttached()).as("the list takes the button's place").isFalse();
        List<String> items = find(ListItem.class, panel).all().stream().map(i -> i.getElement().getTextRecursively()).toList();
        assertThat(items).as("the therapist's page load: the record, its adherence and its measures").hasSize(3)
                .allSatisfy(item -> assertThat(item).contains(therapist.displayName() + " (Therapist)"))
                .anySatisfy(item -> assertThat(item).contains("Opened the client's record"))
                .anySatisfy(item -> assertThat(item).contains("Opened the client's adherence"))
                .anySatisfy(item -> assertThat(item).contains("Opened the client's measures"));
        assertThat(panel.all.getText()).isEqualTo("Everything about this client in the last 90 days");
        assertThat(page).isNotNull();

        test(panel.all).click();

        AuditView audit = find(AuditView.class).single();
        assertThat(audit.client.getValue()).isEqualTo(new Person(jordan, jordanName));
        assertThat(audit.to.getValue()).isEqualTo(today(ZONE));
        assertThat(audit.from.getValue()).isEqualTo(today(ZONE).minusDays(90));
        assertThat(rows(audit.grid)).isNotEmpty().allSatisfy(r -> assertThat(r.clientId()).isEqualTo(jordan))
                .anySatisfy(r -> assertThat(r.actorId()).isEqualTo(therapist.id()));
    }

    @Test
    void an_address_with_a_kind_of_action_filters_by_it_and_nonsense_in_the_address_is_ignored() {
        admin.signIn();

        AuditView view = navigateWith(Map.of(AuditView.CLIENT, riley.toString(), AuditView.WHAT, "VIEW",
                AuditView.FROM, "not-a-date"));

        assertThat(view.from.getValue()).isNull();
        assertThat(view.what.getValue()).isEqualTo(new AuditView.What(AuditAction.Kind.VIEW, null));
        assertThat(rows(view.grid)).allSatisfy(r -> assertThat(r.clientId()).isEqualTo(riley))
                .extracting(r -> r.action().orElseThrow())
                .as("the looks at Riley's record, not that Riley was added")
                .containsExactlyInAnyOrder(AuditAction.CLIENT_VIEWED, AuditAction.ADHERENCE_VIEWED,
                        AuditAction.MEASURES_VIEWED);
        AuditView other = navigateWith(Map.of(AuditView.CLIENT, "'; drop table audit_record; --",
                AuditView.WHAT, "<script>", AuditView.TO, "9".repeat(5000)));
        assertThat(other.client.getValue()).isNull();
        assertThat(other.what.getValue()).isNull();
        assertThat(other.to.getValue()).isNull();
    }

    @Test
    void an_end_date_before_the_start_date_is_explained_and_not_applied() {
        admin.signIn();
        AuditView view = navigate(AuditView.class);
        int before = rows(view.grid).size();

        test(view.from).setValue(today(ZONE));
        test(view.to).setValue(today(ZONE).minusDays(3));

        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("The end date is before the start date.");
        assertThat(find(Notification.class).all()).isNotEmpty();
        assertThat(rows(view.grid)).hasSize(before);
    }

    @Test
    void only_admins_have_the_audit_page_and_the_panel() {
        admin.signIn();
        navigate("app/clients/" + jordan, ClientView.class);
        assertThat(MenuConfiguration.getMenuEntries()).extracting(e -> e.title())
                .contains("nav.audit");
        signOutOfThisBrowser();

        therapist.signIn();
        navigate("app/clients/" + jordan, ClientView.class);
        assertThat(find(RecordAccessPanel.class).exists()).isFalse();
        assertThat(MenuConfiguration.getMenuEntries()).extracting(e -> e.title())
                .doesNotContain("nav.audit");

        NotFoundView notFound = navigate("app/audit", NotFoundView.class);
        assertThat(find(AuditView.class).exists()).isFalse();
        assertThat(notFound.getPageTitle()).as("the tab names what happened").isEqualTo("Page not found · Homeward");
    }

    @Test
    void the_audit_page_speaks_spanish() {
        admin.signIn();
        UI.getCurrent().setLocale(Messages.SPANISH);

        AuditView view = navigate(AuditView.class);

        assertThat(find(H1.class).all()).extracting(H1::getText).contains("Registro de auditoría");
        assertThat(view.client.getLabel()).isEqualTo("Cliente");
        assertThat(view.what.getLabel()).isEqualTo("Qué pasó");
        assertThat(view.grid.getColumnByKey("when").getHeaderText()).isEqualTo("Cuándo");
        assertThat(rows(view.grid)).isNotEmpty();
        int row = IntStream.range(0, rows(view.grid).size())
                .filter(i -> rows(view.grid).get(i).action().orElseThrow() == AuditAction.CLIENT_VIEWED).findFirst().orElseThrow();
        assertThat(test(view.grid).getCellText(row, WHAT)).isEqualTo("Abrió el expediente del cliente");
        assertThat(test(view.grid).getCellText(row, WHO)).endsWith("(Terapeuta)");
    }

    /** The audit page at an address with these query parameters, as a link or a bookmark opens it. */
    private AuditView navigateWith(Map<String, String> parameters) {
        UI.getCurrent().navigate("app/audit", QueryParameters.simple(parameters));
        return find(AuditView.class).single();
    }

    private <T> List<T> rows(Grid<T> grid) {
        GridTester<Grid<T>, T> tester = test(grid);
        return IntStream.range(0, tester.size()).mapToObj(tester::getRow).toList();
    }
}
