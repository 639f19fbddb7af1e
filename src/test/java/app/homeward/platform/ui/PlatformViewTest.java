package app.homeward.platform.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.audit.AuditEvent;
import app.homeward.audit.AuditLog;
import app.homeward.platform.PlatformService.ClinicOverview;
import app.homeward.portal.ui.NotFoundView;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import app.homeward.TestClinics;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** /platform: the operator sees every clinic and can suspend and reactivate one. */
class PlatformViewTest extends ViewTest {

    static final int NAME = 0, ADDRESS = 1, STATUS = 2, STAFF = 4, CLIENTS = 5, ACTIONS = 6;

    @Autowired SignInService signIn;
    @Autowired ClinicDirectory clinics;
    @Autowired AuditLog audit;

    ClinicBranding clinic;
    TestAccount therapist;
    HomewardUser operator;

    @BeforeEach
    void aClinicWithStaffAndClients() {
        clinic = testClinics.clinic("Alder Therapy " + TestClinics.random(5));
        testClinics.account(clinic, Role.CLINIC_ADMIN);
        therapist = testClinics.account(clinic, Role.THERAPIST);
        testClinics.account(clinic, Role.THERAPIST);
        testClinics.account(clinic, Role.CLIENT);
        testClinics.account(clinic, Role.CLIENT);
        testClinics.account(clinic, Role.CLIENT);
        testClinics.account(clinic, Role.CLIENT);
        operator = TestUsers.signInAs(TestUsers.operator());
    }

    @Test
    void the_grid_lists_the_clinic_with_its_staff_and_client_counts() {
        PlatformView view = navigate(PlatformView.class);

        int row = rowOf(view);
        assertThat(cell(view, row, NAME)).isEqualTo(clinic.name());
        assertThat(cell(view, row, ADDRESS)).isEqualTo("/c/" + clinic.slug());
        assertThat(cell(view, row, STATUS)).isEqualTo("Active");
        assertThat(cell(view, row, STAFF)).isEqualTo("3");
        assertThat(cell(view, row, CLIENTS)).isEqualTo("4");
    }

    @Test
    void suspending_asks_first_records_an_audit_event_and_stops_sign_in_and_reactivating_restores_it() {
        PlatformView view = navigate(PlatformView.class);

        test(actionButton(view, "Suspend")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Suspend " + clinic.name() + "?");
        test(confirm).confirm();

        assertThat(cell(view, rowOf(view), STATUS)).isEqualTo("Suspended");
        assertThat(clinics.findById(clinic.id()).orElseThrow().status()).isEqualTo(ClinicStatus.SUSPENDED);
        assertThat(notificationTexts()).contains(clinic.name() + " is suspended.");
        List<AuditEvent> events = audit.latestFor(clinic.id(), 10);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("clinic.suspend");
            assertThat(e.getActor()).isEqualTo(operator.email());
        });
        assertThat(rows(view.actions)).as("shown under the latest operator actions")
                .anyMatch(e -> "clinic.suspend".equals(e.getAction()) && clinic.id().equals(e.getClinicId()));
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.ClinicUnavailable.class);

        test(actionButton(view, "Reactivate")).click();

        assertThat(cell(view, rowOf(view), STATUS)).isEqualTo("Active");
        assertThat(notificationTexts()).contains(clinic.name() + " is active again.");
        assertThat(audit.latestFor(clinic.id(), 10)).anyMatch(e -> e.getAction().equals("clinic.reactivate"));
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void cancelling_the_confirmation_leaves_the_clinic_active() {
        PlatformView view = navigate(PlatformView.class);

        test(actionButton(view, "Suspend")).click();
        test(find(ConfirmDialog.class).single()).cancel();

        assertThat(cell(view, rowOf(view), STATUS)).isEqualTo("Active");
        assertThat(clinics.findById(clinic.id()).orElseThrow().status()).isEqualTo(ClinicStatus.ACTIVE);
        assertThat(audit.latestFor(clinic.id(), 10)).isEmpty();
    }

    @Test
    void a_clinic_admin_cannot_open_the_platform_page() {
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();

        navigate("platform", NotFoundView.class);

        assertThat(find(PlatformView.class).exists()).isFalse();
    }

    private int rowOf(PlatformView view) {
        List<ClinicOverview> rows = rows(view.clinics);
        return IntStream.range(0, rows.size()).filter(i -> rows.get(i).id().equals(clinic.id())).findFirst()
                .orElseThrow(() -> new AssertionError("clinic not listed"));
    }

    private <T> List<T> rows(Grid<T> grid) {
        GridTester<Grid<T>, T> tester = test(grid);
        return IntStream.range(0, tester.size()).mapToObj(tester::getRow).toList();
    }

    private String cell(PlatformView view, int row, int column) {
        return test(view.clinics).getCellText(row, column);
    }

    private Button actionButton(PlatformView view, String text) {
        Button button = (Button) test(view.clinics).getCellComponent(rowOf(view), ACTIONS);
        assertThat(button.getText()).isEqualTo(text);
        return button;
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
