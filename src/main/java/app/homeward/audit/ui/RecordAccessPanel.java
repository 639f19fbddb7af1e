package app.homeward.audit.ui;

import app.homeward.audit.AuditLabels;
import app.homeward.audit.AuditRow;
import app.homeward.audit.AuditService;
import app.homeward.audit.AuditService.RecordAccess;
import app.homeward.base.Dates;
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
 * days. For clinic admins only (the service, {@code AuditService.recentViews}, refuses anyone else); add
 * what the page read to it with {@code add(new RecordAccessPanel(access, clientId, clinicZone));}.
 */
public class RecordAccessPanel extends Div {

    final UnorderedList views = new UnorderedList();
    final RouterLink all;

    public RecordAccessPanel(RecordAccess access, UUID clientId, ZoneId zone) {
        addClassName("form-section");
        addClassName("record-access");
        setId("record-access");
        AuditLabels labels = new AuditLabels(this::getTranslation);

        Paragraph intro = new Paragraph(getTranslation("audit.record.intro"));
        intro.addClassName("record-access-intro");
        add(new H2(getTranslation("audit.record.title")), intro);
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
    }
}
