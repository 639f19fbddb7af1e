package app.homeward.homework.review.ui;

import app.homeward.base.ui.Forms;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.review.SafetyAlerts;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.Map;

/**
 * Acknowledging a safety alert: what was done about it is written down (required); the service
 * keeps who and when. Opened from the alerts page and from the client page.
 */
public final class AlertAcknowledgeDialog extends Dialog {

    final TextArea note = new TextArea();
    final Button acknowledge = new Button();
    final Forms.FormAlert alert = new Forms.FormAlert();

    public AlertAcknowledgeDialog(AlertSummary safetyAlert, SafetyAlerts safetyAlerts, Runnable done) {
        setId("acknowledge-dialog");
        addClassName("acknowledge-dialog");
        setHeaderTitle(getTranslation("alerts.acknowledge.title"));
        setWidth("560px");
        setMaxWidth("100%");
        setCloseOnOutsideClick(false);

        Paragraph what = new Paragraph(getTranslation("alerts.acknowledge.what", safetyAlert.clientName(),
                safetyAlert.label(), safetyAlert.value()));
        what.addClassName("acknowledge-what");
        note.setLabel(getTranslation("alerts.acknowledge.note"));
        note.setHelperText(getTranslation("alerts.acknowledge.note.help"));
        note.setId("acknowledge-note");
        note.setRequiredIndicatorVisible(true);
        note.setMaxLength(1000);
        note.setWidthFull();
        note.setMinRows(3);
        Div body = new Div(what, alert, note);
        body.addClassName("dialog-form");
        add(body);

        Map<String, HasValidation> fields = Map.of("note", note);
        acknowledge.setText(getTranslation("alerts.acknowledge"));
        acknowledge.setId("acknowledge-confirm");
        acknowledge.addThemeVariants(ButtonVariant.PRIMARY);
        acknowledge.addClickListener(e -> {
            Forms.submit(fields, alert, this, () -> {
                safetyAlerts.acknowledge(safetyAlert.id(), note.getValue());
                close();
                Forms.notifySuccess(getTranslation("alerts.acknowledged", safetyAlert.clientName()));
                done.run();
            });
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), acknowledge);
    }

    @Override
    public void open() {
        super.open();
        note.focus();
    }
}
