package app.homeward.privacy.ui;

import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.RouteIds;
import app.homeward.privacy.ErasureState;
import app.homeward.privacy.ErasureView;
import app.homeward.privacy.PrivacyService;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * /app/clients/{id}/data, for clinic admins: one client's record to download (the same PDF and ZIP the
 * client gets, in the client's language), and their erasure request with the date it would happen, to
 * confirm. Linked from the client's page; another clinic's client is not found.
 */
@Route("app/clients/:id/data")
@RolesAllowed(Role.ADMIN)
public class ClientRecordView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final Div erasure = new Div();
    Button confirm;
    private final PrivacyService privacy;
    private final ZoneId zone;
    private UUID clientId;
    private String name = "";

    public ClientRecordView(PrivacyService privacy, ClinicDirectory clinics) {
        this.privacy = privacy;
        this.zone = clinics.currentTimeZone();
        addClassName("page");
        addClassName("data-page");
        erasure.setId("client-erasure");
        erasure.addClassName("form-section");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        clientId = RouteIds.uuid(event, "id");
        render();
    }

    private void render() {
        removeAll();
        PrivacyService.ClientData data = privacy.clientData(clientId);
        name = data.client().displayName();
        Anchor back = new Anchor("app/clients/" + clientId, getTranslation("privacy.admin.back", name));
        back.addClassName("back-link");
        UUID id = clientId;
        Div links = new Div(
                Downloads.link("download-client-pdf", getTranslation("privacy.admin.download.pdf"), VaadinIcon.FILE_TEXT_O,
                        () -> privacy.pdfOf(id)),
                Downloads.link("download-client-zip", getTranslation("privacy.admin.download.zip"), VaadinIcon.DOWNLOAD,
                        () -> privacy.zipOf(id)));
        links.addClassName("data-downloads");
        Div download = new Div(new H2(getTranslation("privacy.admin.download.title")),
                new Paragraph(getTranslation("privacy.admin.download.intro", name)), links);
        download.addClassName("form-section");
        renderErasure(data);
        add(back, new H1(getTranslation("privacy.admin.title", name)), download, erasure);
    }

    private void renderErasure(PrivacyService.ClientData data) {
        erasure.removeAll();
        erasure.add(new H2(getTranslation("privacy.admin.erasure.title")));
        ErasureView request = data.erasure().filter(e -> e.state().open()).orElse(null);
        Paragraph status = new Paragraph();
        status.setId("client-erasure-status");
        erasure.add(status);
        if (request == null) {
            status.setText(getTranslation("privacy.admin.erasure.none", name));
            return;
        }
        if (request.state() == ErasureState.CONFIRMED) {
            status.setText(getTranslation("privacy.admin.erasure.scheduled", date(request.confirmedAt()), date(request.eraseOn())));
            return;
        }
        status.setText(getTranslation("privacy.admin.erasure.requested", name, date(request.requestedAt()),
                request.keepDays(), date(request.eraseOn())));
        confirm = new Button(getTranslation("privacy.admin.erasure.confirm"), e -> confirm(request));
        confirm.setId("confirm-erasure");
        confirm.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        erasure.add(confirm);
    }

    private void confirm(ErasureView request) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("privacy.admin.erasure.confirm.title", name));
        dialog.setText(getTranslation("privacy.admin.erasure.confirm.body", date(request.eraseOn())));
        dialog.setConfirmText(getTranslation("privacy.admin.erasure.confirm"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.addConfirmListener(e -> {
            try {
                ErasureView done = privacy.confirmErasure(request.id());
                if (done.state() == ErasureState.ERASED) {
                    Forms.notifySuccess(getTranslation("privacy.admin.erasure.erased"));
                    getUI().ifPresent(ui -> ui.navigate(DataRightsView.class));
                    return;
                }
                Forms.notifySuccess(getTranslation("privacy.admin.erasure.confirmed", name, date(done.eraseOn())));
                render();
            } catch (DomainException problem) {
                Forms.notifyError(getTranslation(problem.messageKey(), problem.arguments()));
            }
        });
        dialog.open();
    }

    private String date(Instant instant) {
        return instant == null ? Dates.NONE : Dates.date(instant, zone, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.admin.title", name) + " · Homeward";
    }
}
