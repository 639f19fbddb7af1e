package app.homeward.security.ui;

import app.homeward.base.ui.Forms;
import app.homeward.security.SecondFactorService.CodeCheck;
import app.homeward.security.SecondFactorService.Enrolment;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Adding an authenticator: the QR code (a PNG drawn on the server, served from this page's own origin),
 * the same secret as text in groups of four, and one code to confirm that the app has it.
 */
class EnrolmentPanel extends Div {

    final TextField code;

    EnrolmentPanel(Enrolment enrolment, Function<String, CodeCheck> confirm, Consumer<CodeCheck.Accepted> done) {
        addClassName("enrolment-panel");
        byte[] png = QrCode.png(enrolment.otpauthUri());
        Image qr = new Image(DownloadHandler.fromInputStream(event -> {
            event.getResponse().setHeader("Cache-Control", "no-store");
            return new DownloadResponse(new ByteArrayInputStream(png), "authenticator.png", "image/png", png.length);
        }), getTranslation("second-factor.enrol.qr-alt"));
        qr.setId("totp-qr");
        qr.addClassName("totp-qr");
        qr.setWidth(QrCode.SIZE + "px");
        qr.setHeight(QrCode.SIZE + "px");

        Span secret = new Span(enrolment.groupedSecret());
        secret.setId("totp-secret");
        secret.addClassName("totp-secret");

        code = CodeField.create(getTranslation("second-factor.code"), "enrol-code");
        code.getElement().setAttribute("inputmode", "numeric");
        Forms.FormAlert alert = new Forms.FormAlert();
        alert.setId("enrol-alert");
        Button turnOn = new Button(getTranslation("second-factor.enrol.confirm"));
        turnOn.setId("confirm-enrolment");
        turnOn.addThemeVariants(ButtonVariant.PRIMARY);
        turnOn.setWidthFull();
        turnOn.addClickShortcut(Key.ENTER).listenOn(code);
        turnOn.addClickListener(e -> {
            alert.clear();
            CodeCheck check = confirm.apply(code.getValue());
            if (check instanceof CodeCheck.Accepted accepted) {
                done.accept(accepted);
                return;
            }
            alert.show(CodeMessages.refusal(check, this));
            code.clear();
            code.focus();
        });

        Div qrBox = new Div(qr);
        qrBox.addClassName("totp-qr-box");
        add(new Paragraph(getTranslation("second-factor.enrol.step1")),
                new Paragraph(getTranslation("second-factor.enrol.step2")), qrBox,
                new Paragraph(getTranslation("second-factor.enrol.key")), secret,
                new Paragraph(getTranslation("second-factor.enrol.step3")), alert, code, turnOn);
    }
}
