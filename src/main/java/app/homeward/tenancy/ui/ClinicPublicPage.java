package app.homeward.tenancy.ui;

import app.homeward.base.Dates;
import app.homeward.base.ui.PageLanguage;
import app.homeward.base.ui.PublicPage;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import java.util.Locale;
import java.util.Optional;

/**
 * Base of every page under /c/{slug}: looks up the clinic, speaks the language of the link that opened it,
 * else the browser's, else the clinic's default ({@link PageLanguage}), with a language switch, wears its
 * colours. An unknown, unverified or suspended clinic gets one calm "not available" page: the same
 * answer whether the address exists or not.
 */
public abstract class ClinicPublicPage extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    protected final ClinicDirectory clinics;
    private String pageTitle = "Homeward";

    protected ClinicPublicPage(ClinicDirectory clinics) {
        this.clinics = clinics;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        Optional<ClinicBranding> clinic = lookup(slug);
        if (clinic.isEmpty()) {
            showUnavailable();
            return;
        }
        // the link's language, else the browser's, else the clinic's; dates in the browser's or clinic's region
        Locale language = PageLanguage.choose(event.getLocation(), clinic.get().defaultLanguage());
        event.getUI().setLocale(Dates.viewerLocale(language, PageLanguage.browserRegion(), clinic.get().country()));
        setLanguageSwitch(PageLanguage.switcher(event.getLocation(), language));
        ClinicBrand.apply(event.getUI(), clinic.get());
        setCardContent(ClinicBrand.header(clinic.get(), clinics, true));
        pageTitle = clinic.get().name();
        build(clinic.get(), event);
    }

    /** Active clinics only, unless a page (like verification) needs a pending one. */
    protected Optional<ClinicBranding> lookup(String slug) {
        return clinics.findActiveBySlug(slug);
    }

    protected abstract void build(ClinicBranding clinic, BeforeEnterEvent event);

    protected void showUnavailable() {
        pageTitle = getTranslation("clinic.unavailable.title");
        Anchor find = new Anchor("login", getTranslation("clinic.unavailable.find"));
        setCardContent(title(getTranslation("clinic.unavailable.title")),
                new Paragraph(getTranslation("clinic.unavailable.body")), find);
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " · Homeward";
    }
}
