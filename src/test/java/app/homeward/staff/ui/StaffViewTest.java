package app.homeward.staff.ui;

import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.security.InvitationService;
import app.homeward.security.InvitationService.InvitationSummary;
import app.homeward.security.Role;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** /app/staff: the clinic admin invites colleagues and switches accounts off and on. */
class StaffViewTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired InvitationService invitations;
    @Autowired SignInService signIn;

    ClinicBranding clinic;
    TestAccount admin;
    TestAccount therapist;
    StaffView view;

    @BeforeEach
    void anAdminOpensTheTeamPage() {
        clinic = testClinics.clinic("Birch Clinic " + TestClinics.random(5));
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        therapist = testClinics.account(clinic, Role.THERAPIST);
        admin.signIn();
        view = navigate(StaffView.class);
    }

    @Test
    void the_admin_invites_a_therapist_who_appears_under_open_invitations_and_gets_a_mail() {
        String email = TestClinics.randomEmail();

        invite("Cleo Therapist", email);

        assertThat(notificationText()).isEqualTo("Invitation sent to " + email + ".");
        int row = rowOf(view.pending, i -> i.email().equals(email));
        assertThat(cell(view.pending, row, 0)).isEqualTo("Cleo Therapist");
        assertThat(cell(view.pending, row, 2)).isEqualTo("Therapist");
        assertThat(cell(view.pending, row, 3)).startsWith("Expires ");
        assertThat(view.name.getValue()).as("the form is cleared for the next one").isEmpty();
        assertThat(invitations.openStaffInvitations()).extracting(InvitationSummary::email).contains(email);
        var mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).hasSize(1);
        assertThat(Mails.subject(mails.getFirst())).isEqualTo("You're invited to " + clinic.name() + " on Homeward");
        assertThat(Mails.token(Mails.text(mails.getFirst()), clinic.slug(), "invite")).isNotBlank();
    }

    @Test
    void revoking_an_invitation_removes_it() {
        String email = TestClinics.randomEmail();
        invite("Dan Therapist", email);
        int row = rowOf(view.pending, i -> i.email().equals(email));

        test(button(view.pending, row, 4, "Revoke")).click();

        assertThat(notificationTexts()).contains("Invitation to " + email + " revoked.");
        assertThat(rows(view.pending)).noneMatch(i -> i.email().equals(email));
        assertThat(invitations.openStaffInvitations()).extracting(InvitationSummary::email).doesNotContain(email);
    }

    @Test
    void inviting_someone_who_is_already_a_member_is_explained_on_the_email_field() {
        invite("Therapist Again", therapist.email());

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("This person already has an account at this clinic.");
        assertThat(view.name.isInvalid()).isFalse();
        assertThat(rows(view.pending)).noneMatch(i -> i.email().equals(therapist.email()));
        assertThat(find(Notification.class).exists()).isFalse();
    }

    @Test
    void a_malformed_email_is_explained_on_the_email_field() {
        invite("Someone", "someone@");

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Please enter an email address like name@example.com.");
        assertThat(invitations.openStaffInvitations()).isEmpty();
    }

    @Test
    void deactivating_a_therapist_asks_first_then_stops_their_sign_in_and_reactivating_restores_it() {
        int row = rowOf(view.staff, a -> a.id().equals(therapist.id()));
        assertThat(cell(view.staff, row, 3)).isEqualTo("Active");

        test(button(view.staff, row, 4, "Deactivate")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Deactivate this account?");
        assertThat(test(confirm).getText()).contains(therapist.displayName() + " will be signed out at once and can't sign in");
        test(confirm).confirm();

        row = rowOf(view.staff, a -> a.id().equals(therapist.id()));
        assertThat(cell(view.staff, row, 3)).isEqualTo("Deactivated");
        assertThat(notificationTexts()).contains(therapist.displayName() + " is deactivated.");
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Failed.class);

        test(button(view.staff, row, 4, "Reactivate")).click();

        row = rowOf(view.staff, a -> a.id().equals(therapist.id()));
        assertThat(cell(view.staff, row, 3)).isEqualTo("Active");
        assertThat(notificationTexts()).contains(therapist.displayName() + " can sign in again.");
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void cancelling_the_confirmation_keeps_the_therapist_active() {
        int row = rowOf(view.staff, a -> a.id().equals(therapist.id()));

        test(button(view.staff, row, 4, "Deactivate")).click();
        test(find(ConfirmDialog.class).single()).cancel();

        row = rowOf(view.staff, a -> a.id().equals(therapist.id()));
        assertThat(cell(view.staff, row, 3)).isEqualTo("Active");
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void signing_a_therapist_out_everywhere_asks_first_and_keeps_the_account_active() {
        int row = rowOf(view.staff, a -> a.id().equals(therapist.id()));

        test(button(view.staff, row, 4, "Sign out everywhere")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Sign this person out everywhere?");
        assertThat(test(confirm).getText()).contains(therapist.displayName() + " will be signed out on every computer");
        test(confirm).confirm();

        assertThat(notificationTexts()).contains(therapist.displayName() + " is signed out everywhere.");
        row = rowOf(view.staff, a -> a.id().equals(therapist.id()));
        assertThat(cell(view.staff, row, 3)).isEqualTo("Active");
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void deactivating_a_therapist_with_clients_asks_who_takes_them_over_first(@Autowired ClientService clients) {
        therapist.signIn();
        UUID client = clients.add(new NewClient("Quinn Handover", TestClinics.randomEmail(), "Europe/London", "en",
                null, false)).id();
        TestAccount colleague = testClinics.account(clinic, Role.THERAPIST);
        admin.signIn();
        view = navigate(StaffView.class);
        int row = rowOf(view.staff, a -> a.id().equals(therapist.id()));

        test(button(view.staff, row, 4, "Deactivate")).click();
        HandOverDialog dialog = find(HandOverDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Who takes over from " + therapist.displayName() + "?");
        assertThat(dialog.getElement().getTextRecursively()).contains("still has one client");
        test(dialog.confirm).click();
        assertThat(dialog.successor.isInvalid()).as("a successor is required").isTrue();
        test(dialog.successor).selectItem(colleague.displayName());
        test(dialog.confirm).click();

        assertThat(notificationTexts()).contains(therapist.displayName() + " is deactivated; their client has a new therapist.");
        row = rowOf(view.staff, a -> a.id().equals(therapist.id()));
        assertThat(cell(view.staff, row, 3)).isEqualTo("Deactivated");
        assertThat(clients.profile(client).therapistId()).isEqualTo(colleague.id());
    }

    @Test
    void on_a_phone_the_name_column_carries_the_rest_and_its_buttons_still_work() {
        view.staffOnPhone.width(390);
        int row = rowOf(view.staff, a -> a.id().equals(therapist.id()));
        assertThat(view.staff.getColumns()).filteredOn(Grid.Column::isVisible).hasSize(1);

        Component first = test(view.staff).getCellComponent(row, 0);
        assertThat(first.getElement().getTextRecursively()).contains(therapist.displayName(), "Email:" + therapist.email(),
                "Role:Therapist", "Status:Active");
        assertThat(find(Button.class).withText("Deactivate").all()).as("each button exists once").hasSize(1);
        test(find(Button.class, first).withText("Deactivate").single()).click();
        assertThat(test(find(ConfirmDialog.class).single()).getHeader()).isEqualTo("Deactivate this account?");

        view.staffOnPhone.width(1024);
        assertThat(view.staff.getColumns()).allMatch(Grid.Column::isVisible);
        assertThat(cell(view.staff, rowOf(view.staff, a -> a.id().equals(therapist.id())), 3)).isEqualTo("Active");
    }

    @Test
    void the_admin_cannot_deactivate_themselves() {
        int row = rowOf(view.staff, a -> a.id().equals(admin.id()));

        Component actions = test(view.staff).getCellComponent(row, 4);

        assertThat(actions.getElement().getTextRecursively()).isEqualTo("That's you");
        assertThat(find(Button.class, actions).exists()).isFalse();
    }

    private void invite(String name, String email) {
        test(view.name).setValue(name);
        test(view.email).setValue(email);
        test(view.invite).click();
    }

    private <T> List<T> rows(Grid<T> grid) {
        GridTester<Grid<T>, T> tester = test(grid);
        return IntStream.range(0, tester.size()).mapToObj(tester::getRow).toList();
    }

    private <T> int rowOf(Grid<T> grid, Predicate<T> match) {
        List<T> rows = rows(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (match.test(rows.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such row in " + grid.getId().orElse("grid") + ": " + rows);
    }

    private <T> String cell(Grid<T> grid, int row, int column) {
        GridTester<Grid<T>, T> tester = test(grid);
        return tester.getCellText(row, column);
    }

    private <T> Button button(Grid<T> grid, int row, int column, String text) {
        GridTester<Grid<T>, T> tester = test(grid);
        return find(Button.class, tester.getCellComponent(row, column)).withText(text).single();
    }

    private String notificationText() {
        return test(find(Notification.class).single()).getText();
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
