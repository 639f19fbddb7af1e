package app.homeward.platform.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditOutcome;
import app.homeward.audit.AuditRow;
import app.homeward.audit.AuditTrail;
import app.homeward.platform.PlatformService;
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
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
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
    @Autowired PlatformService platform;
    @Autowired AuditTrail trail;

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
    void suspending_asks_first_records_it_in_the_platform_trail_and_stops_sign_in_and_reactivating_restores_it() {
        PlatformView view = navigate(PlatformView.class);

        test(actionButton(view, "Suspend")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Suspend " + clinic.name() + "?");
        test(confirm).confirm();

        assertThat(cell(view, rowOf(view), STATUS)).isEqualTo("Suspended");
        assertThat(clinics.findById(clinic.id()).orElseThrow().status()).isEqualTo(ClinicStatus.SUSPENDED);
        assertThat(notificationTexts()).contains(clinic.name() + " is suspended.");
        assertThat(eventsAbout(clinic)).anySatisfy(e -> {
            assertThat(e.action()).contains(AuditAction.CLINIC_SUSPENDED);
            assertThat(e.actorId()).as("the operator's id, never their email").isEqualTo(operator.accountId());
            assertThat(e.actorRole()).isEqualTo(Role.PLATFORM_OPERATOR.name());
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(e.objectName()).as("the clinic's name, looked up when shown").isEqualTo(clinic.name());
        });
        assertThat(rows(view.actions)).as("shown in the platform's trail")
                .anyMatch(e -> e.action().orElseThrow() == AuditAction.CLINIC_SUSPENDED && clinic.id().equals(e.objectId()));
        int row = rows(view.actions).indexOf(rows(view.actions).stream()
                .filter(e -> e.action().orElseThrow() == AuditAction.CLINIC_SUSPENDED && clinic.id().equals(e.objectId()))
                .findFirst().orElseThrow());
        assertThat(test(view.actions).getCellText(row, 2)).isEqualTo("Suspended a clinic");
        assertThat(test(view.actions).getCellText(row, 3)).isEqualTo(clinic.name());
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.ClinicUnavailable.class);

        test(actionButton(view, "Reactivate")).click();

        assertThat(cell(view, rowOf(view), STATUS)).isEqualTo("Active");
        assertThat(notificationTexts()).contains(clinic.name() + " is active again.");
        assertThat(eventsAbout(clinic)).anyMatch(e -> e.action().orElseThrow() == AuditAction.CLINIC_REACTIVATED);
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void the_platform_trail_shows_operators_sign_ins_with_where_they_came_from_and_no_clinic_activity() {
        String ip = TestClinics.randomIp();
        signIn.signInOperator(TestClinics.OPERATOR_EMAIL, "not the operator's passphrase", ip);
        signIn.signInOperator(TestClinics.OPERATOR_EMAIL, TestClinics.OPERATOR_PASSWORD, ip);
        signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), ip);
        trail.flush();

        PlatformView view = navigate(PlatformView.class);

        List<AuditRow> mine = rows(view.actions).stream().filter(e -> ip.equals(e.ip())).toList();
        assertThat(mine).as("the operator's two sign-ins, not the therapist's").hasSize(2)
                .allSatisfy(e -> assertThat(e.action()).contains(AuditAction.SIGN_IN));
        int row = rows(view.actions).indexOf(mine.getFirst());
        assertThat(test(view.actions).getCellText(row, 2)).isEqualTo("Sign-in");
        assertThat(test(view.actions).getCellText(row, 4)).isEqualTo("Done");
        assertThat(test(view.actions).getCellText(row, 5)).isEqualTo(ip);
        assertThat(test(view.actions).getCellText(row + 1, 4)).isEqualTo("Failed");
    }

    @Test
    void cancelling_the_confirmation_leaves_the_clinic_active() {
        PlatformView view = navigate(PlatformView.class);

        test(actionButton(view, "Suspend")).click();
        test(find(ConfirmDialog.class).single()).cancel();

        assertThat(cell(view, rowOf(view), STATUS)).isEqualTo("Active");
        assertThat(clinics.findById(clinic.id()).orElseThrow().status()).isEqualTo(ClinicStatus.ACTIVE);
        assertThat(eventsAbout(clinic)).isEmpty();
    }

    @Test
    void a_suspended_clinic_is_deleted_after_its_address_name_is_typed() {
        PlatformView view = navigate(PlatformView.class);
        assertThat(buttons(view)).as("an active clinic cannot be deleted").extracting(Button::getText).containsExactly("Suspend");
        test(actionButton(view, "Suspend")).click();
        test(find(ConfirmDialog.class).single()).confirm();

        Button delete = buttons(view).stream().filter(b -> b.getText().equals("Delete")).findFirst().orElseThrow();
        test(delete).click();
        Dialog dialog = find(Dialog.class).single();
        TextField slug =
                find(TextField.class, dialog).id("delete-slug");
        test(slug).setValue("wrong");
        test(find(Button.class, dialog).id("confirm-delete")).click();
        assertThat(slug.isInvalid()).isTrue();
        assertThat(slug.getErrorMessage()).isEqualTo("That is not this clinic's address name.");
        assertThat(clinics.findById(clinic.id())).isPresent();

        test(slug).setValue(clinic.slug());
        test(find(Button.class, dialog).id("confirm-delete")).click();

        assertThat(clinics.findById(clinic.id())).isEmpty();
        assertThat(notificationTexts()).contains(clinic.name() + " was deleted.");
        assertThat(rows(view.clinics)).noneMatch(c -> c.id().equals(clinic.id()));
        trail.flush();
        assertThat(eventsAbout(clinic)).anyMatch(e -> e.action().orElseThrow() == AuditAction.CLINIC_DELETED);
    }

    private List<Button> buttons(PlatformView view) {
        return test(view.clinics).getCellComponent(rowOf(view), ACTIONS).getChildren()
                .filter(Button.class::isInstance).map(Button.class::cast).toList();
    }

    @Test
    void a_clinic_admin_cannot_open_the_platform_page() {
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();

        navigate("platform", NotFoundView.class);

        assertThat(find(PlatformView.class).exists()).isFalse();
    }

    private List<AuditRow> eventsAbout(ClinicBranding which) {
        return platform.recentActions().stream().filter(e -> which.id().equals(e.objectId())).toList();
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
        // the cell holds suspend/reactivate first (and, for a suspended clinic, delete)
        Button button = (Button) test(view.clinics).getCellComponent(rowOf(view), ACTIONS).getChildren()
                .filter(Button.class::isInstance).findFirst().orElseThrow();
        assertThat(button.getText()).isEqualTo(text);
        return button;
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
