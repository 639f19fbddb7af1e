package app.homeward.portal.ui;

import app.homeward.base.NotFoundException;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A service said "not found" while a page was opening (a missing id, another client's entry, another
 * clinic's worksheet): the same calm page as an unknown address, and no stack trace in the log.
 */
@AnonymousAllowed
public class MissingObjectView extends Main implements HasErrorParameter<NotFoundException>,
        HasDynamicTitle {

    public MissingObjectView() {
        addClassName("public-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.not-found.title") + " · Homeward";
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        NotFoundView.show(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
