package app.homeward.staff.ui;

import app.homeward.base.Dates;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.PhoneColumns;
import app.homeward.security.AccountService;
import app.homeward.security.AccountStatus;
import app.homeward.security.AccountSummary;
import app.homeward.security.CurrentUser;
import app.homeward.security.InvitationService;
import app.homeward.security.InvitationService.InvitationSummary;
import app.homeward.security.Role;
import app.homeward.security.SecondFactorService;
import app.homeward.staff.TeamService;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** /app/staff: the clinic admin invites therapists and admins, and switches accounts off and on. */
@Route("app/staff")
@Menu(title = "nav.staff", order = 70, icon = "USERS")
@RolesAllowed(Role.ADMIN)
public class StaffView extends Div implements HasDynamicTitle {

    final TextField name = new TextField();
    final EmailField email = new EmailField();
    final Select<Role> role = new Select<>();
    final Button invite = new Button();
    final Grid<AccountSummary> staff = new Grid<>();
    final Grid<InvitationSummary> pending = new Grid<>();
    /** The team grid's phone-width folding; tests set the width the browser would report. */
    final PhoneColumns<AccountSummary> staffOnPhone;
    private final Paragraph noPending = new Paragraph();
    private final Forms.FormAlert alert = new Forms.FormAlert();
    private final AccountService accounts;
    private final InvitationService invitations;
    /** The clinic's time zone: an invitation expires on a day of the clinic's calendar, not the server's. */
    private final ZoneId zone;

    private final SecondFactorService secondFactors;
    private final TeamService team;
    /** Accounts whose two-step sign-in is on (read once per refresh). */
    private Set<UUID> withSecondFactor = Set.of();

    public StaffView(AccountService accounts, InvitationService invitations, ClinicDirectory clinics,
                     SecondFactorService secondFactors, TeamService team) {
        this.accounts = accounts;
        this.team = team;
        this.secondFactors = secondFactors;
        this.invitations = invitations;
        this.zone = clinics.currentTimeZone();
        addClassName("page");

        name.setLabel(getTranslation("staff.invite.name"));
        name.setId("invite-name");
        name.setMaxLength(120);
        email.setLabel(getTranslation("staff.invite.email"));
        email.setId("invite-email");
        email.setMaxLength(254);
        role.setLabel(getTranslation("staff.invite.role"));
        role.setId("invite-role");
        role.setItems(Role.THERAPIST, Role.CLINIC_ADMIN);
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.THERAPIST);
        invite.setText(getTranslation("staff.invite.submit"));
        invite.setId("send-invitation");
        invite.addThemeVariants(ButtonVariant.PRIMARY);
        Map<String, HasValidation> fields = Map.of("name", name, "email", email, "role", role);
        invite.addClickListener(e -> {
            Forms.submit(fields, alert, this, () -> {
                InvitationSummary sent = invitations.inviteStaff(email.getValue(), name.getValue(), role.getValue());
                Forms.notifySuccess(getTranslation("staff.invite.sent", sent.email()));
                name.clear();
                email.clear();
                refresh();
            });
        });
        HorizontalLayout form = new HorizontalLayout(name, email, role, invite);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        staff.setId("staff-grid");
        staff.addThemeVariants(GridVariant.NO_BORDER);
        staff.setAllRowsVisible(true);
        // on a phone the name column carries email, role, status and actions as lines under the name
        staffOnPhone = new PhoneColumns<>(staff);
        staffOnPhone.first(a -> new Span(a.displayName())).setHeader(getTranslation("staff.col.name")).setFlexGrow(2);
        staffOnPhone.foldedText(getTranslation("staff.col.email"), AccountSummary::email).setFlexGrow(2);
        staffOnPhone.foldedText(getTranslation("staff.col.role"), a -> getTranslation("role." + a.role().name()));
        staffOnPhone.foldedText(getTranslation("staff.col.status"), a -> getTranslation("status." + a.status().name()));
        staffOnPhone.folded(getTranslation("staff.col.actions"), this::accountActions).setAutoWidth(true);

        pending.setId("invitations-grid");
        pending.addThemeVariants(GridVariant.NO_BORDER);
        pending.setAllRowsVisible(true);
        PhoneColumns<InvitationSummary> pendingOnPhone = new PhoneColumns<>(pending);
        pendingOnPhone.first(i -> new Span(i.displayName())).setHeader(getTranslation("staff.col.name"));
        pendingOnPhone.foldedText(getTranslation("staff.col.email"), InvitationSummary::email);
        pendingOnPhone.foldedText(getTranslation("staff.col.role"), i -> getTranslation("role." + i.role().name()));
        pendingOnPhone.foldedText(getTranslation("staff.col.status"), i -> i.expired() ? getTranslation("staff.invitation.expired")
                : getTranslation("staff.invitation.expires", Dates.date(i.expiresAt(), zone, getLocale())));
        pendingOnPhone.folded(getTranslation("staff.col.actions"), this::invitationActions).setAutoWidth(true);
        noPending.setText(getTranslation("staff.invitations.empty"));
        noPending.addClassName("empty-state");

        Div inviteSection = new Div(new H2(getTranslation("staff.invite.title")),
                new Paragraph(getTranslation("staff.invite.intro")), alert, form);
        inviteSection.addClassName("form-section");
        add(new H1(getTranslation("staff.title")), inviteSection,
                new H2(getTranslation("staff.invitations.title")), noPending, pending,
                new H2(getTranslation("staff.members.title")), staff);
        refresh();
    }

    private HorizontalLayout accountActions(AccountSummary account) {
        HorizontalLayout actions = new HorizontalLayout();
        if (account.id().equals(CurrentUser.require().accountId())) {
            actions.add(new Span(getTranslation("staff.you")));
            return actions;
        }
        if (account.status() == AccountStatus.DEACTIVATED) {
            Button on = new Button(getTranslation("staff.reactivate"), e -> run(() -> accounts.reactivate(account.id()),
                    getTranslation("staff.reactivated", account.displayName())));
            on.addThemeVariants(ButtonVariant.SMALL);
            actions.add(on);
        } else {
            Button off = new Button(getTranslation("staff.deactivate"), e -> {
                int clients = team.clientsOf(account.id());
                if (clients > 0) {
                    new HandOverDialog(account, clients, accounts.colleagues(), successor -> run(
                            () -> team.deactivate(account.id(), successor),
                            getTranslation("staff.deactivated.handed-over", account.displayName(), clients))).open();
                    return;
                }
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("staff.deactivate.confirm.title"),
                        getTranslation("staff.deactivate.confirm.body", account.displayName()),
                        getTranslation("staff.deactivate"), ok -> run(() -> team.deactivate(account.id(), null),
                        getTranslation("staff.deactivated", account.displayName())));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            off.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
            Button signOut = new Button(getTranslation("staff.sign-out"), e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("staff.sign-out.confirm.title"),
                        getTranslation("staff.sign-out.confirm.body", account.displayName()),
                        getTranslation("staff.sign-out"), ok -> run(() -> accounts.signOutEverywhere(account.id()),
                        getTranslation("staff.signed-out", account.displayName())));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.open();
            });
            signOut.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            signOut.addClassName("sign-out-everywhere");
            actions.add(off, signOut);
        }
        actions.add(secondFactorAction(account));
        return actions;
    }

    /** Reset of a colleague's two-step sign-in (after a lost phone), or a note that they have none yet. */
    private Component secondFactorAction(AccountSummary account) {
        if (!withSecondFactor.contains(account.id())) {
            Span none = new Span(getTranslation("second-factor.staff.none"));
            none.addClassName("second-factor-missing");
            return none;
        }
        Button reset = new Button(getTranslation("second-factor.staff.reset"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("second-factor.staff.reset.title"),
                    getTranslation("second-factor.staff.reset.body", account.displayName()),
                    getTranslation("second-factor.staff.reset"), ok -> run(() -> secondFactors.reset(account.id()),
                    getTranslation("second-factor.staff.reset.done", account.displayName())));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        reset.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        reset.addClassName("reset-second-factor");
        return reset;
    }

    private HorizontalLayout invitationActions(InvitationSummary invitation) {
        Button resend = new Button(getTranslation("staff.resend"), e -> run(() -> invitations.resend(invitation.id()),
                getTranslation("staff.invite.sent", invitation.email())));
        resend.addThemeVariants(ButtonVariant.SMALL);
        Button revoke = new Button(getTranslation("staff.revoke"), e -> run(() -> invitations.revoke(invitation.id()),
                getTranslation("staff.revoked", invitation.email())));
        revoke.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        return new HorizontalLayout(resend, revoke);
    }

    private void run(Runnable action, String success) {
        Forms.run(action, success, this, this::refresh);
    }

    private void refresh() {
        withSecondFactor = secondFactors.accountsWithSecondFactor();
        staff.setItems(accounts.staff());
        List<InvitationSummary> open = invitations.openStaffInvitations();
        pending.setItems(open);
        pending.setVisible(!open.isEmpty());
        noPending.setVisible(open.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.title") + " · Homeward";
    }
}
