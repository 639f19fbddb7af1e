package app.homeward.platform.ui;

import app.homeward.base.Dates;
import app.homeward.audit.AuditEvent;
import app.homeward.base.ui.Forms;
import app.homeward.platform.PlatformService;
import app.homeward.platform.PlatformService.ClinicOverview;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneOffset;

/** /platform: every clinic with its status and size; suspend and reactivate; the latest operator actions. */
@Route(value = "platform", autoLayout = false)
@RolesAllowed(Role.OPERATOR)
public class PlatformView extends Main implements HasDynamicTitle {

    final Grid<ClinicOverview> clinics = new Grid<>();
    final Grid<AuditEvent> actions = new Grid<>();
    private final Paragraph noActions = new Paragraph();
    private final PlatformService platform;

    public PlatformView(PlatformService platform, AuthenticationContext authentication) {
        this.platform = platform;
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

        actions.setId("audit-grid");
        actions.setAllRowsVisible(true);
        actions.addColumn(a -> Dates.dateTime(a.getOccurredAt(), ZoneOffset.UTC, getLocale()) + " UTC").setHeader(getTranslation("platform.audit.when"));
        actions.addColumn(AuditEvent::getActor).setHeader(getTranslation("platform.audit.who"));
        actions.addColumn(AuditEvent::getAction).setHeader(getTranslation("platform.audit.what"));
        actions.addColumn(a -> a.getClinicId() == null ? "" : a.getClinicId().toString()).setHeader(getTranslation("platform.audit.clinic"));

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

    private Button actionFor(ClinicOverview clinic) {
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
