package app.homeward.homework.adherence.ui;

import app.homeward.homework.MeasureHistory;
import app.homeward.homework.adherence.AdherenceReport;
import app.homeward.homework.adherence.AdherenceService;
import app.homeward.homework.adherence.ClientAdherence;
import app.homeward.homework.ui.Charts;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One client's adherence, for the client page and the before-session view: why they need attention
 * (if they do), the figures, completions per week, and each scored measure per week beside the
 * week's homework completion; every chart with its table. Shows what the page read with the rest of
 * it (over the default window) and asks the service again only when the window changes.
 * <p>
 * Add it to a page with {@code add(new ClientAdherencePanel(adherence, page.adherence()));}.
 */
public class ClientAdherencePanel extends Div {

    private final AdherenceService adherence;
    private final UUID clientId;
    final Select<Integer> window;
    final Div content = new Div();
    ClientAdherence shown;
    /** What the page read with the rest of it, shown on the first attach instead of asking again. */
    private ClientAdherence loaded;

    /** Each measure's scale (bands, range, cut-off) by title, when the page read the client's measures. */
    private final Map<String, MeasureHistory> scales = new HashMap<>();

    /** The adherence the page read already (over {@code loaded.weeks()}); the service is asked when the window changes. */
    public ClientAdherencePanel(AdherenceService adherence, ClientAdherence loaded) {
        this(adherence, loaded, List.of());
    }

    /**
     * The same, with the client's measures the page read too, so each measure's chart is drawn on its own
     * scale with its bands and cut-off.
     */
    public ClientAdherencePanel(AdherenceService adherence, ClientAdherence loaded, List<MeasureHistory> measures) {
        measures.forEach(m -> scales.putIfAbsent(m.title(), m));
        this.adherence = adherence;
        this.clientId = loaded.clientId();
        this.loaded = loaded;
        addClassName("form-section");
        addClassName("client-adherence");
        setId("client-adherence");
        window = AdherenceParts.windowChoice(this, loaded.weeks());
        window.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refresh();
            }
        });
        content.getElement().setAttribute("aria-live", "polite");
        add(new H2(getTranslation("adherence.panel.title")), window, content);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().addJavaScript(Charts.SCRIPT);
        if (loaded != null) {
            show(loaded);
            loaded = null;
        } else {
            refresh();
        }
    }

    void refresh() {
        show(adherence.client(clientId, window.getValue()));
    }

    private void show(ClientAdherence adherence) {
        shown = adherence;
        content.removeAll();
        if (!shown.attention().isEmpty()) {
            UnorderedList reasons = new UnorderedList();
            shown.attention().forEach(r -> reasons.add(new ListItem(AdherenceParts.reason(r, this))));
            Div attention = new Div(new Paragraph(getTranslation("adherence.panel.attention")), reasons);
            attention.addClassName("client-card");
            attention.addClassName("client-card--alert");
            attention.addClassName("adherence-attention");
            content.add(attention);
        }
        if (shown.stats().counted() == 0) {
            Paragraph empty = new Paragraph(getTranslation("adherence.panel.empty"));
            empty.addClassName("empty-state");
            content.add(empty);
        } else {
            content.add(AdherenceParts.figures(shown.stats(), this));
            content.add(new H3(getTranslation("adherence.weeks")), AdherenceParts.weeklyChart(shown.perWeek(), this));
        }
        for (ClientAdherence.MeasureTrend measure : shown.measures()) {
            content.add(new H3(getTranslation("adherence.measures", measure.title())),
                    AdherenceParts.measureChart(measure, shown.perWeek(), this, scales.get(measure.title())));
        }
        content.add(AdherenceParts.help(this));
    }

    /** The scale a measure's chart is drawn on (null: drawn without bands), for tests. */
    MeasureHistory scaleOf(String title) {
        return scales.get(title);
    }

    /** The reasons shown, for tests. */
    List<AdherenceReport.Reason> reasons() {
        return shown == null ? List.of() : shown.attention();
    }
}
