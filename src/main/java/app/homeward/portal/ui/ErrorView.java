package app.homeward.portal.ui;

import app.homeward.base.DatabaseTrouble;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a page shows when opening it failed: no stack trace, a plain explanation, and — when the
 * database is away — the promise that trying again later works (the pool reconnects by itself).
 */
@AnonymousAllowed
public class ErrorView extends Main implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorView.class);

    public ErrorView() {
        addClassName("public-page");
    }

    private String title = "Homeward";

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        boolean database = DatabaseTrouble.in(parameter.getCaughtException());
        if (database) {
            LOG.warn("page failed: database unavailable ({})", parameter.getCaughtException().getClass().getSimpleName());
        } else {
            LOG.error("page failed", parameter.getCaughtException());
        }
        title = getTranslation(database ? "error.database.title" : "error.unexpected.title") + " · Homeward";
        Div card = new Div(new H1(getTranslation(database ? "error.database.title" : "error.unexpected.title")),
                new Paragraph(getTranslation(database ? "error.database" : "error.unexpected")),
                new Anchor("", getTranslation("error.home")));
        card.addClassName("public-card");
        card.setId("error-page");
        removeAll();
        add(card);
        return database ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
