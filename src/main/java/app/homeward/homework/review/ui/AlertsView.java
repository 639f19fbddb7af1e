package app.homeward.homework.review.ui;

import app.homeward.base.Dates;
import app.homeward.base.ui.ButtonNames;
import app.homeward.base.ui.PageLinks;
import app.homeward.base.ui.PhoneColumns;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.List;

/**
 * /app/alerts: safety alerts nobody has acknowledged yet, oldest first (the clinic's, for admins).
 * Acknowledging asks what was done, so the note is there for whoever looks later.
 */
@Route("app/alerts")
@Menu(title = "nav.alerts", order = 12, icon = "WARNING")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class AlertsView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    final Grid<AlertSummary> grid = new Grid<>();
    final Paragraph emptyState = new Paragraph();
    private final SafetyAlerts safetyAlerts;
    private final ZoneId clinicZone;

    public AlertsView(SafetyAlerts safetyAlerts, ClinicDirectory clinics) {
        this.safetyAlerts = safetyAlerts;
        this.clinicZone = clinics.currentTimeZone();
        addClassName("page");
        addClassName("alerts-page");

        grid.setId("alerts-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        // on a phone the client column carries the others as lines (base.ui.PhoneColumns)
        PhoneColumns<AlertSummary> phone = new PhoneColumns<>(grid);
        phone.first(a -> PageLinks.to(a.clientName(), "app/clients/" + a.clientId()))
                .setHeader(getTranslation("alerts.col.client")).setKey("client").setFlexGrow(1).setFrozen(true);
        phone.foldedText(getTranslation("alerts.col.what"), AlertSummary::label).setKey("what").setFlexGrow(3);
        phone.foldedText(getTranslation("alerts.col.value"), a -> String.valueOf(a.value())).setKey("value").setAutoWidth(true);
        phone.foldedText(getTranslation("alerts.col.raised"), a -> Dates.dateTime(a.raisedAt(), clinicZone, getLocale()))
                .setKey("raised").setAutoWidth(true);
        phone.folded(getTranslation("alerts.col.told"), this::told).setKey("told").setFlexGrow(2);
        phone.folded(getTranslation("alerts.col.entry"), a -> new RouterLink(getTranslation("alerts.answers"), EntryReviewView.class,
                        new RouteParameters("id", a.entryId().toString())))
                .setKey("entry").setAutoWidth(true);
        phone.folded(getTranslation("alerts.col.actions"), this::acknowledgeButton).setKey("actions").setAutoWidth(true);

        emptyState.setText(getTranslation("alerts.empty"));
        emptyState.addClassName("empty-state");
        emptyState.setId("alerts-empty");
        Paragraph intro = new Paragraph(getTranslation("alerts.intro"));
        intro.addClassName("page-intro");
        grid.setEmptyStateComponent(emptyState);
        add(new H1(getTranslation("alerts.title")), intro, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private Button acknowledgeButton(AlertSummary alert) {
        Button button = new Button(getTranslation("alerts.acknowledge"),
                e -> new AlertAcknowledgeDialog(alert, safetyAlerts, this::refresh).open());
        button.addThemeVariants(ButtonVariant.SMALL);
        ButtonNames.of(button, alert.clientName());
        return button;
    }

    /** Who was emailed and when: the therapist, or the admins, and the admins again if it stayed open. */
    private Div told(AlertSummary alert) {
        Div lines = new Div();
        lines.addClassName("alert-told");
        if (alert.told().isEmpty()) {
            lines.add(new Span(getTranslation("alerts.told.none")));
        }
        for (AlertSummary.Told told : alert.told()) {
            String name = told.name() == null ? getTranslation("audit.who.former-staff") : told.name();
            String when = Dates.dateTime(told.at(), clinicZone, getLocale());
            lines.add(new Div(new Span(getTranslation(told.stillOpen() ? "alerts.told.still-open" : "alerts.told.line",
                    name, when))));
        }
        return lines;
    }

    private void refresh() {
        List<AlertSummary> open = safetyAlerts.openAlerts();
        grid.setItems(open);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("alerts.title") + " · Homeward";
    }
}
