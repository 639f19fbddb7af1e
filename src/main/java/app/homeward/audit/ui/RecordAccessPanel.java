package app.homeward.audit.ui;

import app.homeward.audit.AuditLabels;
import app.homeward.audit.AuditRow;
import app.homeward.audit.AuditService;
import app.homeward.audit.AuditService.RecordAccess;
import app.homeward.base.Dates;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;

import java.time.ZoneId;
import java.util.UUID;

/**
 * "Who opened this record": the latest looks at one client's record (who, as what, what they opened, when,
 * in the clinic's time zone), and one click to everything the trail holds about the client in the last 90
 * days. For clinic admins only (the service, {@code AuditService.recentViews}, refuses anyone else).
 *
 * <p>Read when the admin asks ("Show who opened it"), not with the page: the client page is about the client's
 * homework, and this look into the trail would otherwise add its two statements (the records and their people's
 * names) to every admin's page load and its list to the open page for as long as it stays open.
 */
public class RecordAccessPanel extends Div {

    /** How many of the latest looks the panel lists; the whole trail is one click further. */
    public static final int RECENT_VIEWS = 10;

    final UnorderedList views = new UnorderedList();
    final Button show;
    RouterLink all;
    private final AuditService audit;
    private final UUID clientId;
    private final ZoneId zone;

    public RecordAccessPanel(AuditService audit, UUID clientId, ZoneId zone) {
        this.audit = audit;
        this.clientId = clientId;
        this.zone = zone;
        addClassName("form-section");
        addClassName("record-access");
        setId("record-access");
        Paragraph intro = new Paragraph(getTranslation("audit.record.intro"));
        intro.addClassName("record-access-intro");
        show = new Button(getTranslation("audit.record.show"), e -> show());
        show.setId("record-access-show");
        add(new H2(getTranslation("audit.record.title")), intro, show);
    }

    private void show() {
        RecordAccess access = audit.recentViews(clientId, RECENT_VIEWS);
        remove(show);
        AuditLabels labels = new AuditLabels(this::getTranslation);
        if (access.views().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("audit.record.empty", AuditService.RECENT_DAYS));
            empty.addClassName("empty-state");
            add(empty);
        } else {
            views.addClassName("record-access-list");
            for (AuditRow row : access.views()) {
                Span who = new Span(labels.actorWithRole(row));
                who.addClassName("record-access-who");
                Span what = new Span(labels.action(row));
                what.addClassName("record-access-what");
                Span when = new Span(Dates.dateTime(row.occurredAt(), zone, getLocale()));
                when.addClassName("record-access-when");
                views.add(new ListItem(who, what, when));
            }
            add(views);
        }
        all = new RouterLink(getTranslation("audit.record.all", AuditService.RECENT_DAYS), AuditView.class);
        all.setQueryParameters(AuditView.link(clientId, access.from(), access.to(), null));
        all.setId("record-access-all");
        all.addClassName("record-access-all");
        add(all);
        // what was read replaced the button that had the focus: a keyboard user goes on from there, not from the top
        if (access.views().isEmpty()) {
            all.getElement().callJsFunction("focus");
        } else {
            views.getElement().setAttribute("tabindex", "-1");
            views.getElement().callJsFunction("focus");
        }
    }
}
