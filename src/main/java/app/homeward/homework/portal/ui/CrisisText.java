package app.homeward.homework.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What a client reads after answers that raised a safety alert, in the dialog and then on Today until a
 * clinician acknowledges the alert: exactly what happens (an email to the therapist, read when they next
 * look), that the portal is not watched around the clock, and where to turn now — the clinic's own crisis
 * line(s), or a neutral default that names no country's number and says the clinic has not added one.
 */
final class CrisisText extends Div {

    CrisisText(String firstKey, String clinicMessage) {
        addClassName("crisis-text");
        Paragraph told = new Paragraph(getTranslation(firstKey));
        Paragraph unwatched = new Paragraph(getTranslation("portal.crisis.unwatched"));
        unwatched.addClassName("crisis-unwatched");
        boolean own = clinicMessage != null && !clinicMessage.isBlank();
        Paragraph where = new Paragraph(own ? clinicMessage : getTranslation("portal.crisis.line.default"));
        where.addClassName("crisis-line");
        where.setId(own ? "crisis-line-clinic" : "crisis-line-default");
        add(told, unwatched, where);
    }
}
