package app.homeward.homework.ui;

import app.homeward.homework.PortalService;
import app.homeward.homework.PortalService.PastEntry;
import app.homeward.security.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** /my/progress: the client's own past entries, newest first, with the therapist's feedback marked. */
@Route("my/progress")
@Menu(title = "nav.progress", order = 50, icon = "CHART")
@RolesAllowed(Role.CLIENT_NAME)
public class ProgressView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final PortalService portal;

    public ProgressView(PortalService portal) {
        this.portal = portal;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("portal.progress.title")));
        List<PastEntry> history = portal.history();
        add(new Paragraph(getTranslation("portal.progress.count", history.size())));
        if (history.isEmpty()) {
            Div empty = new Div(new Paragraph(getTranslation("portal.progress.empty")));
            empty.addClassName("empty-state");
            add(empty);
            return;
        }
        add(new H2(getTranslation("portal.progress.entries")));
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        for (PastEntry past : history) {
            Div row = new Div();
            row.addClassName("history-row");
            RouterLink link = new RouterLink(past.title(), DoHomeworkView.class,
                    new RouteParameters("occurrence", past.occurrenceId().toString()));
            row.add(link, new Span(past.submittedAt().format(format)));
            if (past.percentDone() != null && past.percentDone() < 100) {
                row.add(new Span(getTranslation("portal.progress.partial", past.percentDone())));
            }
            if (past.score() != null) {
                row.add(new Span(getTranslation("portal.progress.score", past.score(),
                        past.band() == null ? "" : past.band())));
            }
            if (past.hasFeedback()) {
                Span feedback = new Span(getTranslation("portal.progress.feedback"));
                feedback.addClassName("badge");
                row.add(feedback);
            }
            add(row);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.progress.title") + " · Homeward";
    }
}
