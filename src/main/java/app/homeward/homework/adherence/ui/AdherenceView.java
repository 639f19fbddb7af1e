package app.homeward.homework.adherence.ui;

import app.homeward.base.ui.PageLinks;
import app.homeward.homework.adherence.AdherenceReport;
import app.homeward.homework.adherence.AdherenceService;
import app.homeward.homework.ui.Charts;
import app.homeward.homework.ui.ClientFormat;
import app.homeward.security.CurrentUser;
import app.homeward.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * /app/adherence: how homework is going across a caseload over the last 4, 8 or 12 weeks. Clients
 * needing attention first (each with the reason and a link to their page), then the figures,
 * completions per week, and one row per client. A therapist sees their caseload; an admin chooses
 * the whole clinic or one therapist's caseload.
 */
@Route("app/adherence")
@Menu(title = "nav.adherence", order = 17, icon = "BAR_CHART")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class AdherenceView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** Whose clients: the whole clinic (no therapist) or one therapist's caseload. */
    record Scope(UUID therapistId, String label) {
    }

    private final AdherenceService adherence;
    private final boolean admin;
    final Select<Integer> window;
    final Select<Scope> scope = new Select<>();
    final Paragraph showing = new Paragraph();
    final Div attention = new Div();
    final Div figures = new Div();
    final Div empty = new Div();
    final Grid<AdherenceReport.ClientRow> clients = new Grid<>();
    AdherenceReport report;

    public AdherenceView(AdherenceService adherence) {
        this.adherence = adherence;
        this.admin = CurrentUser.require().role() == Role.CLINIC_ADMIN;
        addClassName("page");
        addClassName("adherence-page");

        window = AdherenceParts.windowChoice(this, 8);
        window.addValueChangeListener(e -> { if (e.isFromClient()) { refresh(); } });
        HorizontalLayout controls = new HorizontalLayout(window);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        if (admin) {
            scope.setLabel(getTranslation("adherence.scope"));
            List<Scope> scopes = new ArrayList<>();
            scopes.add(new Scope(null, getTranslation("adherence.scope.clinic")));
            adherence.therapists().forEach(s -> scopes.add(new Scope(s.id(), s.displayName())));
            scope.setItems(scopes);
            scope.setItemLabelGenerator(Scope::label);
            scope.setValue(scopes.getFirst());
            scope.addValueChangeListener(e -> { if (e.isFromClient()) { refresh(); } });
            controls.add(scope);
        }
        showing.addClassName("quiet");
        showing.getElement().setAttribute("aria-live", "polite");

        Paragraph intro = new Paragraph(getTranslation("adherence.intro"));
        intro.addClassName("page-intro");

        Paragraph emptyText = new Paragraph(getTranslation("adherence.empty"));
        empty.add(emptyText, PageLinks.to(getTranslation("adherence.empty.action"), "app/clients"));
        empty.addClassName("empty-state");
        empty.setId("adherence-empty");

        attention.setId("adherence-attention");
        figures.setId("adherence-figures");

        clients.setId("adherence-clients");
        clients.addThemeVariants(GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        clients.setAllRowsVisible(true);
        clients.addComponentColumn(row -> PageLinks.to(row.clientName(), "app/clients/" + row.clientId()))
                .setHeader(getTranslation("adherence.col.client")).setKey("client").setFlexGrow(2)
                .setComparator(Comparator.comparing(AdherenceReport.ClientRow::clientName, String.CASE_INSENSITIVE_ORDER));
        if (admin) {
            clients.addColumn(AdherenceReport.ClientRow::therapistName).setHeader(getTranslation("adherence.col.therapist"))
                    .setKey("therapist").setSortable(true);
        }
        clients.addColumn(row -> AdherenceParts.percent(row.stats().completionPercent(), this))
                .setHeader(getTranslation("adherence.col.completion")).setKey("completion").setAutoWidth(true)
                .setComparator(Comparator.comparing(row -> row.stats().completionPercent(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        clients.addColumn(row -> AdherenceParts.percent(row.stats().onTimePercent(), this))
                .setHeader(getTranslation("adherence.col.on-time")).setKey("on-time").setAutoWidth(true)
                .setComparator(Comparator.comparing(row -> row.stats().onTimePercent(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        clients.addColumn(row -> getTranslation("adherence.split.value", row.stats().done(), row.stats().partial(),
                        row.stats().missed()))
                .setHeader(getTranslation("adherence.col.split")).setKey("split").setAutoWidth(true);
        clients.addColumn(row -> row.stats().currentMissedRun())
                .setHeader(getTranslation("adherence.col.missed-run")).setKey("missed-run").setAutoWidth(true)
                .setComparator(Comparator.comparing(row -> row.stats().currentMissedRun()));
        clients.addColumn(row -> row.stats().averageHelpful() == null ? ClientFormat.NONE
                        : getTranslation("adherence.rating", row.stats().averageHelpful()))
                .setHeader(getTranslation("adherence.col.helpful")).setKey("helpful").setAutoWidth(true);

        add(new H1(getTranslation("adherence.title")), intro, controls, showing, attention, empty, figures);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getUI().getPage().addJavaScript(Charts.SCRIPT);
        refresh();
    }

    /** One service call: the caseload's report, or for an admin the chosen scope's. */
    void refresh() {
        Scope chosen = scope.getValue();
        report = admin ? adherence.clinic(window.getValue(), chosen == null ? null : chosen.therapistId())
                : adherence.caseload(window.getValue());
        showing.setText(getTranslation(admin ? "adherence.showing.admin" : "adherence.showing", window.getValue(),
                chosen == null ? "" : chosen.label()));
        renderAttention();
        figures.removeAll();
        empty.setVisible(report.nothingDue());
        if (!report.nothingDue()) {
            figures.add(section("adherence.figures", AdherenceParts.figures(report.totals(), this)));
            figures.add(section("adherence.weeks", AdherenceParts.weeklyChart(report.perWeek(), this)));
            clients.setItems(report.clients());
            figures.add(section("adherence.clients", clients));
        }
        figures.add(AdherenceParts.help(this));
    }

    private void renderAttention() {
        attention.removeAll();
        attention.add(new H2(getTranslation("adherence.attention")));
        attention.addClassName("adherence-attention");
        Paragraph rules = new Paragraph(getTranslation("adherence.attention.rules"));
        rules.addClassName("quiet");
        attention.add(rules);
        if (report.attention().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("adherence.attention.none"));
            none.addClassName("empty-state");
            attention.add(none);
            return;
        }
        for (AdherenceReport.Attention who : report.attention()) {
            Div card = new Div();
            card.addClassName("client-card");
            if (who.reasons().getFirst().kind() == AdherenceReport.Kind.OPEN_ALERTS) {
                card.addClassName("client-card--alert");
            }
            RouterLink link = PageLinks.to(who.clientName(), "app/clients/" + who.clientId());
            link.addClassName("client-card-title");
            card.add(link);
            if (!who.therapistName().isBlank()) {
                Span therapist = new Span(getTranslation("adherence.attention.therapist", who.therapistName()));
                therapist.addClassName("client-card-meta");
                card.add(therapist);
            }
            UnorderedList reasons = new UnorderedList();
            who.reasons().forEach(r -> reasons.add(new ListItem(AdherenceParts.reason(r, this))));
            card.add(reasons);
            attention.add(card);
        }
    }

    private Div section(String titleKey, Component content) {
        Div section = new Div(new H2(getTranslation(titleKey)), content);
        section.addClassName("adherence-section");
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("adherence.title") + " · Homeward";
    }
}
