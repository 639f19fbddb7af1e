package app.homeward.client.ui;

import app.homeward.base.Dates;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.PhoneColumns;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.adherence.CaseloadOverview;
import app.homeward.homework.adherence.CaseloadRow;
import app.homeward.homework.ui.ClientFormat;
import app.homeward.security.CurrentUser;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

/**
 * /app/clients: the caseload with adherence at a glance (the clinic's clients, for admins). Loaded
 * page by page from the service, so a large clinic opens as fast as a small one.
 */
@Route("app/clients")
@Menu(title = "nav.clients", order = 10, icon = "GROUP")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class CaseloadView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    // add and grid public: the homework loop's view test starts here, adding the client it follows
    public final Button add = new Button();
    final TextField search = new TextField();
    final Checkbox showArchived = new Checkbox();
    final Checkbox mineOnly = new Checkbox();
    public final Grid<CaseloadRow> grid = new Grid<>();
    final Paragraph emptyState = new Paragraph();
    /** The grid's phone-width folding; tests set the width the browser would report. */
    final PhoneColumns<CaseloadRow> phone;
    private final CaseloadOverview homework;
    private final ClientService clients;
    private final ClinicBranding clinic;
    private final boolean admin;

    public CaseloadView(CaseloadOverview homework, ClientService clients, ClinicDirectory clinics) {
        this.homework = homework;
        this.clients = clients;
        this.clinic = ClientFormat.currentClinic(clinics);
        this.admin = CurrentUser.require().role() == Role.CLINIC_ADMIN;
        addClassName("page");
        addClassName("caseload-page");

        add.setText(getTranslation("caseload.add"));
        add.setId("add-client");
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(e -> openAddDialog());
        HorizontalLayout header = new HorizontalLayout(new H1(getTranslation("caseload.title")), add);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        header.addClassName("page-header");

        search.setLabel(getTranslation("caseload.search"));
        search.setPlaceholder(getTranslation("caseload.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("caseload-search");
        search.setMaxLength(120);
        search.addValueChangeListener(e -> refresh());
        showArchived.setLabel(getTranslation("caseload.show-archived"));
        showArchived.setId("show-archived");
        showArchived.addValueChangeListener(e -> refresh());
        mineOnly.setLabel(getTranslation("caseload.mine-only"));
        mineOnly.setId("mine-only");
        mineOnly.setVisible(admin);
        mineOnly.addValueChangeListener(e -> refresh());
        Div filters = new Div(search, showArchived, mineOnly);
        filters.addClassName("caseload-filters");

        grid.setId("caseload-grid");
        grid.addClassName("caseload-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        // on a phone only the name column shows, with the other columns as lines under the name
        phone = new PhoneColumns<>(grid);
        phone.first(this::nameCell).setHeader(getTranslation("caseload.col.name")).setKey("name")
                .setWidth("200px").setFlexGrow(2).setFrozen(true);
        phone.folded(getTranslation("caseload.col.status"), row -> ClientFormat.statusBadge(row.client().status(), this))
                .setKey("status").setAutoWidth(true);
        if (admin) {
            phone.foldedText(getTranslation("caseload.col.therapist"), CaseloadRow::therapistName)
                    .setKey("therapist").setAutoWidth(true);
        }
        phone.foldedText(getTranslation("caseload.col.next-session"), row -> Dates.date(row.client().nextSession(), getLocale()))
                .setKey("nextSession").setAutoWidth(true);
        phone.foldedText(getTranslation("caseload.col.last-activity"),
                        row -> Dates.date(row.client().lastActivityAt(), clinic.timeZone(), getLocale()))
                .setKey("lastActivity").setAutoWidth(true);
        phone.folded(getTranslation("caseload.col.adherence"), row -> ClientFormat.adherence(row.adherence()))
                .setKey("adherence").setAutoWidth(true);
        phone.folded(getTranslation("caseload.col.unreviewed"), this::unreviewedCell)
                .setKey("unreviewed").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        phone.folded(getTranslation("caseload.col.alerts"), this::alertsCell)
                .setKey("alerts").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);

        grid.setItems(query -> homework.caseload(search.getValue(), showArchived.getValue(), mineOnly.getValue(),
                        query.getOffset(), query.getLimit()).stream(),
                query -> (int) clients.countCaseload(search.getValue(), showArchived.getValue(), mineOnly.getValue()));
        emptyState.addClassName("empty-state");
        emptyState.setId("caseload-empty");
        grid.setEmptyStateComponent(emptyState);

        Paragraph intro = new Paragraph(getTranslation(admin ? "caseload.intro.admin" : "caseload.intro"));
        intro.addClassName("page-intro");
        add(header, intro, filters, grid);
        describeEmptyState();
    }

    /** Vaadin reuses this view when the menu link is clicked on it: show what changed meanwhile. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private Div nameCell(CaseloadRow row) {
        ClientProfile client = row.client();
        RouterLink link = new RouterLink(client.displayName(), ClientView.class,
                new RouteParameters("id", client.id().toString()));
        link.addClassName("caseload-name");
        Span email = new Span(client.email());
        email.addClassName("caseload-email");
        Div cell = new Div(link, email);
        cell.addClassName("caseload-name-cell");
        return cell;
    }

    private Span unreviewedCell(CaseloadRow row) {
        if (row.unreviewed() == 0) {
            return new Span("0");
        }
        return ClientFormat.badge(String.valueOf(row.unreviewed()), "unreviewed");
    }

    private Span alertsCell(CaseloadRow row) {
        if (row.openAlerts() == 0) {
            return new Span(ClientFormat.NONE);
        }
        return ClientFormat.badge(getTranslation("caseload.alerts.open", row.openAlerts()), "alert");
    }

    private void openAddDialog() {
        ClientDetailsDialog dialog = new ClientDetailsDialog(null, clinic.timeZone(), clinic.defaultLanguage(), form -> {
            ClientProfile added = clients.add(new NewClient(form.name.getValue(), form.email.getValue(),
                    form.timeZone.getValue(), form.language.getValue(), form.nextSession.getValue(),
                    form.simplified.getValue()));
            Forms.notifySuccess(getTranslation("caseload.add.sent", added.email()));
            refresh();
        });
        dialog.open();
    }

    private void refresh() {
        describeEmptyState();
        grid.getDataProvider().refreshAll();
    }

    private void describeEmptyState() {
        boolean filtered = !search.getValue().isBlank();
        emptyState.setText(getTranslation(filtered ? "caseload.empty.search"
                : showArchived.getValue() || mineOnly.getValue() ? "caseload.empty.filtered" : "caseload.empty"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("caseload.title") + " · Homeward";
    }
}
