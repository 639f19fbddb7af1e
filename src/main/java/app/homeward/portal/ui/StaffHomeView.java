package app.homeward.portal.ui;

import app.homeward.homework.review.ReviewService;
import app.homeward.safety.ClinicSafety;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * /app: where therapists and admins land. What waits for them first (alerts, entries to review, change
 * requests, counted across their caseload), then what to do next, never an empty page.
 */
@Route("app")
@Menu(title = "nav.home", order = 0, icon = "HOME")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class StaffHomeView extends VerticalLayout implements HasDynamicTitle {

    public StaffHomeView(ClinicSafety safety, ReviewService reviews) {
        HomewardUser user = CurrentUser.require();
        addClassName("page");
        H1 hello = new H1(getTranslation("home.staff.hello", user.displayName()));
        hello.setId("home-title");
        add(hello, waiting(reviews.waiting()));
        if (user.role() == Role.CLINIC_ADMIN) {
            if (!safety.hasCrisisLine()) {
                // before any client can raise a safety alert, the clinic says where its clients should turn
                Div crisis = card(getTranslation("home.admin.crisis.title"), getTranslation("home.admin.crisis.body"),
                        "app/settings#crisis-lines", getTranslation("home.admin.crisis.action"));
                crisis.setId("crisis-line-prompt");
                crisis.addClassName("home-card--first");
                add(crisis);
            }
            add(card(getTranslation("home.admin.team.title"), getTranslation("home.admin.team.body"),
                    "app/staff", getTranslation("home.admin.team.action")));
            add(card(getTranslation("home.admin.settings.title"), getTranslation("home.admin.settings.body"),
                    "app/settings", getTranslation("home.admin.settings.action")));
        }
        add(card(getTranslation("home.clients.title"), getTranslation("home.clients.body"),
                "app/clients", getTranslation("home.clients.action")));
        add(card(getTranslation("home.review.title"), getTranslation("home.review.body"),
                "app/review", getTranslation("home.review.action")));
        add(card(getTranslation("adherence.home.title"), getTranslation("adherence.home.body"),
                "app/adherence", getTranslation("adherence.home.action")));
        add(card(getTranslation("practice.home.title"), getTranslation("practice.home.body"),
                "app/practice", getTranslation("practice.home.action")));
        add(card(getTranslation("home.worksheets.title"), getTranslation("home.worksheets.body"),
                "app/worksheets", getTranslation("home.worksheets.action")));
    }

    /** What waits for this person, first thing: each count links to where it is dealt with. */
    private Div waiting(ReviewService.Waiting waiting) {
        Div box = new Div();
        box.setId("home-waiting");
        box.addClassName("home-waiting");
        if (waiting.nothing()) {
            box.add(new Paragraph(getTranslation("home.waiting.nothing")));
            return box;
        }
        UnorderedList list = new UnorderedList();
        if (waiting.openAlerts() > 0) {
            list.add(new ListItem(new Anchor("app/alerts", getTranslation("home.waiting.alerts", waiting.openAlerts()))));
        }
        if (waiting.toReview() > 0) {
            list.add(new ListItem(new Anchor("app/review", getTranslation("home.waiting.review", waiting.toReview()))));
        }
        if (waiting.changeRequests() > 0) {
            list.add(new ListItem(new Anchor("app/clients", getTranslation("home.waiting.changes", waiting.changeRequests()))));
        }
        box.add(new H2(getTranslation("home.waiting.title")), list);
        return box;
    }

    private static Div card(String title, String body, String href, String action) {
        Div card = new Div(new H2(title), new Paragraph(body));
        card.addClassName("home-card");
        if (href != null) {
            card.add(new Anchor(href, action));
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · Homeward";
    }
}
