package app.homeward.client.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.ClientStatus;
import app.homeward.client.NewClient;
import app.homeward.homework.adherence.CaseloadRow;
import app.homeward.homework.review.ui.ReviewQueueView;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** /app/clients: a therapist's caseload, adding a client with an invitation, searching, the admin's view. */
class CaseloadViewTest extends ViewTest {

    @Autowired ClientService clients;

    ClinicBranding clinic;
    TestAccount therapist;
    CaseloadView view;

    @BeforeEach
    void aTherapistOfAFreshClinicOpensTheirClients() {
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        view = navigate(CaseloadView.class);
    }

    @Test
    void a_new_therapist_sees_an_empty_caseload_that_says_what_to_do_next() {
        assertThat(rows()).isEmpty();
        assertThat(view.emptyState.getText()).startsWith("No clients yet. Add your first client with \"Add client\"");
        assertThat(view.mineOnly.isVisible()).as("only admins choose between theirs and the clinic's").isFalse();
        assertThat(view.grid.getColumnByKey("therapist")).as("a therapist's clients are all theirs").isNull();
    }

    @Test
    void adding_a_client_through_the_dialog_sends_the_invitation_and_lists_them() {
        String email = TestClinics.randomEmail();
        test(view.add).click();
        ClientDetailsDialog dialog = find(ClientDetailsDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.timeZone.getValue()).as("the clinic's zone by default").isEqualTo("Europe/Madrid");
        assertThat(dialog.language.getValue()).isEqualTo("en");

        test(dialog.name).setValue("Nora Quill");
        test(dialog.email).setValue(email);
        test(dialog.timeZone).selectItem("Europe/Berlin");
        test(dialog.language).selectItem("Español");
        test(dialog.nextSession).setValue(today(ZoneId.of("Europe/Madrid")).plusDays(7));
        test(dialog.simplified).click();
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(notificationTexts()).contains("Invitation sent to " + email + ".");
        List<CaseloadRow> rows = rows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.client().displayName()).isEqualTo("Nora Quill");
            assertThat(row.client().email()).isEqualTo(email);
            assertThat(row.client().status()).isEqualTo(ClientStatus.INVITED);
            assertThat(row.client().timeZone().getId()).isEqualTo("Europe/Berlin");
            assertThat(row.client().language()).isEqualTo("es");
            assertThat(row.client().simplified()).isTrue();
            assertThat(row.adherence()).isEqualTo(-1);
        });
        GridTester<Grid<CaseloadRow>, CaseloadRow> grid = test(view.grid);
        RouterLink link = find(RouterLink.class, grid.getCellComponent(0, "name")).single();
        assertThat(link.getText()).isEqualTo("Nora Quill");
        assertThat(link.getHref()).isEqualTo("app/clients/" + rows.getFirst().client().id());
        assertThat(grid.getCellComponent(0, "status").getElement().getTextRecursively()).isEqualTo("Invited");
        assertThat(grid.getCellComponent(0, "adherence").getElement().getTextRecursively()).isEqualTo("–");
        assertThat(clients.caseload(null, false, false, 0, 10)).extracting(ClientProfile::email).containsExactly(email);
    }

    @Test
    void on_a_phone_only_the_name_column_shows_and_the_others_read_as_lines_under_the_name() {
        test(view.add).click();
        ClientDetailsDialog dialog = find(ClientDetailsDialog.class).single();
        test(dialog.name).setValue("Pia Phone");
        test(dialog.email).setValue(TestClinics.randomEmail());
        test(dialog.save).click();
        List<String> folded = List.of("status", "nextSession", "lastActivity", "adherence", "unreviewed", "alerts");

        view.phone.width(390);
        assertThat(view.phone.narrow()).isTrue();
        assertThat(view.grid.getColumnByKey("name").isVisible()).isTrue();
        assertThat(folded).allSatisfy(key -> assertThat(view.grid.getColumnByKey(key).isVisible()).as(key).isFalse());
        Component first = test(view.grid).getCellComponent(0, "name");
        assertThat(find(Div.class, first).withClassName("phone-line").all())
                .extracting(line -> line.getElement().getTextRecursively())
                .containsExactly("Status:Invited", "Next session:–", "Last activity:–", "Done (4 weeks):–",
                        "To review:0", "Alerts:–");

        view.phone.width(1280);
        assertThat(folded).allSatisfy(key -> assertThat(view.grid.getColumnByKey(key).isVisible()).as(key).isTrue());
    }

    @Test
    void a_malformed_email_is_explained_at_the_email_field_and_the_dialog_stays_open() {
        test(view.add).click();
        ClientDetailsDialog dialog = find(ClientDetailsDialog.class).single();

        test(dialog.name).setValue("Nora Quill");
        test(dialog.email).setValue("nora@");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).isEqualTo("Please enter an email address like name@example.com.");
        assertThat(dialog.name.isInvalid()).isFalse();
        assertThat(find(Notification.class).exists()).isFalse();
        assertThat(rows()).isEmpty();
    }

    @Test
    void a_missing_name_is_explained_at_the_name_field() {
        test(view.add).click();
        ClientDetailsDialog dialog = find(ClientDetailsDialog.class).single();

        test(dialog.email).setValue(TestClinics.randomEmail());
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Please fill this in.");
    }

    @Test
    void searching_narrows_the_list_and_says_so_when_nothing_matches() {
        clients.add(new NewClient("Zelda Marsh", TestClinics.randomEmail(), "Europe/Madrid", "en", null, false));
        clients.add(new NewClient("Yusuf Brook", TestClinics.randomEmail(), "Europe/Madrid", "en", null, false));
        view = navigate(CaseloadView.class);
        assertThat(rows()).extracting(r -> r.client().displayName()).containsExactly("Yusuf Brook", "Zelda Marsh");

        test(view.search).setValue("zel");

        assertThat(rows()).extracting(r -> r.client().displayName()).containsExactly("Zelda Marsh");

        test(view.search).setValue("nobody like this");

        assertThat(rows()).isEmpty();
        assertThat(view.emptyState.getText()).isEqualTo("No client matches this search. Check the spelling, or search by email.");
    }

    @Test
    void archived_clients_show_only_when_asked_for() {
        ClientProfile gone = clients.add(new NewClient("Xavier Old", TestClinics.randomEmail(), "Europe/Madrid", "en", null, false));
        clients.archive(gone.id());
        view = navigate(CaseloadView.class);
        assertThat(rows()).isEmpty();

        test(view.showArchived).click();

        assertThat(rows()).extracting(r -> r.client().status()).containsExactly(ClientStatus.ARCHIVED);
        assertThat(test(view.grid).getCellComponent(0, "status").getElement().getTextRecursively()).isEqualTo("Archived");
    }

    @Test
    void a_therapist_sees_only_their_own_clients_and_an_admin_sees_the_clinics_with_the_therapist() {
        clients.add(new NewClient("Mine Client", TestClinics.randomEmail(), "Europe/Madrid", "en", null, false));
        TestAccount colleague = testClinics.account(clinic, Role.THERAPIST);
        colleague.signIn();
        clients.add(new NewClient("Theirs Client", TestClinics.randomEmail(), "Europe/Madrid", "en", null, false));
        therapist.signIn();
        view = navigate(CaseloadView.class);
        assertThat(rows()).extracting(r -> r.client().displayName()).containsExactly("Mine Client");

        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();
        // the router reuses a view when navigating to the page it is on: go through another page for a fresh one
        navigate(ReviewQueueView.class);
        view = navigate(CaseloadView.class);

        assertThat(view.mineOnly.isVisible()).isTrue();
        assertThat(rows()).extracting(r -> r.client().displayName()).containsExactly("Mine Client", "Theirs Client");
        int theirs = rows().indexOf(rows().stream().filter(r -> r.client().displayName().equals("Theirs Client")).findFirst().orElseThrow());
        assertThat(rows().get(theirs).therapistName()).isEqualTo(colleague.displayName());
        assertThat(view.grid.getColumnByKey("therapist")).isNotNull();

        test(view.mineOnly).click();

        assertThat(rows()).isEmpty();
        assertThat(view.emptyState.getText()).isEqualTo("No clients to show with these filters. Untick them to see everyone.");
    }

    private List<CaseloadRow> rows() {
        GridTester<Grid<CaseloadRow>, CaseloadRow> tester = test(view.grid);
        return IntStream.range(0, tester.size()).mapToObj(tester::getRow).toList();
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
