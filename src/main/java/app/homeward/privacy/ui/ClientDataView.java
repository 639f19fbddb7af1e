package app.homeward.privacy.ui;

import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.ui.Forms;
import app.homeward.privacy.ErasureState;
import app.homeward.privacy.ErasureView;
import app.homeward.privacy.PrivacyService;
import app.homeward.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.time.ZoneId;

/**
 * /my/data: the client takes everything Homeward holds about them (a PDF to read, a ZIP for other apps)
 * and can ask their clinic to delete their account, with what that means and when it would happen.
 * Reached from the account page; built for a 360 px phone (one column, full-width buttons).
 */
@Route("my/data")
@RolesAllowed(Role.CLIENT_NAME)
public class ClientDataView extends Div implements HasDynamicTitle {

    final Div erasure = new Div();
    Button ask;
    Button withdraw;
    private final PrivacyService privacy;
    private ZoneId zone = ZoneId.of("UTC");

    public ClientDataView(PrivacyService privacy) {
        this.privacy = privacy;
        addClassName("page");
        addClassName("data-page");
        Div downloads = new Div(
                Downloads.link("download-my-pdf", getTranslation("privacy.my.download.pdf"), VaadinIcon.FILE_TEXT_O,
                        privacy::myPdf),
                Downloads.link("download-my-zip", getTranslation("privacy.my.download.zip"), VaadinIcon.DOWNLOAD,
                        privacy::myZip));
        downloads.addClassName("data-downloads");
        Div download = new Div(new H2(getTranslation("privacy.my.download.title")),
                new Paragraph(getTranslation("privacy.my.download.help")), downloads);
        download.addClassName("form-section");
        erasure.addClassName("form-section");
        erasure.setId("erasure-section");
        add(new H1(getTranslation("privacy.my.title")), new Paragraph(getTranslation("privacy.my.intro")), download, erasure);
        render();
    }

    private void render() {
        erasure.removeAll();
        PrivacyService.MyData data = privacy.mine();
        zone = data.zone();
        erasure.add(new H2(getTranslation("privacy.my.erase.title")),
                new Paragraph(getTranslation("privacy.my.erase.intro", data.keepDays())));
        ErasureView open = data.erasure().filter(e -> e.state().open()).orElse(null);
        if (open != null) {
            Paragraph status = new Paragraph(getTranslation("privacy.my.erase.requested", date(open.requestedAt()),
                    date(open.eraseOn())));
            status.setId("erasure-status");
            status.addClassName("form-alert");
            status.addClassName("form-alert--info");
            erasure.add(status);
            if (open.state() == ErasureState.REQUESTED) {
                withdraw = new Button(getTranslation("privacy.my.erase.withdraw"), e -> {
                    try {
                        privacy.withdrawErasure();
                        Forms.notifyClientSuccess(getTranslation("privacy.my.erase.withdrawn"));
                    } catch (DomainException problem) {
                        Forms.notifyClientError(getTranslation(problem.messageKey(), problem.arguments()));
                    }
                    render();
                });
                withdraw.setId("withdraw-erasure");
                withdraw.addClassName("full-width-button");
                erasure.add(withdraw);
            }
            return;
        }
        ask = new Button(getTranslation("privacy.my.erase.ask"), e -> confirmAsk(data));
        ask.setId("ask-erasure");
        ask.addThemeVariants(ButtonVariant.ERROR);
        ask.addClassName("full-width-button");
        erasure.add(ask);
    }

    private void confirmAsk(PrivacyService.MyData data) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("privacy.my.erase.confirm.title"));
        dialog.setText(getTranslation("privacy.my.erase.confirm.body", data.keepDays()));
        dialog.setConfirmText(getTranslation("privacy.my.erase.confirm"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.addConfirmListener(e -> {
            try {
                ErasureView request = privacy.requestErasure();
                Forms.notifyClientSuccess(getTranslation("privacy.my.erase.sent", date(request.eraseOn())));
            } catch (DomainException problem) {
                Forms.notifyClientError(getTranslation(problem.messageKey(), problem.arguments()));
            }
            render();
        });
        dialog.open();
    }

    private String date(Instant instant) {
        return instant == null ? Dates.NONE : Dates.date(instant, zone, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.my.title") + " · Homeward";
    }
}
