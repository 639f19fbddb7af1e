package app.homeward.homework.practice.ui;

import app.homeward.base.Dates;
import app.homeward.base.ui.PageLinks;
import app.homeward.homework.practice.PracticeMeasure;
import app.homeward.homework.practice.PracticeReport;
import app.homeward.homework.practice.PracticeReport.Share;
import app.homeward.homework.practice.PracticeService;
import app.homeward.security.CurrentUser;
import app.homeward.security.Role;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * /app/practice: "my homework practice". For each habit the research ties to homework being done, the share of
 * the therapist's own plans or reviews that show it, over six months and month by month. Admins see the clinic's
 * totals below their own. Encouraging words, no target, no ranking (decision 0044).
 */
@Route("app/practice")
@Menu(title = "nav.practice", order = 18, icon = "LIGHTBULB")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class PracticeView extends Div implements HasDynamicTitle {

    public PracticeView(PracticeService practice) {
        addClassName("page");
        addClassName("practice-page");
        H1 title = new H1(getTranslation("practice.title"));
        title.setId("practice-title");
        Paragraph intro = new Paragraph(getTranslation("practice.intro", PracticeService.MONTHS));
        intro.addClassName("page-intro");
        // where the figures come from, one step away (and something on the page to reach by keyboard)
        Paragraph links = new Paragraph(new Text(getTranslation("practice.links") + " "),
                PageLinks.to(getTranslation("practice.links.clients"), "app/clients"), new Text(" · "),
                PageLinks.to(getTranslation("practice.links.review"), "app/review"));
        links.addClassName("practice-links");
        add(title, intro, links);

        PracticeReport mine = practice.mine();
        Div own = section("practice-own", getTranslation("practice.own"), getTranslation("practice.own.private"));
        if (mine.empty()) {
            Div empty = new Div(new Paragraph(getTranslation("practice.empty")),
                    PageLinks.to(getTranslation("practice.empty.action"), "app/clients"));
            empty.addClassName("empty-state");
            empty.setId("practice-empty");
            own.add(empty);
        } else {
            own.add(measures(mine, "own"));
        }
        add(own);

        if (CurrentUser.require().role() == Role.CLINIC_ADMIN) {
            PracticeReport clinic = practice.clinic();
            Div together = section("practice-clinic", getTranslation("practice.clinic"),
                    getTranslation("practice.clinic.note"));
            together.add(clinic.empty() ? new Paragraph(getTranslation("practice.clinic.empty")) : measures(clinic, "clinic"));
            add(together);
        }
    }

    private static Div section(String id, String heading, String note) {
        Paragraph explained = new Paragraph(note);
        explained.addClassName("practice-note");
        Div section = new Div(new H2(heading), explained);
        section.setId(id);
        section.addClassName("practice-section");
        return section;
    }

    private Div measures(PracticeReport report, String prefix) {
        Div cards = new Div();
        cards.addClassName("practice-cards");
        for (PracticeMeasure measure : PracticeMeasure.values()) {
            cards.add(card(report, measure, prefix));
        }
        return cards;
    }

    /** One habit: what it is, why it matters, the six months together, then each month. */
    private Div card(PracticeReport report, PracticeMeasure measure, String prefix) {
        String key = "practice.measure." + measure.key();
        Paragraph why = new Paragraph(getTranslation(key + ".why"));
        why.addClassName("practice-why");
        Paragraph total = new Paragraph(figure(report.total(measure), key, true));
        total.addClassName("practice-total");
        total.setId(prefix + "-" + measure.key() + "-total");
        UnorderedList months = new UnorderedList();
        months.addClassName("practice-months");
        months.getElement().setAttribute("aria-label", getTranslation("practice.by-month"));
        for (PracticeReport.Month month : report.months()) {
            ListItem item = new ListItem(Dates.month(month.month(), getLocale()) + ": "
                    + figure(month.share(measure), key, false));
            months.add(item);
        }
        Div card = new Div(new H3(getTranslation(key)), why, total, months);
        card.addClassName("practice-card");
        card.setId(prefix + "-" + measure.key());
        return card;
    }

    /** "12 of 15 plans (80 %)", "–" for a month with nothing to count, or a sentence when there never was. */
    private String figure(Share share, String key, boolean whole) {
        if (share.of() == 0) {
            return whole ? getTranslation(key + ".none") : Dates.NONE;
        }
        return getTranslation(key + ".share", share.count(), share.of(), share.percent());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("practice.title") + " · Homeward";
    }
}
