package app.homeward.privacy.ui;

import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.ui.Forms;
import app.homeward.privacy.ClinicExports;
import app.homeward.privacy.ErasureState;
import app.homeward.privacy.ErasureView;
import app.homeward.privacy.ExportState;
import app.homeward.privacy.ExportStatus;
import app.homeward.privacy.PrivacyService;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * /app/data, for clinic admins: clients' erasure requests (with when each erasure happens, to confirm),
 * and the export of the whole clinic — a background job whose progress bar this page follows by polling
 * the server once a second while it runs, then a download link that works for this admin only, for 24 hours.
 */
@Route("app/data")
@Menu(title = "nav.data-rights", order = 85, icon = "ARCHIVE")
@RolesAllowed(Role.ADMIN)
public class DataRightsView extends Div implements HasDynamicTitle {

    static final int POLL_MILLIS = 1000;

    final Div requests = new Div();
    final Div export = new Div();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Span progressText = new Span();
    final Button start = new Button();
    Anchor download;
    private final PrivacyService privacy;
    private final ClinicExports exports;
    private final ZoneId zone;
    private ExportStatus current;
    private String token;
    private Registration polling;

    public DataRightsView(PrivacyService privacy, ClinicExports exports, ClinicDirectory clinics) {
        this.privacy = privacy;
        this.exports = exports;
        this.zone = clinics.currentTimeZone();
        addClassName("page");
        addClassName("data-page");
        requests.setId("erasure-requests");
        export.setId("clinic-export");
        export.addClassName("form-section");
        progress.setId("export-progress");
        progressText.setId("export-progress-text");
        progress.getElement().setAttribute("aria-labelledby", "export-progress-text");
        start.setText(getTranslation("privacy.page.export.start"));
        start.setId("start-export");
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.addClickListener(e -> startExport());
        Div requestSection = new Div(new H2(getTranslation("privacy.page.requests")), requests);
        requestSection.addClassName("form-section");
        add(new H1(getTranslation("privacy.page.title")), new Paragraph(getTranslation("privacy.page.intro")),
                requestSection, export);
        renderRequests();
        current = exports.latest().orElse(null);
        renderExport();
    }

    private void renderRequests() {
        requests.removeAll();
        List<ErasureView> all = privacy.erasureRequests();
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("privacy.page.requests.none"));
            none.addClassName("empty-state");
            requests.add(none);
            return;
        }
        for (ErasureView request : all) {
            Div row = new Div();
            row.addClassName("erasure-row");
            String who = request.clientName() == null ? getTranslation("privacy.page.erased-client") : request.clientName();
            Span name = new Span(who);
            name.addClassName("erasure-name");
            Span state = new Span(getTranslation(request.state().messageKey()));
            state.addClassName("badge");
            String when = switch (request.state()) {
                case REQUESTED -> getTranslation("privacy.page.when.requested", date(request.requestedAt()), date(request.eraseOn()));
                case CONFIRMED -> getTranslation("privacy.page.when.confirmed", date(request.confirmedAt()), date(request.eraseOn()));
                case ERASED -> getTranslation("privacy.page.when.erased", date(request.erasedAt()));
                case WITHDRAWN -> getTranslation("privacy.page.when.withdrawn", date(request.withdrawnAt()));
            };
            row.add(name, state, new Span(when));
            if (request.clientName() != null && request.state() == ErasureState.REQUESTED) {
                Anchor open = new Anchor("app/clients/" + request.clientId() + "/data", getTranslation("privacy.page.review"));
                open.addClassName("erasure-open");
                row.add(open);
            }
            requests.add(row);
        }
    }

    private void renderExport() {
        export.removeAll();
        export.add(new H2(getTranslation("privacy.page.export")), new Paragraph(getTranslation("privacy.page.export.intro")));
        if (current != null && current.running()) {
            start.setEnabled(false);
            progress.setValue(current.progress() / 100.0);
            progressText.setText(getTranslation("privacy.page.export.progress", current.progress()));
            export.add(progressText, progress, start);
            poll(true);
            return;
        }
        poll(false);
        start.setEnabled(true);
        export.add(start);
        if (current == null) {
            return;
        }
        switch (current.state()) {
            case READY -> {
                progress.setValue(1);
                progressText.setText(getTranslation("privacy.page.export.progress", 100));
                Paragraph ready = new Paragraph(getTranslation("privacy.page.export.ready", dateTime(current.expiresAt())));
                ready.setId("export-ready");
                export.add(progressText, progress, ready);
                if (token != null) {
                    download = new Anchor("exports/clinic/" + token, "");
                    download.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("privacy.page.export.download")));
                    download.setId("export-download");
                    download.addClassName("download-link");
                    download.getElement().setAttribute("download", true);
                    download.setRouterIgnore(true);
                    export.add(download);
                } else {
                    Button link = new Button(getTranslation("privacy.page.export.new-link"), e -> {
                        try {
                            token = exports.newLink(current.id());
                        } catch (DomainException problem) {
                            Forms.notifyError(getTranslation(problem.messageKey(), problem.arguments()));
                            current = exports.latest().orElse(null);
                        }
                        renderExport();
                    });
                    link.setId("export-new-link");
                    export.add(link);
                }
            }
            case FAILED -> export.add(alert(getTranslation("privacy.page.export.failed")));
            case EXPIRED -> export.add(alert(getTranslation("privacy.page.export.expired", dateTime(current.expiresAt()))));
            case RUNNING -> { }
        }
    }

    private Paragraph alert(String text) {
        Paragraph p = new Paragraph(text);
        p.setId("export-note");
        p.addClassName("form-alert");
        p.addClassName("form-alert--info");
        return p;
    }

    private void startExport() {
        try {
            ClinicExports.Started started = exports.start();
            token = started.token();
            current = started.status();
            Forms.notifySuccess(getTranslation("privacy.page.export.started"));
        } catch (DomainException problem) {
            Forms.notifyError(getTranslation(problem.messageKey(), problem.arguments()));
            current = exports.latest().orElse(null);
        }
        renderExport();
    }

    /** While the job runs, the browser asks the server once a second; each time the bar shows the saved progress. */
    private void poll(boolean on) {
        UI ui = UI.getCurrent();
        if (on && polling == null && ui != null) {
            ui.setPollInterval(POLL_MILLIS);
            // a poll event is handled under the session's lock, like a click: the page is changed directly
            polling = ui.addPollListener(e -> {
                current = exports.status(current.id());
                renderExport();
            });
        } else if (!on && polling != null) {
            polling.remove();
            polling = null;
            if (ui != null) {
                ui.setPollInterval(-1);
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (current != null && current.running()) {
            poll(true);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        poll(false);
        super.onDetach(event);
    }

    private String date(Instant instant) {
        return instant == null ? Dates.NONE : Dates.date(instant, zone, getLocale());
    }

    private String dateTime(Instant instant) {
        return instant == null ? Dates.NONE : Dates.dateTime(instant, zone, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.page.title") + " · Homeward";
    }
}
