package app.homeward.platform.ui;

import app.homeward.audit.AuditLabels;
import app.homeward.audit.AuditRow;
import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.ui.Forms;
import app.homeward.platform.PlatformService;
import app.homeward.platform.PlatformService.ClinicOverview;
import app.homeward.security.Role;
import app.homeward.security.SecondFactorService;
import app.homeward.tenancy.ClinicStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneOffset;

/** /platform: every clinic with its status and size; suspend and reactivate; the platform's audit trail (operators' sign-ins and actions). */
@Route(value = "platform", autoLayout = false)
@RolesAllowed(Role.OPERATOR)
public class PlatformView extends Main implements HasDynamicTitle {

    final Grid<ClinicOverview> clinics = new Grid<>();
    final Grid<AuditRow> actions = new Grid<>();
    private final Paragraph noActions = new Paragraph();
    private final PlatformService platform;

    private final SecondFactorService secondFactors;

    public PlatformView(PlatformService platform, SecondFactorService secondFactors, AuthenticationContext authentication) {
        this.platform = platform;
        this.secondFactors = secondFactors;
        addClassName("platform-page");

        clinics.setId("clinics-grid");
        clinics.addThemeVariants(GridVariant.ROW_STRIPES);
        clinics.setAllRowsVisible(true);
        clinics.addColumn(ClinicOverview::name).setHeader(getTranslation("platform.col.name")).setFlexGrow(2);
        clinics.addColumn(c -> "/c/" + c.slug()).setHeader(getTranslation("platform.col.address"));
        clinics.addColumn(c -> getTranslation("clinic-status." + c.status().name())).setHeader(getTranslation("platform.col.status"));
        clinics.addColumn(c -> Dates.dateTime(c.createdAt(), ZoneOffset.UTC, getLocale()) + " UTC").setHeader(getTranslation("platform.col.created")).setAutoWidth(true);
        clinics.addColumn(ClinicOverview::staff).setHeader(getTranslation("platform.col.staff"));
        clinics.addColumn(ClinicOverview::clients).setHeader(getTranslation("platform.col.clients"));
        clinics.addComponentColumn(this::actionFor).setHeader(getTranslation("staff.col.actions")).setAutoWidth(true);
        clinics.addComponentColumn(this::adminsFor).setHeader(getTranslation("second-factor.platform.column")).setAutoWidth(true);

        actions.setId("audit-grid");
        actions.setAllRowsVisible(true);
        actions.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        AuditLabels labels = new AuditLabels(this::getTranslation);
        actions.addColumn(a -> Dates.dateTime(a.occurredAt(), ZoneOffset.UTC, getLocale()) + " UTC").setHeader(getTranslation("platform.audit.when")).setAutoWidth(true);
        actions.addColumn(labels::actor).setHeader(getTranslation("platform.audit.who"));
        actions.addColumn(labels::action).setHeader(getTranslation("platform.audit.what"));
        actions.addColumn(labels::object).setHeader(getTranslation("platform.audit.clinic"));
        actions.addColumn(labels::outcome).setHeader(getTranslation("audit.col.outcome"));
        actions.addColumn(labels::ip).setHeader(getTranslation("audit.col.ip"));

        noActions.setText(getTranslation("platform.audit.empty"));
        noActions.addClassName("empty-state");

        Button signOut = new Button(getTranslation("nav.sign-out"), e -> authentication.logout());
        signOut.setId("sign-out");
        Header header = new Header(new H1(getTranslation("platform.title")), signOut);
        header.addClassName("platform-header");
        add(header, new Paragraph(getTranslation("platform.intro")), clinics,
                new H2(getTranslation("platform.audit.title")), noActions, actions,
                new Anchor("actuator/health", getTranslation("platform.health")));
        refresh();
    }

    private Component actionFor(ClinicOverview clinic) {
        Div buttons = new Div(suspendOrReactivate(clinic));
        buttons.addClassName("platform-actions");
        if (clinic.status() == ClinicStatus.SUSPENDED) {
            Button delete = new Button(getTranslation("platform.delete"), e -> confirmDelete(clinic));
            delete.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            buttons.add(delete);
        }
        return buttons;
    }

    /** Deleting a (suspended) clinic asks for its address name, typed, so the wrong row is never deleted by a slip. */
    private void confirmDelete(ClinicOverview clinic) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("platform.delete.title", clinic.name()));
        TextField slug = new TextField(
                getTranslation("platform.delete.slug"));
        slug.setId("delete-slug");
        slug.setWidthFull();
        slug.setMaxLength(64);
        Button delete = new Button(getTranslation("platform.delete.confirm"), e -> {
            try {
                platform.delete(clinic.id(), slug.getValue());
                dialog.close();
                Forms.notifySuccess(getTranslation("platform.deleted", clinic.name()));
                refresh();
            } catch (DomainException problem) {
                slug.setErrorMessage(getTranslation(problem.messageKey(), problem.arguments()));
                slug.setInvalid(true);
                slug.focus();
            }
        });
        delete.setId("confirm-delete");
        delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("platform.delete.body", clinic.slug())), slug);
        dialog.getFooter().add(cancel, delete);
        dialog.open();
        slug.focus();
    }

    private Button suspendOrReactivate(ClinicOverview clinic) {
        boolean suspended = clinic.status() == ClinicStatus.SUSPENDED;
        Button button = new Button(getTranslation(suspended ? "platform.reactivate" : "platform.suspend"));
        button.addThemeVariants(ButtonVariant.SMALL);
        if (!suspended) {
            button.addThemeVariants(ButtonVariant.ERROR);
        }
        button.addClickListener(e -> {
            if (suspended) {
                platform.reactivate(clinic.id());
                Forms.notifySuccess(getTranslation("platform.reactivated", clinic.name()));
                refresh();
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("platform.suspend.confirm.title", clinic.name()),
                    getTranslation("platform.suspend.confirm.body"), getTranslation("platform.suspend"), ok -> {
                platform.suspend(clinic.id());
                Forms.notifySuccess(getTranslation("platform.suspended", clinic.name()));
                refresh();
            });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        return button;
    }

    private Button adminsFor(ClinicOverview clinic) {
        Button admins = new Button(getTranslation("second-factor.platform.admins"),
                e -> new ClinicAdminsDialog(secondFactors, clinic).open());
        admins.addThemeVariants(ButtonVariant.SMALL);
        return admins;
    }

    private void refresh() {
        clinics.setItems(platform.clinics());
        var recent = platform.recentActions();
        actions.setItems(recent);
        actions.setVisible(!recent.isEmpty());
        noActions.setVisible(recent.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.title") + " · Homeward";
    }
}
