package app.homeward.portal.ui;

import app.homeward.base.Dates;
import app.homeward.base.Messages;
import app.homeward.base.ui.PageLanguage;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import java.util.Locale;

import app.homeward.security.CurrentUser;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * /: what Homeward is, and the two ways in. Speaks the language of the link ({@code ?lang=es}), else one
 * chosen earlier in this browser session, else the browser's, like the other public pages
 * ({@link PageLanguage}), with the same language switch.
 */
@Route(value = "", autoLayout = false)
@AnonymousAllowed
public class LandingView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    public LandingView() {
        addClassName("landing");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Locale language;
        if (CurrentUser.get().isPresent()) {
            // signed in: the person's own language, set at sign-in, stays
            language = Messages.supported(event.getUI().getLocale());
        } else {
            language = PageLanguage.choose(event.getLocation(), Messages.supported(event.getUI().getLocale()).getLanguage());
            event.getUI().setLocale(Dates.viewerLocale(language, PageLanguage.browserRegion(), ""));
        }
        removeAll();
        H1 title = new H1(getTranslation("landing.title"));
        title.setId("landing-title");
        Paragraph lead = new Paragraph(getTranslation("landing.lead"));
        lead.addClassName("landing-lead");

        Anchor start = new Anchor("signup", getTranslation("landing.start"));
        start.setId("start-clinic");
        start.addClassNames("button-link", "button-link--primary");
        Anchor signIn = CurrentUser.get()
                .map(user -> new Anchor(user.role().home(), getTranslation("landing.continue")))
                .orElseGet(() -> new Anchor("login", getTranslation("landing.sign-in")));
        signIn.setId("sign-in-link");
        signIn.addClassName("button-link");
        Div actions = new Div(start, signIn);
        actions.addClassName("landing-actions");

        Div points = new Div();
        points.addClassName("landing-points");
        for (String key : new String[]{"why", "together", "remind", "review"}) {
            Div point = new Div(new H2(getTranslation("landing." + key + ".title")),
                    new Paragraph(getTranslation("landing." + key + ".body")));
            point.addClassName("landing-point");
            points.add(point);
        }
        add(new Div(title, lead, actions), points);
        if (CurrentUser.get().isEmpty()) {
            add(PageLanguage.switcher(event.getLocation(), language));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("landing.page-title");
    }
}
