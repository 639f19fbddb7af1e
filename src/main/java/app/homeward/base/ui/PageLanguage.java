package app.homeward.base.ui;

import app.homeward.base.Messages;
import app.homeward.base.Regions;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language of a public page (clinic page, sign-in, invitation, reset, unsubscribe), in this order
 * (issue 14): the language of the link that opened it ({@code ?lang=es}, which our emails add), else one
 * chosen on an earlier public page in this browser session, else the browser's most preferred language we
 * have texts for, else the clinic's default. A small switch on the page links to the other languages.
 * After sign-in the person's own language setting takes over.
 */
public final class PageLanguage {

    /** The query parameter our links carry: "lang=es". */
    public static final String PARAMETER = "lang";
    private static final String CHOSEN = PageLanguage.class.getName() + ".chosen";

    private PageLanguage() {
    }

    /** The page's language; a language from the link is remembered for the rest of the browser session. */
    public static Locale choose(Location location, String fallbackLanguage) {
        Optional<Locale> fromLink = fromLink(location);
        VaadinSession session = VaadinSession.getCurrent();
        if (fromLink.isPresent()) {
            if (session != null) {
                session.setAttribute(CHOSEN, fromLink.get().getLanguage());
            }
            return fromLink.get();
        }
        if (session != null && session.getAttribute(CHOSEN) instanceof String chosen) {
            return Messages.forLanguageTag(chosen);
        }
        return fromBrowser(header("Accept-Language")).orElseGet(() -> Messages.forLanguageTag(fallbackLanguage));
    }

    /** The browser's region ("GB" for en-GB), "" when it does not say. */
    public static String browserRegion() {
        return Regions.fromAcceptLanguage(header("Accept-Language"));
    }

    /** "?lang=es" on the address, when it names a language we have texts for. */
    static Optional<Locale> fromLink(Location location) {
        if (location == null) {
            return Optional.empty();
        }
        List<String> values = location.getQueryParameters().getParameters().getOrDefault(PARAMETER, List.of());
        return values.stream().filter(PageLanguage::supported).findFirst().map(Messages::forLanguageTag);
    }

    /** The first language in Accept-Language that we have texts for ("fr-FR,es;q=0.8" → es). */
    public static Optional<Locale> fromBrowser(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-", 2)[0];
                if (supported(language)) {
                    return Optional.of(Messages.forLanguageTag(language));
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header we cannot read says nothing
        }
        return Optional.empty();
    }

    private static boolean supported(String language) {
        return language != null && Messages.SUPPORTED.stream().anyMatch(l -> l.getLanguage().equalsIgnoreCase(language));
    }

    private static String header(String name) {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : request.getHeader(name);
    }

    /**
     * "English · Español": links to this same page in each other language. Each name is written in its own
     * language, as people look for it, and is a full page load so the page is built again in that language.
     */
    public static Nav switcher(Location location, Locale current) {
        Nav nav = new Nav();
        nav.addClassName("language-switch");
        nav.setId("language-switch");
        nav.getElement().setAttribute("aria-label", "Language / Idioma");
        String path = location == null ? "" : location.getPath();
        for (Locale language : Messages.SUPPORTED) {
            String code = language.getLanguage();
            String name = language.getDisplayLanguage(language);
            name = name.substring(0, 1).toUpperCase(language) + name.substring(1);
            if (code.equals(Messages.supported(current).getLanguage())) {
                Span here = new Span(name);
                here.getElement().setAttribute("aria-current", "true");
                here.getElement().setAttribute("lang", code);
                nav.add(here);
            } else {
                Anchor other = new Anchor("/" + path + "?" + QueryParameters.simple(Map.of(PARAMETER, code)).getQueryString(), name);
                other.getElement().setAttribute("router-ignore", true);
                other.getElement().setAttribute("lang", code);
                other.getElement().setAttribute("hreflang", code);
                other.setId("language-" + code);
                nav.add(other);
            }
        }
        return nav;
    }
}
