package app.homeward.homework.adherence.ui;

import app.homeward.homework.MeasureHistory;
import app.homeward.homework.ui.Charts;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import app.homeward.homework.adherence.ProgressReports;

import java.io.ByteArrayInputStream;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A client's measures on the client page: each questionnaire's scores on its own scale with bands and
 * cut-off, and whether the change is reliable (Jacobson &amp; Truax) and clinically significant: what the
 * page read ({@code AdherenceService.measures}, audited as a look at the client's record).
 * <p>
 * Add it to a page with {@code add(new ClientMeasuresPanel(reports, clientId, measures));}.
 */
public class ClientMeasuresPanel extends Div {

    final Div content = new Div();
    final List<MeasureHistory> shown;

    public ClientMeasuresPanel(ProgressReports reports, UUID clientId, List<MeasureHistory> measures) {
        this.shown = List.copyOf(measures);
        addClassName("form-section");
        setId("client-measures");
        // the report is built when the link is clicked, in the page's language; the download is audited
        Locale language = getLocale();
        Anchor report = new Anchor(DownloadHandler.fromInputStream(event -> {
            ProgressReports.Report file = reports.progressReport(clientId, language);
            return new DownloadResponse(new ByteArrayInputStream(file.pdf()), file.fileName(), "application/pdf",
                    file.pdf().length);
        }), "");
        report.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("measures.report")));
        report.setId("download-progress-report");
        report.addClassName("download-link");
        add(new H2(getTranslation("measures.panel.title")), report, content);
        if (shown.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("measures.panel.empty"));
            empty.addClassName("empty-state");
            content.add(empty);
        }
        shown.forEach(m -> content.add(new MeasureCard(m)));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().addJavaScript(Charts.SCRIPT);
    }
}
