package app.homeward.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Any unknown address, and anything someone may not see: the same calm page. */
@AnonymousAllowed
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    public NotFoundView() {
        addClassName("public-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    /** The tab says what happened, as every page's does (axe: document-title, serious). */
    @Override
    public String getPageTitle() {
        return getTranslation("error.not-found.title") + " · Homeward";
    }

    /** Puts the "not found" card into a page (also used for objects a service reports as not found). */
    static void show(Main page) {
        Div card = new Div(new H1(page.getTranslation("error.not-found.title")),
                new Paragraph(page.getTranslation("error.not-found.body")), new Anchor("", page.getTranslation("error.home")));
        card.addClassName("public-card");
        page.removeAll();
        page.add(card);
    }
}
