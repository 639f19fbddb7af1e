package app.homeward.security.ui;

import app.homeward.base.ui.Forms;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** New recovery codes, shown once: to read, download as a text file or copy. */
class RecoveryCodesPanel extends Div {

    RecoveryCodesPanel(List<String> codes) {
        addClassName("recovery-codes-panel");
        UnorderedList list = new UnorderedList();
        list.setId("recovery-codes");
        list.addClassName("recovery-codes");
        codes.forEach(code -> list.add(new ListItem(code)));

        String text = getTranslation("second-factor.recovery.file") + "\n\n" + String.join("\n", codes) + "\n";
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "homeward-recovery-codes.txt",
                    "text/plain;charset=UTF-8", bytes.length);
        }), "");
        download.add(VaadinIcon.DOWNLOAD.create(), new Span(
                getTranslation("second-factor.recovery.download")));
        download.setId("download-recovery-codes");
        download.addClassName("download-link");

        Button copy = new Button(getTranslation("second-factor.recovery.copy"), VaadinIcon.COPY.create(), e -> {
            getElement().executeJs("return navigator.clipboard.writeText($0)", String.join("\n", codes))
                    .then(ok -> Forms.notifySuccess(getTranslation("second-factor.recovery.copied")),
                            failed -> Forms.notifyError(getTranslation("second-factor.recovery.copy-failed")));
        });
        copy.setId("copy-recovery-codes");

        Div actions = new Div(download, copy);
        actions.addClassName("recovery-codes-actions");
        add(new H2(getTranslation("second-factor.recovery.title")),
                new Paragraph(getTranslation("second-factor.recovery.intro")), list, actions);
    }
}
