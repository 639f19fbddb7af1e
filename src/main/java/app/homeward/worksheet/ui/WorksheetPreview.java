package app.homeward.worksheet.ui;

import app.homeward.base.ui.Forms;
import app.homeward.worksheet.WorksheetDocument;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

/**
 * A worksheet exactly as the client will see it, in a frame that can be switched between phone
 * width (360 px) and desktop width. The form is live: the therapist can try it, and "Check
 * answers" runs the same checks a client's submission gets.
 */
class WorksheetPreview extends Div {

    private final Div frame = new Div();
    final RadioButtonGroup<String> width = new RadioButtonGroup<>();
    WorksheetForm form;

    WorksheetPreview(WorksheetDocument document, boolean phoneFirst) {
        addClassName("worksheet-preview");
        width.setLabel(getTranslation("worksheet.preview.width"));
        width.setItems("phone", "desktop");
        width.setItemLabelGenerator(w -> getTranslation("worksheet.preview." + w));
        width.addValueChangeListener(e -> {
            frame.setClassName("preview-frame--phone", "phone".equals(e.getValue()));
            frame.setClassName("preview-frame--desktop", "desktop".equals(e.getValue()));
        });
        frame.addClassName("preview-frame");
        add(width, frame);
        width.setValue(phoneFirst ? "phone" : "desktop");
        show(document);
    }

    /** Shows another document (the builder calls this as the therapist edits). */
    void show(WorksheetDocument document) {
        frame.removeAll();
        frame.add(new H2(document.title().isBlank() ? getTranslation("worksheet.untitled") : document.title()));
        if (!document.rationale().isBlank()) {
            Div why = new Div(new H3(getTranslation("worksheet.why")), new Paragraph(document.rationale()));
            why.addClassName("worksheet-why");
            frame.add(why);
        }
        form = new WorksheetForm(document, null, WorksheetForm.Mode.FILL);
        Button check = new Button(getTranslation("worksheet.preview.check"), e -> {
            if (form.validate(true).isEmpty()) {
                Forms.notifySuccess(getTranslation("worksheet.preview.check-ok"));
            }
        });
        check.addClassName("preview-check");
        frame.add(form, check);
    }
}
